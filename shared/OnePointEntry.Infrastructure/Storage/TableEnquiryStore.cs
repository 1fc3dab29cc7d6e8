using System.Net;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Statistics;
using OnePointEntry.Workspace;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>Enquiries in Azure Table Storage; see <see cref="EnquiryEntityMapper"/> for the layout.</summary>
public sealed class TableEnquiryStore : IEnquiryStore
{
    private static readonly string[] s_personalNote = ["Note"];
    private static readonly string[] s_personalCorrection = ["Note", "Before", "After"];

    private readonly TableClient _table;
    private readonly CreateOnce _created;
    private readonly WorklistMonths _worklistMonths;
    private readonly LoadCounters _loads;

    public TableEnquiryStore(TableServiceClient tables, StorageNames names)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(names);
        _table = tables.GetTableClient(names.EnquiriesTable);
        _created = new CreateOnce(cancellationToken => _table.CreateIfNotExistsAsync(cancellationToken));
        _worklistMonths = new WorklistMonths(_table, TimeProvider.System);
        _loads = new LoadCounters(_table);
    }

    public async Task<AddEnquiryResult> AddAsync(Enquiry enquiry, IReadOnlyList<SubmissionMark> marks, IReadOnlyCollection<StoredSubmissionMark> expiredMarks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(expiredMarks);
        await _created.EnsureAsync(cancellationToken);
        var month = enquiry.Reference.ReceivedMonth;
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, EnquiryEntityMapper.ToEntity(enquiry)) };
        if (WorklistEntry.Of(enquiry) is { } work)
        {
            await _worklistMonths.RegisterAsync(month, cancellationToken);
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, EnquiryEntityMapper.ToEntity(work)));
        }

        foreach (var mark in marks)
        {
            var entity = EnquiryEntityMapper.ToEntity(mark, month, enquiry.Reference, enquiry.ReceivedAt);
            var expired = expiredMarks.FirstOrDefault(stored => stored.ReceivedMonth == month && EnquiryEntityMapper.RowKeyOf(stored.Mark) == entity.RowKey);
            actions.Add(expired is null
                ? new TableTransactionAction(TableTransactionActionType.Add, entity)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(expired.Version)));
        }

        try
        {
            // A new enquiry counts toward a screener's load only when it comes in decided (tests, imports).
            await _loads.SubmitAsync(enquiry, () => [.. actions], cancellationToken);
            return AddEnquiryResult.Added;
        }
        catch (TableTransactionFailedException failure) when (failure.Status is (int)HttpStatusCode.Conflict or (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return failure.FailedTransactionActionIndex == 0 ? AddEnquiryResult.ReferenceTaken : AddEnquiryResult.MarkTaken;
        }
    }

    public async Task<StoredSubmissionMark?> FindMarkAsync(SubmissionMark mark, string receivedMonth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mark);
        await _created.EnsureAsync(cancellationToken);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(receivedMonth, EnquiryEntityMapper.RowKeyOf(mark), cancellationToken: cancellationToken);
        return response.HasValue ? EnquiryEntityMapper.ToMark(mark, response.Value!) : null;
    }

    public async Task<Enquiry?> FindAsync(EnquiryReference reference, CancellationToken cancellationToken)
    {
        var entity = await FindEntityAsync(reference, cancellationToken);
        return entity is null ? null : EnquiryEntityMapper.ToEnquiry(entity);
    }

    public async Task<bool> TryUpdateAsync(Enquiry enquiry, StatusChange? statusChange, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        return await TrySaveAsync(enquiry, statusChange is null ? [] : [EnquiryEntityMapper.ToEntity(statusChange)], cancellationToken);
    }

    public async Task<bool> TryCorrectAsync(Enquiry corrected, IReadOnlyList<FieldCorrection> corrections, StatusChange? statusChange, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(corrected);
        ArgumentNullException.ThrowIfNull(corrections);
        List<TableEntity> audit = [.. corrections.Select(EnquiryEntityMapper.ToEntity)];
        if (statusChange is not null)
        {
            audit.Add(EnquiryEntityMapper.ToEntity(statusChange));
        }

        return await TrySaveAsync(corrected, audit, cancellationToken);
    }

    public async Task<IReadOnlyList<FieldCorrection>> ListCorrectionsAsync(EnquiryReference reference, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var (from, to) = EnquiryEntityMapper.StatusChangeRowRange(reference);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {reference.ReceivedMonth} and RowKey ge {from} and RowKey lt {to} and Kind eq {EnquiryEntityMapper.CorrectionKind}");
        var corrections = new List<FieldCorrection>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            corrections.Add(EnquiryEntityMapper.ToCorrection(reference, entity));
        }

        return corrections;
    }

    /// <summary>
    /// Saves a changed enquiry with its audit rows, its line in the worklist's index and the load counters its change
    /// moves, in one transaction, unless the enquiry changed since it was read.
    /// </summary>
    private async Task<bool> TrySaveAsync(Enquiry enquiry, IReadOnlyList<TableEntity> audit, CancellationToken cancellationToken)
    {
        var version = enquiry.Version ?? throw new ArgumentException("Only an enquiry read from the store can be updated.", nameof(enquiry));
        await _created.EnsureAsync(cancellationToken);
        List<TableTransactionAction> actions = [new(TableTransactionActionType.UpdateReplace, EnquiryEntityMapper.ToEntity(enquiry), new ETag(version))];
        actions.AddRange(audit.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
        var leavesWorklist = -1;
        if (WorklistEntry.Of(enquiry) is { } work)
        {
            await _worklistMonths.RegisterAsync(enquiry.Reference.ReceivedMonth, cancellationToken);
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, EnquiryEntityMapper.ToEntity(work)));
        }
        else if (enquiry.StoredStatus is { } stored && WorkStates.Of(stored) is not null)
        {
            leavesWorklist = actions.Count;
            actions.Add(new TableTransactionAction(
                TableTransactionActionType.Delete,
                new TableEntity(enquiry.Reference.ReceivedMonth, EnquiryEntityMapper.WorkRowKey(enquiry.Reference)),
                ETag.All));
        }

        try
        {
            await _loads.SubmitAsync(enquiry, () => [.. actions], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException failure) when (failure.Status == (int)HttpStatusCode.NotFound && failure.FailedTransactionActionIndex == leavesWorklist)
        {
            // An enquiry that was open before the worklist's index existed has no line to remove.
            actions.RemoveAt(leavesWorklist);
            return await TrySubmitAsync(enquiry, actions, cancellationToken);
        }
        catch (TableTransactionFailedException failure) when (failure.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private async Task<bool> TrySubmitAsync(Enquiry enquiry, List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await _loads.SubmitAsync(enquiry, () => [.. actions], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException failure) when (failure.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<IReadOnlyDictionary<string, int>> ReadOpenLoadAsync(string receivedMonth, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        return await _loads.ReadAsync(receivedMonth, cancellationToken);
    }

    public async Task<IReadOnlyList<StatusChange>> ListStatusChangesAsync(EnquiryReference reference, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var (from, to) = EnquiryEntityMapper.StatusChangeRowRange(reference);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {reference.ReceivedMonth} and RowKey ge {from} and RowKey lt {to}");
        var changes = new List<StatusChange>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (EnquiryEntityMapper.IsStatusChange(entity))
            {
                changes.Add(EnquiryEntityMapper.ToStatusChange(reference, entity));
            }
        }

        return changes;
    }

    public async IAsyncEnumerable<Enquiry> ListAsync(string receivedMonth, EnquiryStatus status, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {receivedMonth} and RowKey ge {EnquiryEntityMapper.EnquiryRowPrefix} and RowKey lt {EnquiryReference.Prefix + "."} and Status eq {status.ToString()}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return EnquiryEntityMapper.ToEnquiry(entity);
        }
    }

    public async Task<bool> TryAnonymiseAsync(Enquiry anonymised, StatusChange audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(anonymised);
        ArgumentNullException.ThrowIfNull(audit);
        var version = anonymised.Version ?? throw new ArgumentException("Only an enquiry read from the store can be anonymised.", nameof(anonymised));
        await _created.EnsureAsync(cancellationToken);
        var reference = anonymised.Reference;
        var month = reference.ReceivedMonth;
        var cleanup = new List<TableTransactionAction>();
        var marks = TableClient.CreateQueryFilter(
            $"PartitionKey eq {month} and RowKey ge {EnquiryEntityMapper.MarkRowPrefix} and RowKey lt {EnquiryEntityMapper.MarkRowEnd} and Reference eq {reference.ToString()}");
        await foreach (var mark in _table.QueryAsync<TableEntity>(marks, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            cleanup.Add(new TableTransactionAction(TableTransactionActionType.Delete, mark, ETag.All));
        }

        var (from, to) = EnquiryEntityMapper.StatusChangeRowRange(reference);
        var changes = TableClient.CreateQueryFilter($"PartitionKey eq {month} and RowKey ge {from} and RowKey lt {to}");
        await foreach (var change in _table.QueryAsync<TableEntity>(changes, cancellationToken: cancellationToken))
        {
            // Notes are free text; a corrected referrer may name a person, as the erased field itself may.
            var personal = EnquiryFields.Named(change.GetString("Field") ?? string.Empty) is { Personal: true } ? s_personalCorrection : s_personalNote;
            if (personal.Any(change.ContainsKey))
            {
                foreach (var column in personal)
                {
                    change.Remove(column);
                }

                cleanup.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, change, ETag.All));
            }
        }

        // The enquiry and its audit entry go last and together: should the clean-up before them fail halfway,
        // the enquiry is not yet marked anonymised and the next attempt repeats it (each step is idempotent).
        const int MaxTransaction = 100;
        var last = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, EnquiryEntityMapper.ToEntity(anonymised), new ETag(version)),
            new(TableTransactionActionType.Add, EnquiryEntityMapper.ToEntity(audit)),
        };
        if (WorklistEntry.Of(anonymised) is { } work)
        {
            last.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, EnquiryEntityMapper.ToEntity(work)));
        }

        // Room for the two counter rows an erasure could move (it changes no status, but keeps the counters in step
        // with whatever it saves).
        if (cleanup.Count + last.Count + 2 <= MaxTransaction)
        {
            last.AddRange(cleanup);
            cleanup.Clear();
        }

        foreach (var chunk in cleanup.Chunk(MaxTransaction))
        {
            await _table.SubmitTransactionAsync(chunk, cancellationToken);
        }

        try
        {
            await _loads.SubmitAsync(anonymised, () => [.. last], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException failure) when (failure.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<Enquiry> ListReceivedAsync(CalendarMonth first, CalendarMonth last, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {first.ToString()} and PartitionKey le {last.ToString()} and RowKey ge {EnquiryEntityMapper.EnquiryRowPrefix} and RowKey lt {EnquiryReference.Prefix + "."}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return EnquiryEntityMapper.ToEnquiry(entity);
        }
    }

    private async Task<TableEntity?> FindEntityAsync(EnquiryReference reference, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(reference.ReceivedMonth, reference.ToString(), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}
