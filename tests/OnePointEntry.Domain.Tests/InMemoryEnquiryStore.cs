using System.Runtime.CompilerServices;
using OnePointEntry.Enquiries;
using OnePointEntry.Screening;
using OnePointEntry.Statistics;

namespace OnePointEntry.Domain.Tests;

/// <summary>An enquiry store in memory, with the same version rules as the table adapter.</summary>
internal sealed class InMemoryEnquiryStore : IEnquiryStore
{
    private readonly Dictionary<EnquiryReference, Enquiry> _enquiries = [];
    private readonly List<StatusChange> _changes = [];
    private readonly List<FieldCorrection> _corrections = [];
    private int _versions;

    public IReadOnlyCollection<Enquiry> Enquiries => _enquiries.Values;

    public Task<AddEnquiryResult> AddAsync(Enquiry enquiry, IReadOnlyList<SubmissionMark> marks, IReadOnlyCollection<StoredSubmissionMark> expiredMarks, CancellationToken cancellationToken)
    {
        if (_enquiries.ContainsKey(enquiry.Reference))
        {
            return Task.FromResult(AddEnquiryResult.ReferenceTaken);
        }

        _enquiries[enquiry.Reference] = enquiry with { Version = NextVersion(), StoredLoadOf = ScreenerLoad.Of(enquiry) };
        return Task.FromResult(AddEnquiryResult.Added);
    }

    public Task<StoredSubmissionMark?> FindMarkAsync(SubmissionMark mark, string receivedMonth, CancellationToken cancellationToken) =>
        Task.FromResult<StoredSubmissionMark?>(null);

    public Task<Enquiry?> FindAsync(EnquiryReference reference, CancellationToken cancellationToken) =>
        Task.FromResult(_enquiries.GetValueOrDefault(reference));

    public Task<bool> TryUpdateAsync(Enquiry enquiry, StatusChange? statusChange, CancellationToken cancellationToken)
    {
        if (!_enquiries.TryGetValue(enquiry.Reference, out var current) || current.Version != enquiry.Version)
        {
            return Task.FromResult(false);
        }

        _enquiries[enquiry.Reference] = enquiry with { Version = NextVersion(), StoredStatus = enquiry.Status, StoredLoadOf = ScreenerLoad.Of(enquiry) };
        if (statusChange is not null)
        {
            _changes.Add(statusChange);
        }

        return Task.FromResult(true);
    }

    public Task<bool> TryCorrectAsync(Enquiry corrected, IReadOnlyList<FieldCorrection> corrections, StatusChange? statusChange, CancellationToken cancellationToken)
    {
        if (!_enquiries.TryGetValue(corrected.Reference, out var current) || current.Version != corrected.Version)
        {
            return Task.FromResult(false);
        }

        _enquiries[corrected.Reference] = corrected with { Version = NextVersion(), StoredStatus = corrected.Status, StoredLoadOf = ScreenerLoad.Of(corrected) };
        _corrections.AddRange(corrections);
        if (statusChange is not null)
        {
            _changes.Add(statusChange);
        }

        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<FieldCorrection>> ListCorrectionsAsync(EnquiryReference reference, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FieldCorrection>>([.. _corrections.Where(correction => correction.Reference == reference)]);

    public Task<IReadOnlyList<StatusChange>> ListStatusChangesAsync(EnquiryReference reference, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StatusChange>>([.. _changes.Where(change => change.Reference == reference)]);

    public async IAsyncEnumerable<Enquiry> ListAsync(string receivedMonth, EnquiryStatus status, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var enquiry in _enquiries.Values.Where(e => e.Reference.ReceivedMonth == receivedMonth && e.Status == status))
        {
            yield return enquiry;
        }
    }

    // As the table's counters: whom each stored enquiry was counted for when it was saved.
    public Task<IReadOnlyDictionary<string, int>> ReadOpenLoadAsync(string receivedMonth, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(_enquiries.Values
            .Where(enquiry => enquiry.Reference.ReceivedMonth == receivedMonth && enquiry.StoredLoadOf is not null)
            .GroupBy(enquiry => enquiry.StoredLoadOf!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.OrdinalIgnoreCase));

    public Task<bool> TryAnonymiseAsync(Enquiry anonymised, StatusChange audit, CancellationToken cancellationToken)
    {
        if (!_enquiries.TryGetValue(anonymised.Reference, out var current) || current.Version != anonymised.Version)
        {
            return Task.FromResult(false);
        }

        _enquiries[anonymised.Reference] = anonymised with { Version = NextVersion(), StoredLoadOf = ScreenerLoad.Of(anonymised) };
        for (var i = 0; i < _changes.Count; i++)
        {
            if (_changes[i].Reference == anonymised.Reference)
            {
                _changes[i] = _changes[i] with { Note = null };
            }
        }

        _changes.Add(audit);
        return Task.FromResult(true);
    }

    public async IAsyncEnumerable<Enquiry> ListReceivedAsync(CalendarMonth first, CalendarMonth last, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var enquiry in _enquiries.Values
            .Where(e => string.CompareOrdinal(e.Reference.ReceivedMonth, first.ToString()) >= 0 && string.CompareOrdinal(e.Reference.ReceivedMonth, last.ToString()) <= 0)
            .OrderBy(e => e.Reference.ReceivedMonth, StringComparer.Ordinal))
        {
            yield return enquiry;
        }
    }

    public void Put(Enquiry enquiry) => _enquiries[enquiry.Reference] = enquiry with { Version = NextVersion(), StoredLoadOf = ScreenerLoad.Of(enquiry) };

    private string NextVersion() => (++_versions).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
