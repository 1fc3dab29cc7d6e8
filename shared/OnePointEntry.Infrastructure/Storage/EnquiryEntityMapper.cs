using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using OnePointEntry.Enquiries;
using OnePointEntry.Routing;
using OnePointEntry.Screening.Decision;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// Maps enquiries to rows of the Enquiries table. Partition: the month received (<c>yyyy-MM</c>, which the
/// reference carries); row key: the reference. Submission marks live in the same partition so that an
/// enquiry and its marks are written in one transaction.
/// </summary>
internal static class EnquiryEntityMapper
{
    public const string EnquiryRowPrefix = EnquiryReference.Prefix + "-";
    public const string MarkRowPrefix = "mark-";

    /// <summary>Sorts right after every submission mark's row key.</summary>
    public const string MarkRowEnd = "mark.";
    private const string ListSeparator = ";";

    // The screening decision is kept whole as JSON: it is read and shown as one, never queried by its parts.
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static string RowKeyOf(SubmissionMark mark) => mark.Kind switch
    {
        SubmissionMarkKind.IdempotencyKey => $"{MarkRowPrefix}key-{mark.Hash}",
        _ => $"{MarkRowPrefix}fingerprint-{mark.Hash}",
    };

    public static TableEntity ToEntity(SubmissionMark mark, string receivedMonth, EnquiryReference reference, DateTimeOffset markedAt) =>
        new(receivedMonth, RowKeyOf(mark))
        {
            ["Kind"] = "SubmissionMark",
            ["Reference"] = reference.ToString(),
            ["MarkedAt"] = markedAt,
            ["Fingerprint"] = mark.Fingerprint,
        };

    public static StoredSubmissionMark ToMark(SubmissionMark mark, TableEntity entity) =>
        new(
            mark with { Fingerprint = entity.GetString("Fingerprint") ?? string.Empty },
            entity.PartitionKey,
            Reference(entity.GetString("Reference")),
            entity.GetDateTimeOffset("MarkedAt") ?? DateTimeOffset.MinValue,
            entity.ETag.ToString());

    // Audit rows sort after every enquiry row ('a' > 'O') and by time within an enquiry.
    private const string StatusChangeRowPrefix = "audit-";

    public static (string From, string To) StatusChangeRowRange(EnquiryReference reference) =>
        ($"{StatusChangeRowPrefix}{reference}-", $"{StatusChangeRowPrefix}{reference}.");

    public static TableEntity ToEntity(StatusChange change) =>
        new(change.Reference.ReceivedMonth, $"{StatusChangeRowPrefix}{change.Reference}-{change.ChangedAt.UtcTicks:D19}-{Guid.NewGuid():N}")
        {
            ["Kind"] = "StatusChange",
            ["From"] = change.From.ToString(),
            ["To"] = change.To.ToString(),
            ["ChangedBy"] = change.ChangedBy,
            ["ChangedAt"] = change.ChangedAt,
            ["Note"] = change.Note,
        };

    public static StatusChange ToStatusChange(EnquiryReference reference, TableEntity entity) =>
        new(
            reference,
            Enum.Parse<EnquiryStatus>(entity.GetString("From") ?? nameof(EnquiryStatus.Received)),
            Enum.Parse<EnquiryStatus>(entity.GetString("To") ?? nameof(EnquiryStatus.Received)),
            entity.GetString("ChangedBy") ?? string.Empty,
            entity.GetDateTimeOffset("ChangedAt") ?? DateTimeOffset.MinValue,
            entity.GetString("Note"));

