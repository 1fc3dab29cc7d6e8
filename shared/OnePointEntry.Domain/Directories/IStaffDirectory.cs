namespace OnePointEntry.Directories;

/// <summary>The screening staff.</summary>
public interface IStaffDirectory
{
    Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds or replaces each member by id; members not named are left as they are.</summary>
    Task UpsertAsync(IReadOnlyList<StaffMember> members, CancellationToken cancellationToken);
}
