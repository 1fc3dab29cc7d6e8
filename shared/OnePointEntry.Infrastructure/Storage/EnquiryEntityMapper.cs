using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Routing;
using OnePointEntry.Screening;
using OnePointEntry.Screening.Decision;
using OnePointEntry.Workspace;

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

    public const string StatusChangeKind = "StatusChange";
    public const string CorrectionKind = "Correction";

    public static TableEntity ToEntity(StatusChange change) =>
        new TableText(new TableEntity(change.Reference.ReceivedMonth, AuditRowKey(change.Reference, change.ChangedAt))
        {
            ["Kind"] = StatusChangeKind,
            ["From"] = change.From.ToString(),
            ["To"] = change.To.ToString(),
            ["ChangedAt"] = change.ChangedAt,
        })
            .Set("ChangedBy", change.ChangedBy, EnquiryTextBounds.ChangedBy)
            .Set("Note", change.Note, EnquiryTextBounds.Note)
            .Done();

    public static TableEntity ToEntity(FieldCorrection correction) =>
        new TableText(new TableEntity(correction.Reference.ReceivedMonth, AuditRowKey(correction.Reference, correction.ChangedAt))
        {
            ["Kind"] = CorrectionKind,
            ["Field"] = correction.Field,
            ["ChangedAt"] = correction.ChangedAt,
        })
            .Set("ChangedBy", correction.ChangedBy, EnquiryTextBounds.ChangedBy)
            .Set("Before", correction.Before, EnquiryTextBounds.CorrectedValue)
            .Set("After", correction.After, EnquiryTextBounds.CorrectedValue)
            .Done();

    public static FieldCorrection ToCorrection(EnquiryReference reference, TableEntity entity) =>
        new(
            reference,
            entity.GetString("Field") ?? string.Empty,
            entity.GetString("Before"),
            entity.GetString("After"),
            entity.GetString("ChangedBy") ?? string.Empty,
            entity.GetDateTimeOffset("ChangedAt") ?? DateTimeOffset.MinValue);

    // Rows written before corrections existed carry no kind of their own: they are status changes.
    public static bool IsStatusChange(TableEntity entity) => entity.GetString("Kind") is null or StatusChangeKind;

    private static string AuditRowKey(EnquiryReference reference, DateTimeOffset at) =>
        $"{StatusChangeRowPrefix}{reference}-{at.UtcTicks:D19}-{Guid.NewGuid():N}";

    // The worklist's index: a row per open enquiry in the enquiry's own partition, so that it is written in the
    // same transaction as the enquiry and can never disagree with it. Sorts after audit and mark rows.
    public const string WorkRowPrefix = "work-";
    public const string WorkRowEnd = "work.";

    // Screeners' open load: counter rows per screener in the month's partition, written in the same transaction as
    // the enquiry whose change moves it. Sorts between the audit and the mark rows, apart from the enquiries.
    public const string LoadRowPrefix = "load-";
    public const string LoadRowEnd = "load.";

    /// <summary>The column of an enquiry's row naming the screener whose load counter holds it.</summary>
    public const string LoadOfColumn = "LoadOf";

    /// <summary>
    /// How many counter rows one screener's load is split into. A burst's screenings all go to the same screener
    /// once the others are full (the team lead's fallback), and each must win an optimistic race on the counter it
    /// moves: with one row, sixteen at once lost about three races each (a point read and a batch per loss).
    /// </summary>
    public const int LoadShards = 8;

    /// <summary>
    /// The counter row an enquiry's load is kept in for a screener: the same shard of every screener for one enquiry,
    /// so the one that counts it and the one that takes it off again are the same row. Staff ids are case-insensitive
    /// (user principal names, Graph ids): one counter whatever the case. Readers add up the rows of a staff id
    /// (its <c>StaffId</c> column), so an unsplit counter written before the split still counts.
    /// </summary>
    public static string LoadRowKey(string staffId, EnquiryReference reference) =>
        string.Create(CultureInfo.InvariantCulture, $"{LoadRowPrefix}{staffId.ToLowerInvariant()}~{LoadShardOf(reference)}");

    // FNV-1a over the reference's text: stable across processes and runtimes, unlike string.GetHashCode.
    private static int LoadShardOf(EnquiryReference reference)
    {
        var hash = 2166136261u;
        foreach (var character in reference.ToString())
        {
            hash = unchecked((hash ^ character) * 16777619u);
        }

        return (int)(hash % LoadShards);
    }

    /// <summary>The partition that lists the months holding open work, one row per month.</summary>
    public const string WorklistMonthsPartition = "worklist-months";

    public static string WorkRowKey(EnquiryReference reference) => WorkRowPrefix + reference;

    public static TableEntity ToEntity(WorklistEntry entry) =>
        new TableText(new TableEntity(entry.Reference.ReceivedMonth, WorkRowKey(entry.Reference))
        {
            ["Kind"] = "WorkItem",
            ["Reference"] = entry.Reference.ToString(),
            ["Status"] = entry.Status.ToString(),
            ["State"] = entry.State.ToString(),
            ["Due"] = entry.Due,
            ["ReceivedAt"] = entry.ReceivedAt,
            ["CountryCode"] = entry.CountryCode,
        })
            .Set("Organisation", entry.Organisation, EnquiryFields.Organisation.StoredLength)
            .Set("Themes", string.Join(ListSeparator, entry.Themes), EnquiryFields.Themes.StoredLength)
            .Set("ScreenerId", entry.ScreenerId, EnquiryTextBounds.ChangedBy)
            .Set("SenderDomain", entry.SenderDomain, EnquiryFields.ContactEmail.StoredLength)
            .Done();

    public static WorklistEntry ToWorklistEntry(TableEntity entity) => new()
    {
        Reference = Reference(entity.GetString("Reference")),
        Status = Enum.Parse<EnquiryStatus>(entity.GetString("Status") ?? nameof(EnquiryStatus.Received)),
        State = Enum.Parse<WorkState>(entity.GetString("State") ?? nameof(WorkState.ManualReview)),
        Due = entity.GetDateTimeOffset("Due"),
        ReceivedAt = entity.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
        Organisation = entity.GetString("Organisation") ?? string.Empty,
        CountryCode = entity.GetString("CountryCode"),
        Themes = SplitList(entity.GetString("Themes")),
        ScreenerId = entity.GetString("ScreenerId"),
        SenderDomain = entity.GetString("SenderDomain"),
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
        var entity = new TableEntity(enquiry.Reference.ReceivedMonth, enquiry.Reference.ToString())
        {
            ["Kind"] = "Enquiry",
            ["Source"] = enquiry.Source.ToString(),
            ["ReceivedAt"] = enquiry.ReceivedAt,
            ["Status"] = enquiry.Status.ToString(),
            ["VisitDate"] = CanonicalText.Of(enquiry.VisitDate),
            ["SameDelegationAs"] = enquiry.SameDelegationAs?.ToString(),
            ["AnonymisedAt"] = enquiry.AnonymisedAt,
            [LoadOfColumn] = ScreenerLoad.Of(enquiry),
        };

        // Everything a sender or a mail could make long is bounded: each field by its own stored length, the rest
        // by EnquiryTextBounds.
        var text = new TableText(entity).AlreadyCut(enquiry.CutFields);
        foreach (var field in EnquiryFields.Submitted)
        {
            Store(entity, text, field, field.Submission!.Get(enquiry.Submission));
        }

        text
            // The mail reader keeps message keys short (a long Message-ID becomes its hash): never cut in practice,
            // and bounded all the same.
            .Set("MailMessageKey", enquiry.Mail?.MessageKey, EnquiryTextBounds.MailMessageKey)
            .Set("MailboxMessageId", enquiry.Mail?.MailboxMessageId, EnquiryTextBounds.MailboxMessageId)
            .Set("MailSubject", enquiry.Mail?.Subject, EnquiryTextBounds.MailSubject)
            .Set("MailOriginal", enquiry.Mail?.OriginalName, EnquiryTextBounds.MailOriginal)
            .Set("ManualReviewReason", enquiry.ManualReviewReason, EnquiryTextBounds.ManualReviewReason);
        EnquiryEvidenceColumn.Write(entity, text, enquiry.Evidence);
        text.Done();

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

        if (enquiry.Corrections.Count > 0)
        {
            // A dozen short values at most: each is bounded by its field's own limit when staff enter it.
            entity["Corrections"] = JsonSerializer.Serialize(enquiry.Corrections, s_json);
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
            Submission = EnquiryFields.SubmissionOf(field => Stored(entity, field)),
            Mail = entity.GetString("MailMessageKey") is { } messageKey
                ? new MailOrigin(messageKey, entity.GetString("MailboxMessageId"), entity.GetString("MailSubject"))
                : null,
            ManualReviewReason = entity.GetString("ManualReviewReason"),
            VisitDate = CanonicalText.DateOf(entity.GetString("VisitDate")),
            SameDelegationAs = EnquiryReference.TryParse(entity.GetString("SameDelegationAs"), out var same) ? same : null,
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
            Corrections = entity.GetString("Corrections") is { Length: > 0 } corrections
                ? JsonSerializer.Deserialize<Dictionary<string, string>>(corrections, s_json) ?? []
                : new Dictionary<string, string>(StringComparer.Ordinal),
            Evidence = EnquiryEvidenceColumn.Read(entity),
            CutFields = TableText.CutOf(entity),
            StoredStatus = Enum.Parse<EnquiryStatus>(entity.GetString("Status") ?? nameof(EnquiryStatus.Received)),
            StoredLoadOf = entity.GetString(LoadOfColumn),
            Version = entity.ETag.ToString(),
        };
    }

    private static EnquiryReference Reference(string? text) =>
        EnquiryReference.TryParse(text, out var reference)
            ? reference
            : throw new FormatException("A stored row does not hold a valid enquiry reference.");

    // A number is kept as a number and a list with its own separator, as rows have always held them.
    private static void Store(TableEntity entity, TableText text, EnquiryField field, string? value)
    {
        var property = field.StoredAs!;
        switch (field.Kind)
        {
            case EnquiryFieldKind.Size:
                entity[property] = CanonicalText.NumberOf(value);
                break;
            case EnquiryFieldKind.Date:
                entity[property] = value;
                break;
            case EnquiryFieldKind.Themes:
                text.Set(property, string.Join(ListSeparator, CanonicalText.ListOf(value)), field.StoredLength);
                break;
            default:
                text.Set(property, value, field.StoredLength);
                break;
        }
    }

    private static string? Stored(TableEntity entity, EnquiryField field) => field.Kind switch
    {
        EnquiryFieldKind.Size => CanonicalText.Of(entity.GetInt32(field.StoredAs!)),
        EnquiryFieldKind.Themes => CanonicalText.Of(SplitList(entity.GetString(field.StoredAs!))),
        _ => entity.GetString(field.StoredAs!),
    };


    private static List<string> SplitList(string? text) =>
        string.IsNullOrEmpty(text) ? [] : [.. text.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries)];
}
