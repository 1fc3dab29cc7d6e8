using OnePointEntry.Deliveries;
using OnePointEntry.Enquiries;

namespace OnePointEntry.Workspace;

/// <summary>
/// What needs staff, at a glance: the open enquiries from the worklist's index and those with a delivery that
/// failed from the outbox's index of open deliveries, filtered, counted per state and paged. Both indexes hold
/// only open work, so a page costs the same however many enquiries are stored.
/// </summary>
public sealed class Worklist(IWorklistIndex index, Outbox outbox, IEnquiryStore store)
{
    public async Task<WorklistPage> ReadAsync(WorklistQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var open = await index.ListOpenAsync(cancellationToken);
        var entries = new List<WorklistEntry>(open);
        entries.AddRange(await ListDeliveryFailuresAsync(open, cancellationToken));

        var matching = entries.Where(entry => Matches(entry, query)).ToList();
        var counts = Enum.GetValues<WorkState>().ToDictionary(state => state, state => matching.Count(entry => entry.State == state));
        var inState = matching
            .Where(entry => query.State is null || entry.State == query.State)
            .OrderBy(entry => entry.Due ?? DateTimeOffset.MaxValue)
            .ThenBy(entry => entry.ReceivedAt)
            .ThenBy(entry => entry.Reference.ToString(), StringComparer.Ordinal)
            .ToList();
        var pageCount = Math.Max(1, (inState.Count + WorklistQuery.PageSize - 1) / WorklistQuery.PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        return new WorklistPage(counts, inState.Skip((page - 1) * WorklistQuery.PageSize).Take(WorklistQuery.PageSize).ToList(), page, pageCount, inState.Count);
    }

    private async Task<List<WorklistEntry>> ListDeliveryFailuresAsync(IReadOnlyList<WorklistEntry> open, CancellationToken cancellationToken)
    {
        var known = open.ToDictionary(entry => entry.Reference);
        var failed = new List<WorklistEntry>();
        var seen = new HashSet<EnquiryReference>();
        await foreach (var delivery in outbox.ListFailedAsync(cancellationToken))
        {
            // Deliveries about a monthly report are the operators' (see the operations API), not an enquiry's.
            if (!EnquiryReference.TryParse(delivery.Id.Subject, out var reference) || !seen.Add(reference))
            {
                continue;
            }

            if (known.TryGetValue(reference, out var entry))
            {
                failed.Add(entry with { State = WorkState.DeliveryFailed });
            }
            else if (await store.FindAsync(reference, cancellationToken) is { } enquiry)
            {
                failed.Add(WorklistEntry.Describe(enquiry, WorkState.DeliveryFailed));
            }
        }

        return failed;
    }

    private static bool Matches(WorklistEntry entry, WorklistQuery query)
    {
        if (query.ScreenerId is { Length: > 0 } screener && !string.Equals(entry.ScreenerId, screener, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (query.CountryCode is { Length: > 0 } country && !string.Equals(entry.CountryCode, country, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (query.Theme is { Length: > 0 } theme && !entry.Themes.Contains(theme, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }

        if (query.Month is { Length: > 0 } month && entry.Reference.ReceivedMonth != month)
        {
            return false;
        }

        if (query.Search is not { Length: > 0 } search)
        {
            return true;
        }

        var text = search.Trim();
        return entry.Reference.ToString().Equals(text, StringComparison.OrdinalIgnoreCase)
            || entry.Organisation.Contains(text, StringComparison.OrdinalIgnoreCase)
            || (entry.SenderDomain is { } domain && (domain.Equals(text.TrimStart('@'), StringComparison.OrdinalIgnoreCase) || domain.EndsWith("." + text.TrimStart('@'), StringComparison.OrdinalIgnoreCase)));
    }
}
