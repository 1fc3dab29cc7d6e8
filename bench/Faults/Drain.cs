using System.Diagnostics;
using System.Globalization;

namespace OnePointEntry.Bench.Faults;

/// <summary>
/// Waits until the pipeline has drained: every enquiry stored in the run is Routed or in a state nothing
/// automatic moves it out of, every mail delivered to the inbox has been stored, and the outbox holds no delivery
/// still waiting to be made. Prints progress.
/// </summary>
internal static class Drain
{
    /// <returns>How long it took, or null when the patience ran out first.</returns>
    public static async Task<TimeSpan?> WaitAsync(BenchStack stack, IReadOnlyList<SubmissionResult> results, TimeSpan patience, TimeSpan? progressEvery = null)
    {
        var clock = Stopwatch.StartNew();
        var every = progressEvery ?? TimeSpan.FromSeconds(15);
        var nextProgress = every;
        var inbox = results.Where(result => result.Submission.Kind == SubmissionKind.InboxMail).ToList();
        while (true)
        {
            Ledger ledger;
            int pending;
            try
            {
                ledger = await Ledger.ReadAsync(stack.Store);
                pending = await stack.PendingDeliveriesAsync();
            }
            catch (Azure.RequestFailedException)
            {
                // Storage frozen or restarting: look again.
                await Task.Delay(2000);
                continue;
            }

            var unsettled = ledger.Enquiries.Count(enquiry => !Ledger.IsSettled(enquiry));
            var inboxWaiting = inbox.Count(result => ledger.For(result.Submission).Count == 0);
            if (unsettled == 0 && inboxWaiting == 0 && pending == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  drained after {clock.Elapsed.TotalSeconds:0} s: {Verdict.Tally(ledger.Enquiries.Select(enquiry => enquiry.Status.ToString()))}"));
                return clock.Elapsed;
            }

            if (clock.Elapsed >= nextProgress || clock.Elapsed >= patience)
            {
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  draining, {clock.Elapsed.TotalSeconds:0} s: {ledger.Enquiries.Count} stored ({Verdict.Tally(ledger.Enquiries.Select(enquiry => enquiry.Status.ToString()))}); {unsettled} not yet settled; {inboxWaiting} inbox mails not yet stored; {pending} deliveries pending"));
                nextProgress += every;
            }

            if (clock.Elapsed >= patience)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  NOT DRAINED after {patience.TotalMinutes:0.#} min; counting what there is."));
                return null;
            }

            await Task.Delay(3000);
        }
    }
}
