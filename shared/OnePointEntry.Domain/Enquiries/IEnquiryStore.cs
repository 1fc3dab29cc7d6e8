using OnePointEntry.Statistics;

namespace OnePointEntry.Enquiries;

/// <summary>
/// Where enquiries are kept. Implementations must make <see cref="AddAsync"/> all-or-nothing, and keep the open load
/// (<see cref="ReadOpenLoadAsync"/>) in step in the same transaction as every write that changes whom an enquiry counts
/// toward (<see cref="Enquiry.StoredLoadOf"/> against <see cref="OnePointEntry.Screening.ScreenerLoad.Of"/>).
/// </summary>
public interface IEnquiryStore
{
    /// <summary>
    /// Stores a new enquiry together with the marks that recognise a repeat of the same submission, in one
    /// transaction. <paramref name="expiredMarks"/> are marks found in the enquiry's month whose time window
    /// has passed: they are taken over by the new enquiry, unless they changed since they were read.
    /// Returns <see cref="AddEnquiryResult.Added"/>, or what blocked it: nothing is stored then.
    /// </summary>
    Task<AddEnquiryResult> AddAsync(Enquiry enquiry, IReadOnlyList<SubmissionMark> marks, IReadOnlyCollection<StoredSubmissionMark> expiredMarks, CancellationToken cancellationToken);

    /// <summary>The mark stored for a submission in the given month, if any.</summary>
    Task<StoredSubmissionMark?> FindMarkAsync(SubmissionMark mark, string receivedMonth, CancellationToken cancellationToken);

    Task<Enquiry?> FindAsync(EnquiryReference reference, CancellationToken cancellationToken);

    /// <summary>
    /// Saves a changed enquiry unless someone else changed it since it was read; false then. A status
    /// change is written to the audit in the same transaction: both or neither.
    /// </summary>
    Task<bool> TryUpdateAsync(Enquiry enquiry, StatusChange? statusChange, CancellationToken cancellationToken);

    /// <summary>
    /// Saves an enquiry staff corrected, with one audit row per field and the status change the correction made
    /// (if it made one), unless someone else changed it since it was read; false then. All or nothing.
    /// </summary>
    Task<bool> TryCorrectAsync(Enquiry corrected, IReadOnlyList<FieldCorrection> corrections, StatusChange? statusChange, CancellationToken cancellationToken);

    /// <summary>The enquiry's corrections, oldest first.</summary>
    Task<IReadOnlyList<FieldCorrection>> ListCorrectionsAsync(EnquiryReference reference, CancellationToken cancellationToken);

    /// <summary>The enquiry's status changes, oldest first.</summary>
    Task<IReadOnlyList<StatusChange>> ListStatusChangesAsync(EnquiryReference reference, CancellationToken cancellationToken);

    /// <summary>
    /// Open screenings per screener (see <see cref="OnePointEntry.Screening.ScreenerLoad"/>) among the enquiries received in one month
    /// (<c>yyyy-MM</c>), as counted by the store in each write of an enquiry: the cost follows the number of screeners,
    /// never the enquiries stored. An enquiry stored before loads were counted is not in it until it is saved again.
    /// </summary>
    Task<IReadOnlyDictionary<string, int>> ReadOpenLoadAsync(string receivedMonth, CancellationToken cancellationToken);

    /// <summary>The enquiries received in one month (<c>yyyy-MM</c>) that are still waiting in <paramref name="status"/>.</summary>
    IAsyncEnumerable<Enquiry> ListAsync(string receivedMonth, EnquiryStatus status, CancellationToken cancellationToken);

    /// <summary>
    /// Saves an anonymised enquiry unless someone changed it since it was read; false then. With it, and in the
    /// same transaction where the rows allow (an enquiry's rows share its month's partition): the audit entry
    /// <paramref name="audit"/>, the removal of the submission marks that point at the enquiry, and the notes
    /// of its earlier status changes cleared.
    /// </summary>
    Task<bool> TryAnonymiseAsync(Enquiry anonymised, StatusChange audit, CancellationToken cancellationToken);

    /// <summary>Every enquiry received in the months given, month by month, oldest month first.</summary>
    IAsyncEnumerable<Enquiry> ListReceivedAsync(CalendarMonth first, CalendarMonth last, CancellationToken cancellationToken);
}
