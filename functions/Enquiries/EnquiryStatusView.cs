using System.Text.Json.Serialization;
using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Screening.Decision;

namespace OnePointEntry.Functions.Enquiries;

/// <summary>
/// What the status endpoint shows: where the enquiry stands and the facts screening established. Contact
/// details and the message text are left out; they are not needed to follow an enquiry.
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

    public static EnquiryStatusView Of(Enquiry enquiry, IReadOnlyList<StatusChange> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(enquiry);
        // As they stand (staff's corrections over what was read): what the statistics count is what callers see.
        var facts = EnquiryFacts.Of(enquiry);
        return new EnquiryStatusView
        {
            Reference = enquiry.Reference.ToString(),
            Status = enquiry.Status.ToString(),
            Source = enquiry.Source.ToString(),
            ReceivedAt = enquiry.ReceivedAt,
            ScreenedAt = enquiry.Screening?.ScreenedAt,
            Facts = EnquiryFields.Correctable.ToDictionary(field => field.Name, field => JsonValueOf(field, facts.ValueOf(field)), StringComparer.Ordinal),
            ManualReviewReason = enquiry.ManualReviewReason,
            Decision = enquiry.Decision,
            AnonymisedAt = enquiry.AnonymisedAt,
            CutFields = enquiry.CutFields,
            MailOriginal = enquiry.AnonymisedAt is null ? enquiry.Mail?.OriginalName : null,
            History = [.. history.Select(change => new StatusChangeView(change.From.ToString(), change.To.ToString(), change.ChangedBy, change.ChangedAt, change.Note))],
        };
    }

    private static object? JsonValueOf(EnquiryField field, string? value) => field.Kind switch
    {
        EnquiryFieldKind.Size => CanonicalText.NumberOf(value),
        EnquiryFieldKind.Themes => CanonicalText.ListOf(value),
        _ => value,
    };
}
