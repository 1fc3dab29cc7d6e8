using Microsoft.Extensions.Options;
using OnePointEntry.Directories;

namespace OnePointEntry.Infrastructure.Directories;

/// <summary>
/// The partner directory as screening reads it: the whole list at most once per
/// <see cref="DirectoryCacheSettings.Freshness"/> per process; a change written through this process is seen at once.
/// </summary>
public sealed class CachedPartnerDirectory : IPartnerDirectory
{
    private readonly IPartnerDirectory _stored;
    private readonly FreshList<Partner> _list;

    public CachedPartnerDirectory(IPartnerDirectory stored, IOptions<DirectoryCacheSettings> settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(settings);
        _stored = stored;
        _list = new FreshList<Partner>(stored.ListAsync, settings.Value.Freshness, time);
    }

    public Task<IReadOnlyList<Partner>> ListAsync(CancellationToken cancellationToken) => _list.GetAsync(cancellationToken);

    public async Task UpsertAsync(IReadOnlyList<Partner> partners, CancellationToken cancellationToken)
    {
        try
        {
            await _stored.UpsertAsync(partners, cancellationToken);
        }
        finally
        {
            // Even a failed write may have saved some of its batches.
            _list.Forget();
        }
    }
}
