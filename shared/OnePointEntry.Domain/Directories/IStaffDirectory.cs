namespace OnePointEntry.Directories;

/// <summary>The screening staff.</summary>
public interface IStaffDirectory
{
    Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One staff member by id (case-insensitive), read alone; null when there is nobody by that id.</summary>
    Task<StaffMember?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Adds or replaces each member by id; members not named are left as they are.</summary>
    Task UpsertAsync(IReadOnlyList<StaffMember> members, CancellationToken cancellationToken);
}
