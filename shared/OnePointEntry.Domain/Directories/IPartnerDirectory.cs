namespace OnePointEntry.Directories;

/// <summary>The partners delegations can be matched with.</summary>
public interface IPartnerDirectory
{
    Task<IReadOnlyList<Partner>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Adds or replaces each partner by id; partners not named are left as they are.</summary>
    Task UpsertAsync(IReadOnlyList<Partner> partners, CancellationToken cancellationToken);
}
