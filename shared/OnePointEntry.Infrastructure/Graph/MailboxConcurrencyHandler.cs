using System.Collections.Concurrent;

namespace OnePointEntry.Infrastructure.Graph;

/// <summary>
/// Keeps at most <see cref="MaxConcurrentPerMailbox"/> Graph requests to one mailbox (<c>/users/{id}/…</c>) in flight
/// from this process: Exchange Online refuses a fifth concurrent request to a mailbox with 429
/// (ApplicationThrottled, "MailboxConcurrency"), and waiting here is cheaper than being told to wait. It sits
/// innermost in the client's chain, so a retry's wait happens outside it. Requests that name no mailbox (Planner,
/// subscriptions, <c>$batch</c>) pass as they are. The limit is per instance: several instances share Graph's
/// budget and may still meet a 429, which the retries then absorb.
/// </summary>
public sealed class MailboxConcurrencyHandler : DelegatingHandler
{
    public const int MaxConcurrentPerMailbox = 4;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _mailboxes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The mailbox a Graph request is about: the segment after <c>users</c>, unescaped; null when there is none.</summary>
    public static string? MailboxOf(Uri? uri)
    {
        if (uri is null)
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (segments[i].Equals("users", StringComparison.OrdinalIgnoreCase))
            {
                return Uri.UnescapeDataString(segments[i + 1]);
            }
        }

        return null;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (MailboxOf(request.RequestUri) is not { } mailbox)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var gate = _mailboxes.GetOrAdd(mailbox, _ => new SemaphoreSlim(MaxConcurrentPerMailbox, MaxConcurrentPerMailbox));
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}
