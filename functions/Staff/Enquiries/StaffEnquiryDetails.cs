using OnePointEntry.Deliveries;
using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Mail;
using OnePointEntry.Mail.Originals;
using OnePointEntry.Routing;
using OnePointEntry.Workspace;

namespace OnePointEntry.Functions.Staff.Enquiries;

/// <summary>
/// Gathers what the enquiry's page shows from where each part is kept: the enquiry and its audit (one partition),
/// its deliveries (the outbox's partition for the reference) and, for mail, the original as it came. A fixed number
/// of reads whatever is stored.
/// </summary>
public sealed class StaffEnquiryDetails(IEnquiryStore store, Outbox outbox, IMailOriginals originals)
{
    public async Task<StaffEnquiryView?> ReadAsync(EnquiryReference reference, CancellationToken cancellationToken)
    {
        var enquiryTask = store.FindAsync(reference, cancellationToken);
        var changesTask = store.ListStatusChangesAsync(reference, cancellationToken);
        var correctionsTask = store.ListCorrectionsAsync(reference, cancellationToken);
        var deliveriesTask = outbox.ListAboutAsync(reference.ToString(), cancellationToken);
        await Task.WhenAll(enquiryTask, changesTask, correctionsTask, deliveriesTask);
        if (await enquiryTask is not { } enquiry)
        {
            return null;
        }

        return Describe(enquiry, await changesTask, await correctionsTask, await deliveriesTask) with
        {
            Original = await ReadOriginalAsync(enquiry, cancellationToken),
        };
    }

    private async Task<OriginalMailView?> ReadOriginalAsync(Enquiry enquiry, CancellationToken cancellationToken)
    {
        // Erasure deletes the original with the rest of the personal data; a stray copy must not reappear here.
        if (enquiry.Mail is not { } mail || enquiry.AnonymisedAt is not null)
        {
            return null;
        }

        await using var stream = await originals.OpenAsync(mail.MessageKey, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        var original = await OriginalMailReader.ReadAsync(stream, cancellationToken);
        return new OriginalMailView(
            original.From,
            original.Subject,
            original.Date,
            original.Text,
            original.SafeHtml,
            [.. original.Attachments.Select(attachment => new OriginalAttachmentView(attachment.FileName, attachment.ContentType, attachment.Size))],
            [.. original.Forwarded.Select(message => new ForwardedMessageView(message.From, message.Subject, message.Date))],
            original.Truncated);
    }

    public static StaffEnquiryView Describe(
        Enquiry enquiry,
        IReadOnlyList<StatusChange> changes,
        IReadOnlyList<FieldCorrection> corrections,
        IReadOnlyList<Delivery> deliveries)
    {
        ArgumentNullException.ThrowIfNull(enquiry);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(corrections);
        ArgumentNullException.ThrowIfNull(deliveries);
        var now = EnquiryFacts.Of(enquiry);
        var read = EnquiryFacts.AsRead(enquiry);
        // Staff read the whole mail on this page, so they read the words quoted from it too (until they are erased).
        var evidence = FactEvidence.Of(enquiry).ToDictionary(
            fact => fact.Field.Name,
            fact => (IReadOnlyList<EvidenceView>)[.. fact.Entries.Select(entry => EvidenceView.Of(entry, withQuote: true))],
            StringComparer.Ordinal);
        var submission = enquiry.Submission;
        var history = changes
            .Select(change => new AuditEntryView("status", change.ChangedAt, change.ChangedBy, From: change.From.ToString(), To: change.To.ToString(), Note: change.Note))
            .Concat(corrections.Select(correction => new AuditEntryView("correction", correction.ChangedAt, correction.ChangedBy, Field: correction.Field, Before: correction.Before, After: correction.After)))
            .OrderBy(entry => entry.At)
            .ToList();
        return new StaffEnquiryView
        {
            Reference = enquiry.Reference.ToString(),
            Status = enquiry.Status.ToString(),
            WorkState = WorkStates.Of(enquiry.Status)?.ToString(),
            Source = enquiry.Source.ToString(),
            ReceivedAt = enquiry.ReceivedAt,
            ETag = EnquiryETag.Of(enquiry.Version ?? throw new ArgumentException("Only a stored enquiry has a page.", nameof(enquiry))),
            Facts = [.. EnquiryFields.Correctable.Select(field => new FactView(
                field.Name,
                field.Kind.ToString(),
                field.Labels,
                now.ValueOf(field),
                read.ValueOf(field),
                enquiry.Corrections.ContainsKey(field.Name),
                field.Choices,
                field.MaxLength,
                evidence.GetValueOrDefault(field.Name, [])))],
            OrganisationAsWritten = submission.Organisation,
            CountryAsWritten = submission.Country.Length == 0 ? null : submission.Country,
            CityAsWritten = submission.City,
            Sender = new SenderView(submission.ContactName, submission.ContactEmail.Length == 0 ? null : submission.ContactEmail, submission.Phone),
            Purpose = submission.Purpose,
            MailSubject = enquiry.Mail?.Subject,
            ManualReviewReason = enquiry.ManualReviewReason,
            CutFields = enquiry.CutFields,
            AnonymisedAt = enquiry.AnonymisedAt,
            VisitDate = enquiry.VisitDate,
            SameDelegationAs = enquiry.SameDelegationAs?.ToString(),
            Decision = enquiry.Decision,
            ScreenerId = enquiry.Routing?.ScreenerId,
            RoutedAt = enquiry.Routing?.RoutedAt,
            CanReassign = ScreenerReassignment.CanReassign(enquiry),
            NextStatuses = [.. EnquiryLifecycle.Next(enquiry.Status).Where(EnquiryLifecycle.SetByStaff.Contains).Select(status => status.ToString())],
            Deliveries = [.. deliveries.OrderBy(delivery => delivery.RecordedAt).Select(DeliveryLinks.Summarise)],
            History = history,
        };
    }
}
