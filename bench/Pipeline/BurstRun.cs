using System.Diagnostics;
using System.Globalization;
using Microsoft365StandIn;
using OnePointEntry.Bench.Faults;
using OnePointEntry.Bench.MailToCalendar;

namespace OnePointEntry.Bench.Pipeline;

/// <summary>
/// One burst: sends the forms and mails, waits until every one of them is screened and every screened one routed with
/// its event, task and card delivered (as the app's own log lines say, read as they come: no storage request of the
/// bench's adds to the load), then for a few quiet seconds at the stand-in (the mails' acknowledgements), and prints
/// what it cost.
/// </summary>
internal sealed class BurstRun(PipelineOptions options, AppHost app, StandInServer standIn, IStorageLog storageLog, int azuritePid, Uri appUrl)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public async Task<BurstFigures> RunAsync(int number, int storedBefore)
    {
        var forms = FormEnquiries.Make(options.Forms, 1000 + number);
        var mails = BenchMails.Make(options.Mails, SubmissionKind.InboxMail, number, options.Forms + 1);
        var submissions = Mix(forms, mails);
        Console.WriteLine(string.Create(Invariant, $"Burst {number}: {storedBefore:N0} enquiries stored in the month; {forms.Count:N0} forms and {mails.Count:N0} mails by {options.Clients} clients."));

        var workerPid = app.WorkerProcessId ?? throw new InvalidOperationException("The host has not said which process is its worker.");
        var pids = new (string Name, int Pid)[] { ("worker", workerPid), ("local host", app.ProcessId), ("Azurite", azuritePid), ("bench + stand-in", Environment.ProcessId) };
        var cpuBefore = pids.Select(process => CpuTimes.Of(process.Pid)).ToArray();
        var mailsBefore = app.MailsStored.Keys.ToHashSet(StringComparer.Ordinal);
        storageLog.Forget();
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();

        var sender = new BurstSender(appUrl, standIn, options.Clients);
        var answers = await sender.SendAsync(submissions);
        var sent = clock.Elapsed;
        var formAnswers = answers.Where(answer => answer.Submission.Kind == SubmissionKind.Form).ToList();
        var acceptedForms = formAnswers.Where(answer => answer.Status == 202 && answer.Reference is not null).ToList();
        // The app's answer is a form's; a mail's delivery is the stand-in's, so the rate is the forms'.
        var lastAnswer = formAnswers.Count == 0 ? sent : formAnswers.Max(answer => answer.AnsweredAt) - started;
        var times = formAnswers.Select(answer => answer.Took.TotalMilliseconds).Order().ToList();
        var acceptedPerSecond = acceptedForms.Count / lastAnswer.TotalSeconds;
        Console.WriteLine(string.Create(Invariant, $"  sent in {sent.TotalSeconds:0.0} s: forms {Statuses(formAnswers)}, accepted {acceptedPerSecond:0.0}/s; {mails.Count} mails delivered to the inbox"));
        Console.WriteLine(string.Create(Invariant, $"  form answer times: {Percentiles.Describe(times, " ms")}"));

        // Every enquiry of the burst: the forms' references from their answers, the mails' as the app stores them.
        var patienceEnds = DateTimeOffset.UtcNow + options.Patience;
        var formReferences = acceptedForms.Select(answer => answer.Reference!).ToHashSet(StringComparer.Ordinal);
        HashSet<string> tracked;
        var nextProgress = TimeSpan.FromSeconds(30);
        bool finished;
        while (true)
        {
            tracked = [.. formReferences, .. app.MailsStored.Keys.Where(reference => !mailsBefore.Contains(reference))];
            var screened = tracked.Count(app.Screened.ContainsKey);
            var toRoute = tracked.Where(reference => app.Screened.TryGetValue(reference, out var s) && s.Status == "Screened").ToList();
            var routed = toRoute.Count(app.Routed.ContainsKey);
            var delivered = toRoute.Count(DeliveredAll);
            finished = tracked.Count == formReferences.Count + mails.Count && screened == tracked.Count && routed == toRoute.Count && delivered == toRoute.Count;
            if (finished || DateTimeOffset.UtcNow > patienceEnds)
            {
                break;
            }

            if (clock.Elapsed >= nextProgress)
            {
                Console.WriteLine(string.Create(Invariant, $"  {clock.Elapsed.TotalSeconds:0} s: {tracked.Count - formReferences.Count}/{mails.Count} mails stored, {screened}/{tracked.Count} screened, {routed}/{toRoute.Count} routed, {delivered}/{toRoute.Count} with event, task and card delivered"));
                nextProgress = clock.Elapsed + TimeSpan.FromSeconds(30);
            }

            await Task.Delay(250);
        }

        if (!finished)
        {
            Console.WriteLine(string.Create(Invariant, $"  NOT FINISHED within {options.Patience.TotalMinutes:0} min: counting what there is."));
        }

        // Every routed enquiry's event, task and card are done; the mails' acknowledgements (and any straggler) have
        // a few quiet seconds to finish.
        await WaitForQuietAsync(TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(finished ? 5 : 1));
        var ended = DateTimeOffset.UtcNow;
        var cpuAfter = pids.Select(process => CpuTimes.Of(process.Pid)).ToArray();

        var screenedRefs = tracked.Where(app.Screened.ContainsKey).ToList();
        var screenedOk = screenedRefs.Where(reference => app.Screened[reference].Status == "Screened").ToList();
        var routedRefs = screenedOk.Where(app.Routed.ContainsKey).ToList();
        var lastScreened = screenedRefs.Count == 0 ? TimeSpan.Zero : screenedRefs.Max(reference => app.Screened[reference].At) - started;
        var lastRouted = routedRefs.Count == 0 ? TimeSpan.Zero : routedRefs.Max(reference => app.Routed[reference]) - started;
        var screenedPerSecond = screenedRefs.Count / Math.Max(lastScreened.TotalSeconds, 0.001);
        var routedPerSecond = routedRefs.Count / Math.Max(lastRouted.TotalSeconds, 0.001);
        var deliveredRefs = routedRefs.Where(DeliveredAll).ToList();
        var lastDelivered = deliveredRefs.Count == 0 ? TimeSpan.Zero : deliveredRefs.Max(reference => s_routingDeliveries.Max(kind => app.DeliveriesDone[$"{reference} {kind}"])) - started;
        var manual = screenedRefs.Count - screenedOk.Count;
        Console.WriteLine(string.Create(Invariant, $"  screened {screenedRefs.Count}/{tracked.Count}, the last {lastScreened.TotalSeconds:0.0} s after the start: {screenedPerSecond:0.00}/s ({manual} to manual review, not routed)"));
        Console.WriteLine(string.Create(Invariant, $"  routed {routedRefs.Count}/{screenedOk.Count}, the last {lastRouted.TotalSeconds:0.0} s after the start: {routedPerSecond:0.00}/s; event, task and card delivered for {deliveredRefs.Count}, the last {lastDelivered.TotalSeconds:0.0} s after the start: {deliveredRefs.Count / Math.Max(lastDelivered.TotalSeconds, 0.001):0.00}/s; quiet at {(ended - started).TotalSeconds:0} s"));

        var storage = CountStorage(sender, started, ended);
        var mailCount = tracked.Count - formReferences.Count;
        double Per(Step step, int count) => count == 0 || !storageLog.HasTraces ? double.NaN : (double)storage.Of(step) / count;
        var formIntake = Per(Step.FormIntake, acceptedForms.Count);
        var mailIntake = Per(Step.MailIntake, mailCount);
        var screening = Per(Step.Screening, screenedRefs.Count);
        var routing = Per(Step.Routing, routedRefs.Count);
        var perEnquiry = tracked.Count == 0 ? double.NaN : (double)storage.Total / tracked.Count;
        var statusQueries = screenedRefs.Count == 0 ? double.NaN : (double)storage.Count(kind => kind.Contains("query on Status", StringComparison.Ordinal)) / screenedRefs.Count;
        Console.WriteLine(string.Create(Invariant, $"  storage requests ({storageLog.Description}, {started:HH:mm:ss}–{ended:HH:mm:ss} UTC): {storage.Total:N0}, {perEnquiry:0.0} per enquiry; queries on Status (with their next pages) {statusQueries:0.00} per enquiry screened"));
        if (!storageLog.HasTraces)
        {
            Console.WriteLine("  (the access log carries no traces: every request below is under one heading, per enquiry of the burst; bench/pipeline.sh --steps counts them by step)");
        }

        var browserForms = acceptedForms.Count(answer => BurstSender.IsBrowser(answer.Submission));
        var ways = new Dictionary<string, int>(StringComparer.Ordinal) { ["(browser)"] = browserForms, ["(partner)"] = acceptedForms.Count - browserForms };
        PrintSteps(storage, [(Step.FormIntake, acceptedForms.Count, "form accepted"), (Step.MailIntake, mailCount, "mail stored"), (Step.Screening, screenedRefs.Count, "enquiry screened"), (Step.Routing, routedRefs.Count, "enquiry routed"), (Step.Other, tracked.Count, "enquiry")], ways, storageLog.HasTraces);

        var graph = CountGraph(started, ended);
        var graphPerRouted = routedRefs.Count == 0 ? double.NaN : (double)graph.Total / routedRefs.Count;
        var teams = standIn.TeamsRequests.Count(request => InWindow(request.ReceivedAt, started, ended));
        Console.WriteLine(string.Create(Invariant, $"  Graph requests (recorded by the stand-in): {graph.Total:N0}, {graphPerRouted:0.00} per routed enquiry; Teams webhook posts apart: {teams} ({(routedRefs.Count == 0 ? double.NaN : (double)teams / routedRefs.Count):0.00} per routed)"));
        PrintSteps(graph, [(Step.MailIntake, mailCount, "mail stored"), (Step.Screening, screenedRefs.Count, "enquiry screened"), (Step.Routing, routedRefs.Count, "enquiry routed"), (Step.FormIntake, Math.Max(acceptedForms.Count, 1), "form accepted"), (Step.Other, Math.Max(routedRefs.Count, 1), "routed enquiry")], ways, traced: true);

        // The booking reads its screener's calendar up to the deadline: the fuller it is, the longer Graph's answer.
        var booked = standIn.Events.GroupBy(item => item.UserId, StringComparer.Ordinal).Select(group => group.Count()).DefaultIfEmpty(0).ToList();
        Console.WriteLine(string.Create(Invariant, $"  calendars after the burst: {booked.Sum():N0} events, at most {booked.Max():N0} in one screener's (every getSchedule of a booking answers with that screener's events up to the deadline)"));

        var enquiries = Math.Max(tracked.Count, 1);
        var cpu = pids.Select((process, i) => (process.Name, Ms: cpuAfter[i] - cpuBefore[i])).ToList();
        Console.WriteLine("  CPU per enquiry of the burst (/proc/<pid>/stat, user + system): " + string.Join(", ", cpu.Select(part => string.Create(Invariant, $"{part.Name} {part.Ms / enquiries:0.0} ms"))) +
            string.Create(Invariant, $"; over the burst's {(ended - started).TotalSeconds:0} s the worker used {cpu[0].Ms / (ended - started).TotalMilliseconds * 100:0}% of a core, Azurite {cpu[2].Ms / (ended - started).TotalMilliseconds * 100:0}%"));
        Console.WriteLine();

        return new BurstFigures(
            storedBefore, submissions.Count, acceptedForms.Count + mails.Count, acceptedPerSecond,
            Percentiles.Of(times, 50), Percentiles.Of(times, 95),
            screenedRefs.Count, screenedPerSecond, routedRefs.Count, routedPerSecond,
            formIntake, mailIntake, screening, routing, perEnquiry, statusQueries, graphPerRouted,
            (cpu[0].Ms ?? double.NaN) / enquiries, (cpu[2].Ms ?? double.NaN) / enquiries, finished);
    }

    /// <summary>
    /// A few forms and mails through the whole pipeline before the first burst, not measured: the worker's first
    /// enquiries pay for its code being compiled and its tables and queues being created, which a burst at any size
    /// after the first would not.
    /// </summary>
    public async Task<int> WarmUpAsync()
    {
        var forms = FormEnquiries.Make(20, 999);
        var mails = BenchMails.Make(2, SubmissionKind.InboxMail, 999, 21);
        var answers = await new BurstSender(appUrl, standIn, options.Clients).SendAsync(Mix(forms, mails));
        var accepted = answers.Count(answer => answer.Status == 202) + mails.Count;
        var deadline = DateTimeOffset.UtcNow.AddMinutes(10);
        while ((app.Routed.Count + app.Screened.Count(pair => pair.Value.Status != "Screened") < accepted || !app.Routed.Keys.All(DeliveredAll))
            && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(500);
        }

        await WaitForQuietAsync(TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(2));
        return accepted;
    }

    /// <summary>Forms and mails mixed evenly, so that every stretch of the burst has both.</summary>
    public static IReadOnlyList<Submission> Mix(IReadOnlyList<Submission> forms, IReadOnlyList<Submission> mails)
    {
        var all = forms.Select((submission, index) => (Submission: submission, Position: (index + 0.5) / forms.Count))
            .Concat(mails.Select((submission, index) => (Submission: submission, Position: (index + 0.5) / mails.Count)));
        return [.. all.OrderBy(item => item.Position).Select(item => item.Submission)];
    }

    private Tally CountStorage(BurstSender sender, DateTimeOffset started, DateTimeOffset ended)
    {
        var tally = new Tally();
        foreach (var request in storageLog.ReadNew())
        {
            // The access log gives whole seconds: the window is widened to them (a second of idle polling at most).
            var from = storageLog.HasTraces ? started : started.AddTicks(-(started.Ticks % TimeSpan.TicksPerSecond));
            if (request.At < from || request.At > ended || request.UserAgent?.Contains(PipelineStack.BenchApplicationId, StringComparison.Ordinal) == true)
            {
                continue;
            }

            var step = !storageLog.HasTraces ? Step.Other
                : request.TraceId is { } trace && sender.FormTraces.ContainsKey(trace) ? Step.FormIntake
                : Steps.Of(request.TraceId, StorageKinds.QueueOf(request), app.Invocations);
            var kind = StorageKinds.Of(request);
            if (step == Step.FormIntake && request.TraceId is { } form && sender.FormTraces.TryGetValue(form, out var way))
            {
                kind += $" ({way})";
            }

            tally.Add(step, kind);
        }

        return tally;
    }

    private Tally CountGraph(DateTimeOffset started, DateTimeOffset ended)
    {
        var tally = new Tally();
        foreach (var request in standIn.Requests)
        {
            if (!InWindow(request.ReceivedAt, started, ended))
            {
                continue;
            }

            var trace = request.Header("traceparent") is { Length: >= 35 } parent ? parent[3..35] : null;
            var step = trace is null ? Step.Other : Steps.OfFunction(app.Invocations.GetValueOrDefault(trace));
            tally.Add(step, RouteShape.Of(request.Method, request.Path, request.Query.Keys, standIn.Mailbox, standIn.MailboxUserId));
        }

        return tally;
    }

    private static bool InWindow(DateTime at, DateTimeOffset started, DateTimeOffset ended)
    {
        var utc = at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : DateTime.SpecifyKind(at, DateTimeKind.Utc);
        return utc >= started.UtcDateTime && utc <= ended.UtcDateTime;
    }

    /// <param name="ways">A form's requests are counted by the way it was sent (the kind ends in "(browser)" or
    /// "(partner)"), and each such kind per form sent that way.</param>
    private static void PrintSteps(Tally tally, IReadOnlyList<(Step Step, int Count, string Per)> steps, IReadOnlyDictionary<string, int> ways, bool traced)
    {
        foreach (var (step, count, per) in steps)
        {
            var total = tally.Of(step);
            if (total == 0)
            {
                continue;
            }

            var kinds = tally.KindsOf(step).ToList();
            Console.WriteLine(string.Create(Invariant, $"    {(traced ? Name(step) : "all steps")}: {total:N0}, {(double)total / Math.Max(count, 1):0.00} per {per}"));
            var shown = traced ? 12 : 30;
            foreach (var (kind, number) in kinds.Take(shown))
            {
                var way = ways.Keys.FirstOrDefault(suffix => kind.EndsWith(suffix, StringComparison.Ordinal));
                var denominator = way is null ? count : ways[way];
                Console.WriteLine(string.Create(Invariant, $"      {(double)number / Math.Max(denominator, 1),8:0.00}  {kind}{(way is null ? string.Empty : " per form sent that way")}"));
            }

            if (kinds.Count > shown)
            {
                Console.WriteLine(string.Create(Invariant, $"      {(double)kinds.Skip(shown).Sum(k => k.Count) / Math.Max(count, 1),8:0.00}  ({kinds.Count - shown} other kinds)"));
            }
        }
    }

    private static string Name(Step step) => step switch
    {
        Step.FormIntake => "intake, forms (SubmitEnquiry)",
        Step.MailIntake => "intake, mails (notification, mail-intake, TakeInMail)",
        Step.Screening => "screening (enquiry-screening, ScreenEnquiry)",
        Step.Routing => "routing (enquiry-routing, RouteEnquiry, deliveries, SendDelivery)",
        _ => "other (timers, other queues, untraced)",
    };

    private static string Statuses(IEnumerable<Answer> answers) =>
        string.Join(", ", answers.GroupBy(answer => answer.Status).OrderBy(group => group.Key).Select(group => string.Create(Invariant, $"{group.Count()} × {(group.Key == 0 ? "no answer" : group.Key.ToString(Invariant))}")));

    // What routing leaves in the outbox for each enquiry: the screener's calendar event, Planner task and Teams card.
    private static readonly string[] s_routingDeliveries = ["ScreeningEvent", "ScreeningTask", "ScreeningCard"];

    private bool DeliveredAll(string reference) =>
        s_routingDeliveries.All(kind => app.DeliveriesDone.ContainsKey($"{reference} {kind}"));

    private async Task WaitForQuietAsync(TimeSpan quiet, TimeSpan atMost)
    {
        var deadline = DateTimeOffset.UtcNow + atMost;
        while (DateTimeOffset.UtcNow < deadline)
        {
            var last = standIn.Requests.Select(request => request.ReceivedAt).DefaultIfEmpty(DateTime.MinValue).Max();
            var lastTeams = standIn.TeamsRequests.Select(request => request.ReceivedAt).DefaultIfEmpty(DateTime.MinValue).Max();
            var latest = last > lastTeams ? last : lastTeams;
            var latestUtc = latest.Kind == DateTimeKind.Local ? latest.ToUniversalTime() : latest;
            if (DateTime.UtcNow - latestUtc >= quiet)
            {
                return;
            }

            await Task.Delay(500);
        }
    }
}
