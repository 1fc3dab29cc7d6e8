using OnePointEntry.Enquiries;
using OnePointEntry.Infrastructure.Storage;
using OnePointEntry.Statistics;

namespace OnePointEntry.Bench.Faults;

/// <summary>
/// Every enquiry stored in this run's storage, read through the app's own store, found by reference and by what
/// identifies its submission (a form's organisation and address, a mail's Message-ID).
/// </summary>
internal sealed class Ledger
{
    private Ledger(IReadOnlyList<Enquiry> enquiries)
    {
        Enquiries = enquiries;
        ByReference = enquiries.GroupBy(enquiry => enquiry.Reference.ToString(), StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        ByKey = enquiries.GroupBy(KeyOf, StringComparer.Ordinal).ToDictionary(group => group.Key, group => (IReadOnlyList<Enquiry>)[.. group], StringComparer.Ordinal);
    }

    public IReadOnlyList<Enquiry> Enquiries { get; }

    public IReadOnlyDictionary<string, Enquiry> ByReference { get; }

    public IReadOnlyDictionary<string, IReadOnlyList<Enquiry>> ByKey { get; }

    /// <summary>Routed, or in a state nothing automatic moves it out of: not Received or Screened.</summary>
    public static bool IsSettled(Enquiry enquiry) => enquiry.Status is not (EnquiryStatus.Received or EnquiryStatus.Screened);

    public static async Task<Ledger> ReadAsync(TableEnquiryStore store)
    {
        var now = CalendarMonth.InCopenhagen(DateTimeOffset.UtcNow);
        var enquiries = new List<Enquiry>();
        await foreach (var enquiry in store.ListReceivedAsync(now.AddMonths(-1), now, CancellationToken.None))
        {
            enquiries.Add(enquiry);
        }

        return new Ledger(enquiries);
    }

    public IReadOnlyList<Enquiry> For(Submission submission) => ByKey.TryGetValue(submission.Key, out var stored) ? stored : [];

    private static string KeyOf(Enquiry enquiry) => enquiry.Source == EnquirySource.Mail && enquiry.Mail is { } mail
        ? BenchMails.KeyOf(mail.MessageKey)
        : FormEnquiries.FormKey(enquiry.Submission.Organisation, enquiry.Submission.ContactEmail);
}
