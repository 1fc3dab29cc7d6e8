using System.Text.Json.Serialization;
using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Screening.Decision;

namespace OnePointEntry.Functions.Enquiries;

/// <summary>
/// What the status endpoint shows: where the enquiry stands, the facts screening established and how sure the
/// machine was of what it read. Contact details and the message text are left out; they are not needed to follow an
/// enquiry. The words the machine quoted as evidence are message text: they are shown only to signed-in staff, who
/// read the whole mail in the workspace anyway.
/// </summary>
public sealed record EnquiryStatusView
{
    public required string Reference { get; init; }

    public required string Status { get; init; }

    public required string Source { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset? ScreenedAt { get; init; }

    /// <summary>
    /// Every fact of the enquiry (<see cref="EnquiryFields.Correctable"/>) under its field's name, as it stands (staff's
    /// corrections over what the machine read): text, a number for a size, a list for themes, null when unknown.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, object?> Facts { get; init; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>
    /// For each fact the machine read from a mail, under the field's name: an <see cref="EvidenceView"/>; for
    /// <c>themes</c>, an <see cref="EvidenceView"/> per theme id; for a fact staff corrected, a
    /// <see cref="CorrectedEvidenceView"/> instead. Empty for a web-form enquiry, whose sender typed each field.
    /// </summary>
    public IReadOnlyDictionary<string, object> Evidence { get; init; } = new Dictionary<string, object>(StringComparer.Ordinal);

    /// <summary>
    /// Whether the evidence carries its quotes: <c>shown</c> (to signed-in staff), <c>withheld</c> (to anyone else:
    /// the quotes are message text) or <c>erased</c> (with the personal data).
    /// </summary>
    public string EvidenceQuotes { get; init; } = QuotesWithheld;

    public const string QuotesShown = "shown";
    public const string QuotesWithheld = "withheld";
    public const string QuotesErased = "erased";

    /// <summary>Why a person must look at it, for an enquiry that needs manual review.</summary>
    public string? ManualReviewReason { get; init; }

    /// <summary>Who screens it, the suggested partners and the priority, each with its reasons.</summary>
    public ScreeningDecision? Decision { get; init; }

    /// <summary>When the contact data and message text were erased (retention or a request); null while kept.</summary>
    public DateTimeOffset? AnonymisedAt { get; init; }

    /// <summary>
    /// The stored fields whose text was longer than storage holds and was cut (it ends with "…"); the whole is
    /// in the original mail.
    /// </summary>
    public IReadOnlyList<string> CutFields { get; init; } = [];

    /// <summary>For a mailed enquiry, the name of its original in the <c>mail-originals</c> container.</summary>
    public string? MailOriginal { get; init; }

    /// <summary>Every status change, oldest first: who, when, from, to and why.</summary>
    public IReadOnlyList<StatusChangeView> History { get; init; } = [];

    /// <param name="enquiry">The enquiry.</param>
    /// <param name="history">Its status changes.</param>
    /// <param name="staffAsking">Whether signed-in staff ask, who may read the words the machine quoted.</param>
    public static EnquiryStatusView Of(Enquiry enquiry, IReadOnlyList<StatusChange> history, bool staffAsking = false)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(enquiry);
        // As they stand (staff's corrections over what was read): what the statistics count is what callers see.
        var facts = EnquiryFacts.Of(enquiry);
        var quotes = enquiry.AnonymisedAt is not null ? QuotesErased : staffAsking ? QuotesShown : QuotesWithheld;
        return new EnquiryStatusView
        {
            Reference = enquiry.Reference.ToString(),
            Status = enquiry.Status.ToString(),
            Source = enquiry.Source.ToString(),
            ReceivedAt = enquiry.ReceivedAt,
            ScreenedAt = enquiry.Screening?.ScreenedAt,
            Facts = EnquiryFields.Correctable.ToDictionary(field => field.Name, field => JsonValueOf(field, facts.ValueOf(field)), StringComparer.Ordinal),
            Evidence = FactEvidence.Of(enquiry).ToDictionary(fact => fact.Field.Name, fact => EvidenceOf(fact, quotes == QuotesShown), StringComparer.Ordinal),
            EvidenceQuotes = quotes,
            ManualReviewReason = enquiry.ManualReviewReason,
            Decision = enquiry.Decision,
            AnonymisedAt = enquiry.AnonymisedAt,
            CutFields = enquiry.CutFields,
            MailOriginal = enquiry.AnonymisedAt is null ? enquiry.Mail?.OriginalName : null,
            History = [.. history.Select(change => new StatusChangeView(change.From.ToString(), change.To.ToString(), change.ChangedBy, change.ChangedAt, change.Note))],
        };
    }

    private static object EvidenceOf(FactEvidence fact, bool withQuotes)
    {
        if (fact.CorrectedByStaff)
        {
            return new CorrectedEvidenceView();
        }

        return fact.Field.Kind == EnquiryFieldKind.Themes
            ? fact.Entries.ToDictionary(entry => entry.Value, entry => EvidenceView.Of(entry, withQuotes), StringComparer.Ordinal)
            : EvidenceView.Of(fact.Entries[0], withQuotes);
    }

    private static object? JsonValueOf(EnquiryField field, string? value) => field.Kind switch
    {
        EnquiryFieldKind.Size => CanonicalText.NumberOf(value),
        EnquiryFieldKind.Themes => CanonicalText.ListOf(value),
        _ => value,
    };
}