    public static TableEntity ToEntity(Enquiry enquiry)
    {
        var submission = enquiry.Submission;
        var entity = new TableEntity(enquiry.Reference.ReceivedMonth, enquiry.Reference.ToString())
        {
            ["Kind"] = "Enquiry",
            ["Source"] = enquiry.Source.ToString(),
            ["ReceivedAt"] = enquiry.ReceivedAt,
            ["Status"] = enquiry.Status.ToString(),
            ["Organisation"] = submission.Organisation,
            ["Country"] = submission.Country,
            ["City"] = submission.City,
            ["ContactName"] = submission.ContactName,
            ["ContactEmail"] = submission.ContactEmail,
            ["Phone"] = submission.Phone,
            ["DelegationSize"] = submission.DelegationSize,
            ["ArrivalDate"] = Format(submission.ArrivalDate),
            ["DepartureDate"] = Format(submission.DepartureDate),
            ["Purpose"] = submission.Purpose,
            ["RequestedThemes"] = string.Join(ListSeparator, submission.Themes),
            ["ReferredBy"] = submission.ReferredBy,
            ["Language"] = submission.Language,
            ["SubmittedRegion"] = submission.Region,
            ["Sector"] = submission.Sector,
            ["Level"] = submission.Level,
            ["MailMessageKey"] = enquiry.Mail?.MessageKey,
            ["MailboxMessageId"] = enquiry.Mail?.MailboxMessageId,
            ["MailSubject"] = enquiry.Mail?.Subject,
            ["ManualReviewReason"] = enquiry.ManualReviewReason,
            ["VisitDate"] = Format(enquiry.VisitDate),
            ["AnonymisedAt"] = enquiry.AnonymisedAt,
        };
        if (enquiry.Screening is { } facts)
        {
            entity["CountryCode"] = facts.CountryCode;
            entity["Region"] = facts.Region;
            entity["ScreenedCity"] = facts.City;
            entity["ScreenedSector"] = facts.Sector;
            entity["ScreenedLevel"] = facts.Level;
            entity["Themes"] = string.Join(ListSeparator, facts.Themes);
            entity["ScreenedAt"] = facts.ScreenedAt;
        }

        if (enquiry.Decision is { } decision)
        {
            entity["Decision"] = JsonSerializer.Serialize(decision, s_json);
        }

        if (enquiry.Routing is { } routing)
        {
            entity["Routing"] = JsonSerializer.Serialize(routing, s_json);
        }

        return entity;
    }

    public static Enquiry ToEnquiry(TableEntity entity)
    {
        var screenedAt = entity.GetDateTimeOffset("ScreenedAt");
        return new Enquiry
        {
            Reference = Reference(entity.RowKey),
            Source = Enum.Parse<EnquirySource>(entity.GetString("Source") ?? nameof(EnquirySource.WebForm)),
            ReceivedAt = entity.GetDateTimeOffset("ReceivedAt") ?? entity.Timestamp ?? DateTimeOffset.MinValue,
            Status = Enum.Parse<EnquiryStatus>(entity.GetString("Status") ?? nameof(EnquiryStatus.Received)),
            Submission = new EnquirySubmission
            {
                Organisation = entity.GetString("Organisation") ?? string.Empty,
                Country = entity.GetString("Country") ?? string.Empty,
                City = entity.GetString("City"),
                ContactName = entity.GetString("ContactName"),
                ContactEmail = entity.GetString("ContactEmail") ?? string.Empty,
                Phone = entity.GetString("Phone"),
                DelegationSize = entity.GetInt32("DelegationSize"),
                ArrivalDate = ParseDate(entity.GetString("ArrivalDate")),
                DepartureDate = ParseDate(entity.GetString("DepartureDate")),
                Purpose = entity.GetString("Purpose") ?? string.Empty,
                Themes = SplitList(entity.GetString("RequestedThemes")),
                ReferredBy = entity.GetString("ReferredBy"),
                Language = entity.GetString("Language"),
                Region = entity.GetString("SubmittedRegion"),
                Sector = entity.GetString("Sector"),
                Level = entity.GetString("Level"),
            },
            Mail = entity.GetString("MailMessageKey") is { } messageKey
                ? new MailOrigin(messageKey, entity.GetString("MailboxMessageId"), entity.GetString("MailSubject"))
                : null,
            ManualReviewReason = entity.GetString("ManualReviewReason"),
            VisitDate = ParseDate(entity.GetString("VisitDate")),
            AnonymisedAt = entity.GetDateTimeOffset("AnonymisedAt"),
            Screening = screenedAt is null ? null : new ScreenedFacts
            {
                CountryCode = entity.GetString("CountryCode"),
                Region = entity.GetString("Region"),
                City = entity.GetString("ScreenedCity"),
                Sector = entity.GetString("ScreenedSector"),
                Level = entity.GetString("ScreenedLevel"),
                Themes = SplitList(entity.GetString("Themes")),
                ScreenedAt = screenedAt.Value,
            },
            Decision = entity.GetString("Decision") is { Length: > 0 } decision ? JsonSerializer.Deserialize<ScreeningDecision>(decision, s_json) : null,
            Routing = entity.GetString("Routing") is { Length: > 0 } routing ? JsonSerializer.Deserialize<RoutingRecord>(routing, s_json) : null,
            Version = entity.ETag.ToString(),
        };
    }

    private static EnquiryReference Reference(string? text) =>
        EnquiryReference.TryParse(text, out var reference)
            ? reference
            : throw new FormatException("A stored row does not hold a valid enquiry reference.");

    private static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<string> SplitList(string? text) =>
        string.IsNullOrEmpty(text) ? [] : [.. text.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries)];
}
