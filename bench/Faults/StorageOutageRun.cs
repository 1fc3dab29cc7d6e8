using System.Diagnostics;
using System.Globalization;

namespace OnePointEntry.Bench.Faults;

/// <summary>
/// Run 1: forms and mails sent with 16 clients while Azurite is stopped with SIGTERM mid-way and, 10 s after it
/// has closed, started again on the same data folder and ports.
/// </summary>
internal static class StorageOutageRun
{
    private static readonly TimeSpan s_outage = TimeSpan.FromSeconds(10);

    public static async Task<RunFigures> RunAsync(RunSettings settings)
    {
        var invariant = CultureInfo.InvariantCulture;
        await using var stack = await BenchStack.StartAsync(1);
        var forms = FormEnquiries.Make(settings.Scaled(2000), run: 1);
        var raw = BenchMails.Make(settings.Scaled(100), SubmissionKind.RawMail, run: 1, firstNumber: 100_001);
        var inbox = BenchMails.Make(settings.Scaled(100), SubmissionKind.InboxMail, run: 1, firstNumber: 200_001);
        var submissions = Traffic.Mix(forms, raw, inbox);
        Console.WriteLine(string.Create(invariant, $"Run 1: {forms.Count} forms, {raw.Count} mails to /api/mail/raw and {inbox.Count} mails to the inbox, 16 clients; Azurite stopped (SIGTERM) when half are answered, started again {s_outage.TotalSeconds:0} s after it closed, same data and ports."));

        var clock = Stopwatch.StartNew();
        Task<string>? outage = null;
        var half = submissions.Count / 2;
        var results = await new Sender(stack.AppUrl, stack.StandIn, clients: 16).SendAsync(submissions, answered =>
        {
            if (answered == half)
            {
                outage = Task.Run(() => OutageAsync(stack.Azurite, clock));
            }
        });
        var sent = clock.Elapsed;
        Console.WriteLine(string.Create(invariant, $"  all answered after {sent.TotalSeconds:0.0} s"));
        if (outage is not null)
        {
            Console.WriteLine("  " + await outage);
        }

        var drain = await Drain.WaitAsync(stack, results, settings.DrainPatience);
        await stack.WaitForQuietAsync(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60));
        var verdict = await Verdict.JudgeAsync(results, stack, OutsideEffects.Of(stack.StandIn));
        verdict.Print();
        Console.WriteLine($"  host output: {await stack.SaveHostOutputAsync(1)}");
        return new RunFigures(1, "storage stopped and restarted", verdict.Sent, verdict.Accepted, verdict.Refused, verdict.Lost, verdict.Duplicated, verdict.MissingOutside, drain,
            string.Create(invariant, $"refused yet stored {verdict.RefusedButStored}"));
    }

    private static async Task<string> OutageAsync(AzuriteProcess azurite, Stopwatch clock)
    {
        var stopping = clock.Elapsed;
        var how = await azurite.StopAsync();
        var stopped = clock.Elapsed;
        await Task.Delay(s_outage);
        await azurite.StartAsync();
        var back = clock.Elapsed;
        return string.Create(CultureInfo.InvariantCulture, $"Azurite stopped at {stopping.TotalSeconds:0.0} s ({how}, down at {stopped.TotalSeconds:0.0} s), listening again at {back.TotalSeconds:0.0} s");
    }
}
