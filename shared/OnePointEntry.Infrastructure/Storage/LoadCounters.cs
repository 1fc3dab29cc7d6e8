using System.Collections.Concurrent;
using System.Net;
using Azure;
using Azure.Data.Tables;
using OnePointEntry.Enquiries;
using OnePointEntry.Screening;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// Screeners' open load as counter rows in each month's partition of the Enquiries table (row key
/// <c>load-{staff id}~{shard}</c>, columns <c>StaffId</c> and <c>Count</c>; a screener's load is the sum of their
/// rows, see <see cref="EnquiryEntityMapper.LoadRowKey"/>). A write that changes whom an enquiry counts
/// toward carries the counters' new values in its own transaction, each guarded by the counter's ETag (or added when
/// the month has none yet): the enquiry and its counters change together or not at all, so a retried step can never
/// count twice, and two writers racing on one counter cannot both win. The loser reads the counter again and
/// resubmits, as long as its enquiry has not changed meanwhile. The process remembers each counter's value and ETag as
/// it last read or wrote it, so a write seldom needs a read first: screening has just read the month's counters, and
/// a remembered value that is out of date only costs the lost race it would have cost anyway.
/// </summary>
internal sealed class LoadCounters(TableClient table)
{
    private readonly ConcurrentDictionary<(string Month, string RowKey), Known> _known = new();

    // Screenings of a burst often pick the same screener at once; each lost race costs a point read and a batch.
    private const int MaxAttempts = 20;
    private static readonly TimeSpan s_firstBackOff = TimeSpan.FromMilliseconds(5);
    private static readonly string[] s_columns = ["RowKey", "StaffId", "Count"];

    /// <summary>One range query over the month's counter rows: as many rows as screeners, whatever the month holds.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ReadAsync(string month, CancellationToken cancellationToken)
    {
        var load = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {month} and RowKey ge {EnquiryEntityMapper.LoadRowPrefix} and RowKey lt {EnquiryEntityMapper.LoadRowEnd}");
        await foreach (var counter in table.QueryAsync<TableEntity>(filter, select: s_columns, cancellationToken: cancellationToken))
        {
            var staffId = counter.GetString("StaffId") ?? counter.RowKey[EnquiryEntityMapper.LoadRowPrefix.Length..].Split('~')[0];
            var count = counter.GetInt32("Count") ?? 0;
            load[staffId] = load.GetValueOrDefault(staffId) + count;
            Remember(month, counter.RowKey, count, counter.ETag);
        }

        return load;
    }

    /// <summary>
    /// Submits the batch <paramref name="build"/> makes (built afresh for each attempt) with the counter changes that
    /// saving <paramref name="enquiry"/> brings: one less for the screener it was counted for when read, one more for
    /// the one it counts toward now. A lost race on a counter is tried again; any other refusal is the caller's.
    /// </summary>
    public async Task SubmitAsync(Enquiry enquiry, Func<List<TableTransactionAction>> build, CancellationToken cancellationToken)
    {
        var month = enquiry.Reference.ReceivedMonth;
        var before = enquiry.StoredLoadOf;
        var after = ScreenerLoad.Of(enquiry);
        for (var attempt = 1; ; attempt++)
        {
            var actions = build();
            var firstCounter = actions.Count;
            var counters = ScreenerLoad.Same(before, after) ? [] : await ChangesAsync(enquiry.Reference, before, after, fresh: attempt > 1, cancellationToken);
            actions.AddRange(counters);

            try
            {
                var results = await table.SubmitTransactionAsync(actions, cancellationToken);
                for (var i = 0; i < counters.Length; i++)
                {
                    var written = (TableEntity)counters[i].Entity;
                    Remember(month, written.RowKey, written.GetInt32("Count") ?? 0, firstCounter + i < results.Value.Count ? results.Value[firstCounter + i].Headers.ETag : null);
                }

                return;
            }
            catch (TableTransactionFailedException failure) when (
                failure.FailedTransactionActionIndex >= firstCounter
                && failure.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound
                && attempt < MaxAttempts)
            {
                // Someone moved (or removed) the counter since it was read: nothing of this batch was written, and the
                // next attempt reads the counters rather than trust what this process remembers.
                var backOff = s_firstBackOff * Math.Pow(2, Math.Min(attempt, 6)) * (0.5 + Random.Shared.NextDouble());
                await Task.Delay(backOff, cancellationToken);
            }
        }
    }

    private async Task<TableTransactionAction[]> ChangesAsync(EnquiryReference reference, string? before, string? after, bool fresh, CancellationToken cancellationToken)
    {
        var changes = new List<(string StaffId, int Delta)>();
        if (before is not null)
        {
            changes.Add((before, -1));
        }

        if (after is not null)
        {
            changes.Add((after, +1));
        }

        return await Task.WhenAll(changes.Select(change => ChangeAsync(reference, change.StaffId, change.Delta, fresh, cancellationToken)));
    }

    private async Task<TableTransactionAction> ChangeAsync(EnquiryReference reference, string staffId, int delta, bool fresh, CancellationToken cancellationToken)
    {
        var month = reference.ReceivedMonth;
        var rowKey = EnquiryEntityMapper.LoadRowKey(staffId, reference);
        var counter = new TableEntity(month, rowKey) { ["Kind"] = "LoadCounter", ["StaffId"] = staffId };
        if (!fresh && _known.TryGetValue((month, rowKey), out var known))
        {
            counter["Count"] = known.Count + delta;
            return new TableTransactionAction(TableTransactionActionType.UpdateReplace, counter, known.ETag);
        }

        // A first attempt does not read a row this process has not seen: screening has just read all of the month's
        // counters, so it most likely does not exist yet. Should it exist, the add fails as a lost race and the next
        // attempt reads it.
        if (fresh)
        {
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(month, rowKey, s_columns, cancellationToken);
            if (stored.HasValue)
            {
                var count = stored.Value!.GetInt32("Count") ?? 0;
                Remember(month, rowKey, count, stored.Value.ETag);
                counter["Count"] = count + delta;
                return new TableTransactionAction(TableTransactionActionType.UpdateReplace, counter, stored.Value.ETag);
            }
        }

        // Add fails as a conflict if another writer added the row first.
        counter["Count"] = delta;
        return new TableTransactionAction(TableTransactionActionType.Add, counter);
    }

    private void Remember(string month, string rowKey, int count, ETag? etag)
    {
        if (etag is { } known && known != default)
        {
            _known[(month, rowKey)] = new Known(count, known);
        }
        else
        {
            _known.TryRemove((month, rowKey), out _);
        }
    }

    private sealed record Known(int Count, ETag ETag);
}
