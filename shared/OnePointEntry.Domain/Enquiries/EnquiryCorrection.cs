using Microsoft.Extensions.Logging;
using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Statistics;

namespace OnePointEntry.Enquiries;

/// <summary>
/// Staff correcting what the machine read of an enquiry. Optimistic: the corrections name the version they were
/// made on, and when someone else saved in between nothing is saved and the caller is told (their values are
/// theirs to apply again). Each field changed is audited (who, when, before, after) in the same write as the
/// enquiry, and the delegations the statistics count follow in the same step.
/// </summary>
public sealed partial class EnquiryCorrection(
    IEnquiryStore store,
    EnquiryFieldValues values,
    DelegationCount delegations,
    TimeProvider time,
    ILogger<EnquiryCorrection> logger)
{
    /// <param name="versionTag">The <see cref="EnquiryVersionTag"/> of the version the corrections were made on.</param>
    /// <param name="corrections">Field name to the value typed; null or empty clears a field that may be unknown.</param>
    public async Task<CorrectionResult> CorrectAsync(
        EnquiryReference reference,
        string versionTag,
        IReadOnlyDictionary<string, string?> corrections,
        string changedBy,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(versionTag);
        ArgumentNullException.ThrowIfNull(corrections);
        ArgumentException.ThrowIfNullOrWhiteSpace(changedBy);
        using var scope = EnquiryLogScope.Begin(logger, reference);
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var read = new List<(EnquiryField Field, string Value)>();
        foreach (var (name, input) in corrections)
        {
            if (EnquiryFields.Find(name) is not { } field)
            {
                problems[name] = $"'{name}' is not a field staff can correct; these are: {string.Join(", ", EnquiryFields.Correctable.Select(known => known.Name))}.";
                continue;
            }

            var value = values.Read(field, input);
            if (value.Problem is { } problem)
            {
                problems[name] = problem;
            }
            else
            {
                read.Add((field, value.Value!));
            }
        }

        var enquiry = await store.FindAsync(reference, cancellationToken);
        if (enquiry is null)
        {
            return CorrectionResult.Of(CorrectionOutcome.NotFound, null);
        }

        if (problems.Count > 0)
        {
            return new CorrectionResult(CorrectionOutcome.Invalid, enquiry, problems);
        }

        if (enquiry.Version is null || !string.Equals(EnquiryVersionTag.Of(enquiry.Version), versionTag, StringComparison.Ordinal))
        {
            return CorrectionResult.Of(CorrectionOutcome.Conflict, enquiry);
        }

        var before = EnquiryFacts.Of(enquiry);
        var after = before;
        var now = time.GetUtcNow();
        var audit = new List<FieldCorrection>();
        var stored = new Dictionary<string, string>(enquiry.Corrections, StringComparer.Ordinal);
        foreach (var (field, value) in read)
        {
            var was = before.ValueOf(field);
            if (string.Equals(was ?? string.Empty, value, StringComparison.Ordinal))
            {
                continue;
            }

            after = after.With(field, value);
            stored[field.Name] = value;
            audit.Add(new FieldCorrection(reference, field.Name, was, value.Length == 0 ? null : value, changedBy.Trim(), now));
        }

        if (after.ArrivalDate is { } arrival && after.DepartureDate is { } departure && departure < arrival)
        {
            problems[EnquiryFields.DepartureDate.Name] = $"The departure ({departure:yyyy-MM-dd}) would be before the arrival ({arrival:yyyy-MM-dd}).";
            return new CorrectionResult(CorrectionOutcome.Invalid, enquiry, problems);
        }

        if (audit.Count == 0)
        {
            return CorrectionResult.Of(CorrectionOutcome.Unchanged, enquiry);
        }

        var corrected = enquiry with { Corrections = stored };
        if (!await store.TryCorrectAsync(corrected, audit, statusChange: null, cancellationToken))
        {
            LogConflict(logger, reference);
            return CorrectionResult.Of(CorrectionOutcome.Conflict, await store.FindAsync(reference, cancellationToken));
        }

        await delegations.FollowAsync(enquiry, corrected, cancellationToken);
        LogCorrected(logger, reference, audit.Count);
        return CorrectionResult.Of(CorrectionOutcome.Corrected, await store.FindAsync(reference, cancellationToken) ?? corrected);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry {Reference}: staff corrected {Count} fields")]
    private static partial void LogCorrected(ILogger logger, EnquiryReference reference, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Enquiry {Reference}: correction refused, the enquiry changed since it was read")]
    private static partial void LogConflict(ILogger logger, EnquiryReference reference);
}
