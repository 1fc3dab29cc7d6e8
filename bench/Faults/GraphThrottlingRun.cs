using System.Diagnostics;
using System.Globalization;
using OnePointEntry.Bench.MailToCalendar;

namespace OnePointEntry.Bench.Faults;

/// <summary>
/// Run 2: Microsoft 365 answers every request (Graph, the Teams webhook, ACS) 429 with Retry-After for a minute,
/// then 503 for two minutes, then takes 5 s over each until the pipeline has drained. The phases are the stand-in's
/// own faults (<c>QueueFault</c>, as <c>POST /standin/faults</c> with a count no run reaches), cleared and replaced
/// on the minute: a fault of the stand-in counts requests, not time.
/// </summary>
internal static class GraphThrottlingRun
{
    private const int Endless = 100_000_000;
    private const int RetryAfterSeconds = 10;
    private static readonly TimeSpan s_throttled = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan s_unavailable = TimeSpan.FromMinutes(2);
    private const int LatencyMs = 5000;

    public static async Task<RunFigures> RunAsync(RunSettings settings)
    {
        var invariant = CultureInfo.InvariantCulture;
        await using var stack = await BenchStack.StartAsync(2);
        var forms = FormEnquiries.Make(settings.Scaled(100), run: 2);
        var inbox = BenchMails.Make(settings.Scaled(25), SubmissionKind.InboxMail, run: 2, firstNumber: 200_001);
        var submissions = Traffic.Mix(forms, inbox);
        Console.WriteLine(string.Create(invariant, $"Run 2: {forms.Count} forms and {inbox.Count} mails to the inbox, 16 clients, while Microsoft 365 answers 429 (Retry-After {RetryAfterSeconds} s) for {s_throttled.TotalMinutes:0} min, then 503 for {s_unavailable.TotalMinutes:0} min, then {LatencyMs / 1000} s latency until drained."));

        var standIn = stack.StandIn;
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        standIn.QueueFault(429, Endless, RetryAfterSeconds);
        using var stop = new CancellationTokenSource();
        var phases = Task.Run(async () =>
        {
            await Task.Delay(s_throttled, stop.Token);
            standIn.ClearFaults();
            standIn.QueueFault(503, Endless);
            Console.WriteLine(string.Create(invariant, $"  {clock.Elapsed.TotalSeconds:0} s: 503 from now"));
            await Task.Delay(s_unavailable, stop.Token);
            standIn.ClearFaults();
            standIn.QueueFault(null, Endless, latencyMs: LatencyMs);
            Console.WriteLine(string.Create(invariant, $"  {clock.Elapsed.TotalSeconds:0} s: {LatencyMs} ms latency from now"));
        });

        var results = await new Sender(stack.AppUrl, standIn, clients: 16).SendAsync(submissions);
        Console.WriteLine(string.Create(invariant, $"  all answered after {clock.Elapsed.TotalSeconds:0.0} s"));
        var drain = await Drain.WaitAsync(stack, results, settings.DrainPatience + s_throttled + s_unavailable);
        var drainedAt = DateTimeOffset.UtcNow;
        await stop.CancelAsync();
        try
        {
            await phases;
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine(string.Create(invariant, $"  drained at {clock.Elapsed.TotalSeconds:0} s, before the faults' phases ended"));
        }

        standIn.ClearFaults();
        await stack.WaitForQuietAsync(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60));
        var verdict = await Verdict.JudgeAsync(results, stack, OutsideEffects.Of(standIn));
        verdict.Print();

        // Every request of the run up to the drain, whatever it was for: the cost of the faults to Microsoft 365.
        var graph = standIn.Requests.Where(request => At(request.ReceivedAt) >= startedAt && At(request.ReceivedAt) <= drainedAt).ToList();
        var teams = standIn.TeamsRequests.Count(request => At(request.ReceivedAt) >= startedAt && At(request.ReceivedAt) <= drainedAt);
        var logged = stack.RequestLog.Requests.Where(request => request.AnsweredAt >= startedAt && request.AnsweredAt <= drainedAt).ToList();
        var tokens = logged.Count(request => request.Path.EndsWith("/oauth2/v2.0/token", StringComparison.OrdinalIgnoreCase));
        var routed = Math.Max(1, verdict.Routed);
        var perRouted = graph.Count / (double)routed;
        Console.WriteLine(string.Create(invariant, $"  Graph requests up to the drain: {graph.Count}, per routed enquiry {perRouted:0.0} ({verdict.Routed} routed); Teams webhook posts {teams} ({teams / (double)routed:0.0} per routed); token requests {tokens}"));
        Console.WriteLine("  answers the stand-in gave (its request log, Graph, Teams and tokens): " + Verdict.Tally(logged.Select(request => request.Status.ToString(invariant))));
        Console.WriteLine("  Graph requests by route, per routed enquiry:");
        foreach (var shape in graph.GroupBy(request => RouteShape.Of(request.Method, request.Path, request.Query.Keys, standIn.Mailbox, standIn.MailboxUserId), StringComparer.Ordinal).OrderByDescending(group => group.Count()))
        {
            Console.WriteLine(string.Create(invariant, $"    {shape.Key,-62} {shape.Count() / (double)routed,7:0.00}"));
        }

        Console.WriteLine($"  host output: {await stack.SaveHostOutputAsync(2)}");
        return new RunFigures(2, "Graph 429, then 503, then slow", verdict.Sent, verdict.Accepted, verdict.Refused, verdict.Lost, verdict.Duplicated, verdict.MissingOutside, drain,
            string.Create(invariant, $"Graph requests per routed enquiry {perRouted:0.0}"));
    }

    private static DateTimeOffset At(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
