using Microsoft.Extensions.Logging;
using OnePointEntry.Enquiries;
using OnePointEntry.Statistics;

namespace OnePointEntry.Retention;

/// <summary>
/// Anonymises the enquiries past retention, month by month from the oldest not yet done, at most
/// <see cref="RetentionPolicy.MaxPerRun"/> per run. It remembers the newest month wholly done, so a daily run
/// reads only the months that became due (and, while catching up, the month it stopped in).
/// </summary>
public sealed partial class RetentionSweep(
    IEnquiryStore store,
    IRetentionStateStore state,
    PersonalDataEraser eraser,
    RetentionPolicy policy,
    TimeProvider time,
    ILogger<RetentionSweep> logger)
{
    // Partitions sort as text; this one sorts before every month, so a first run starts at the beginning.
    private static readonly CalendarMonth s_beginning = new(1, 1);

    public async Task<RetentionSweepResult> RunAsync(CancellationToken cancellationToken)
    {
        var last = policy.LastExpiredMonth(time.GetUtcNow());
        var through = await state.ReadAnonymisedThroughAsync(cancellationToken);
        if (through >= last)
        {
            return new RetentionSweepResult(0, through, CaughtUp: true);
        }

        var anonymised = 0;
        var done = through;
        var caughtUp = true;
        await foreach (var enquiry in store.ListReceivedAsync(through?.AddMonths(1) ?? s_beginning, last, cancellationToken))
        {
            // Rows come month by month, so every month before this enquiry's is finished.
            var month = MonthOf(enquiry);
            if (done is null || month.AddMonths(-1) > done)
            {
                done = month.AddMonths(-1);
            }

            if (enquiry.AnonymisedAt is not null)
            {
                continue;
            }

            if (anonymised == policy.MaxPerRun)
            {
                caughtUp = false;
                break;
            }

            if (!await eraser.TryEraseAsync(enquiry, PersonalDataEraser.RetentionActor, ErasureReason.Retention, cancellationToken))
            {
                // Staff changed it since the list was read: erase the current version.
                await eraser.EraseAsync(enquiry.Reference, PersonalDataEraser.RetentionActor, ErasureReason.Retention, cancellationToken);
            }

            anonymised++;
        }

        if (caughtUp)
        {
            done = last;
        }

        if (done is { } newest && newest != through)
        {
            await state.SaveAnonymisedThroughAsync(newest, cancellationToken);
        }

        LogSwept(logger, anonymised, done, caughtUp);
        return new RetentionSweepResult(anonymised, done, caughtUp);
    }

    private static CalendarMonth MonthOf(Enquiry enquiry) =>
        CalendarMonth.TryParse(enquiry.Reference.ReceivedMonth, out var month)
            ? month
            : throw new FormatException($"Enquiry {enquiry.Reference} has no month received.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Anonymised} enquiries anonymised; all through {Through} done; caught up: {CaughtUp}")]
    private static partial void LogSwept(ILogger logger, int anonymised, CalendarMonth? through, bool caughtUp);
}
