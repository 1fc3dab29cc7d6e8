using System.Diagnostics;
using System.Globalization;
using OnePointEntry.Enquiries;

namespace OnePointEntry.Bench.Faults;

/// <summary>
/// Run 3: forms and mails sent with 16 clients; when half are answered the app is killed (SIGKILL to the local
/// host and its worker: the instance gone with the queue messages it held) and started again at once. Clients
/// retry what got no answer. Prints how long the enquiries the kill stalled waited, and for those the stall sweep
/// (RequeueStalledEnquiries) took up, how long they waited before it did.
/// </summary>
internal static class WorkerKilledRun
{
    private const string SweepLine = "was still waiting for screening; queued again";

    public static async Task<RunFigures> RunAsync(RunSettings settings)
    {
        var invariant = CultureInfo.InvariantCulture;
        await using var stack = await BenchStack.StartAsync(3);
        var forms = FormEnquiries.Make(settings.Scaled(1000), run: 3);
        var raw = BenchMails.Make(settings.Scaled(50), SubmissionKind.RawMail, run: 3, firstNumber: 100_001);
        var inbox = BenchMails.Make(settings.Scaled(50), SubmissionKind.InboxMail, run: 3, firstNumber: 200_001);
        var submissions = Traffic.Mix(forms, raw, inbox);
        Console.WriteLine(string.Create(invariant, $"Run 3: {forms.Count} forms, {raw.Count} mails to /api/mail/raw and {inbox.Count} to the inbox, 16 clients; the app (host and worker) killed with SIGKILL when half are answered and started again."));

        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        Task<string>? crash = null;
        DateTimeOffset? killedAt = null;
        var half = submissions.Count / 2;
        var results = await new Sender(stack.AppUrl, stack.StandIn, clients: 16).SendAsync(submissions, answered =>
        {
            if (answered == half)
            {
                killedAt = DateTimeOffset.UtcNow;
                crash = Task.Run(async () =>
                {
                    var at = clock.Elapsed;
                    var (host, worker) = await stack.KillAppAsync();
                    await stack.RestartAppAsync();
                    return string.Create(invariant, $"host {host} and worker {worker} killed at {at.TotalSeconds:0.0} s; the app answered again at {clock.Elapsed.TotalSeconds:0.0} s");
                });
            }
        });
        Console.WriteLine(string.Create(invariant, $"  all answered after {clock.Elapsed.TotalSeconds:0.0} s"));
        if (crash is not null)
        {
            Console.WriteLine("  " + await crash);
        }

        var drain = await Drain.WaitAsync(stack, results, settings.DrainPatience);
        await stack.WaitForQuietAsync(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60));
        var verdict = await Verdict.JudgeAsync(results, stack, OutsideEffects.Of(stack.StandIn));
        verdict.Print();

        // From each enquiry's history: how long from being stored to being screened, and for those stored before the
        // kill and screened well after it, whether the sweep or their own message, visible again, took them up.
        var ledger = await Ledger.ReadAsync(stack.Store);
        var sweeps = HostLines.Containing(stack.HostOutput, SweepLine, startedAt)
            .Select(item => (item.At, Reference: Sender.Reference().Match(item.Line).Value))
            .Where(item => item.Reference.Length > 0)
            .GroupBy(item => item.Reference, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Min(item => item.At), StringComparer.Ordinal);
        var toScreening = new List<(Enquiry Enquiry, TimeSpan Wait)>();
        foreach (var enquiry in ledger.Enquiries)
        {
            var history = await stack.Store.ListStatusChangesAsync(enquiry.Reference, CancellationToken.None);
            if (history.FirstOrDefault(change => change.From == EnquiryStatus.Received) is { } screened)
            {
                toScreening.Add((enquiry, screened.ChangedAt - enquiry.ReceivedAt));
            }
        }

        Console.WriteLine("  stored to screened, every enquiry: " + Percentiles.Describe(toScreening.Select(item => item.Wait.TotalSeconds), " s"));
        var stalled = toScreening.Where(item => killedAt is { } kill && item.Enquiry.ReceivedAt <= kill && item.Wait > TimeSpan.FromMinutes(1)).ToList();
        Console.WriteLine(string.Create(invariant, $"  stalled by the kill (stored before it, screened more than a minute later): {stalled.Count}; their wait: {Percentiles.Describe(stalled.Select(item => item.Wait.TotalSeconds), " s")}"));
        var bySweep = ledger.Enquiries.Where(enquiry => sweeps.ContainsKey(enquiry.Reference.ToString())).Select(enquiry => (sweeps[enquiry.Reference.ToString()] - enquiry.ReceivedAt).TotalSeconds).ToList();
        Console.WriteLine(string.Create(invariant, $"  taken up by the stall sweep (RequeueStalledEnquiries, every 10 min, enquiries Received for 10 min): {bySweep.Count}; stored to the sweep's requeue: {Percentiles.Describe(bySweep, " s")}"));
        var stillReceived = ledger.Enquiries.Count(enquiry => enquiry.Status == EnquiryStatus.Received);
        if (stillReceived > 0)
        {
            Console.WriteLine(string.Create(invariant, $"  still Received at the end: {stillReceived}"));
        }

        Console.WriteLine($"  host output: {await stack.SaveHostOutputAsync(3)}");
        var longest = stalled.Count > 0 ? stalled.Max(item => item.Wait) : (TimeSpan?)null;
        return new RunFigures(3, "app killed and restarted", verdict.Sent, verdict.Accepted, verdict.Refused, verdict.Lost, verdict.Duplicated, verdict.MissingOutside, drain,
            string.Create(invariant, $"stalled {stalled.Count}, longest wait {(longest is { } wait ? $"{wait.TotalMinutes:0.0} min" : "-")}, by sweep {bySweep.Count}"));
    }
}
