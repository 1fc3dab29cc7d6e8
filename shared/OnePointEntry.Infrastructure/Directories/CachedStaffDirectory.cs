using Microsoft.Extensions.Options;
using OnePointEntry.Directories;

namespace OnePointEntry.Infrastructure.Directories;

/// <summary>
/// The staff directory as screening reads it: the whole list at most once per <see cref="DirectoryCacheSettings.Freshness"/>
/// per process, not once per enquiry. One member read alone (giving a screening to someone) always asks storage, and
/// a change written through this process is seen at once.
/// </summary>
public sealed class CachedStaffDirectory : IStaffDirectory
{
    private readonly IStaffDirectory _stored;
    private readonly FreshList<StaffMember> _list;

    public CachedStaffDirectory(IStaffDirectory stored, IOptions<DirectoryCacheSettings> settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(settings);
        _stored = stored;
        _list = new FreshList<StaffMember>(stored.ListAsync, settings.Value.Freshness, time);
    }

    public Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken cancellationToken) => _list.GetAsync(cancellationToken);

    public Task<StaffMember?> FindAsync(string id, CancellationToken cancellationToken) => _stored.FindAsync(id, cancellationToken);

    public async Task UpsertAsync(IReadOnlyList<StaffMember> members, CancellationToken cancellationToken)
    {
        try
        {
            await _stored.UpsertAsync(members, cancellationToken);
        }
        finally
        {
            // Even a failed write may have saved some of its batches.
            _list.Forget();
        }
    }
}
