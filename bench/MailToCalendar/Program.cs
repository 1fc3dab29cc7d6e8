using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LocalFunctionsHost.Testing;
using Microsoft.Extensions.Logging;
using Microsoft365StandIn;
using OnePointEntry.Bench.MailToCalendar;

// dotnet bench/MailToCalendar/bin/Release/net10.0/MailToCalendar.Bench.dll [mails] [maxPollingInterval|-] [quiet seconds]
// (AZURITE_CONNECTION_STRING set and the sample staff and partners seeded: see bench/mail-to-calendar.sh)
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
var pollingOverride = args.Length > 1 && args[1] != "-" ? TimeSpan.Parse(args[1], CultureInfo.InvariantCulture) : (TimeSpan?)null;
var connectionString = Environment.GetEnvironmentVariable("AZURITE_CONNECTION_STRING") is { Length: > 0 } value
    ? value
    : throw new InvalidOperationException("AZURITE_CONNECTION_STRING is not set: run bench/mail-to-calendar.sh.");
var patience = TimeSpan.FromSeconds(60);
var quiet = TimeSpan.FromSeconds(args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 1);
var invariant = CultureInfo.InvariantCulture;

var requestLog = new StandInRequestLog();
await using var standIn = await StandInServer.StartAsync(new StandInOptions
{
    UsersFile = AppPaths.Beside("staff.json"),
    // The stand-in filters "Microsoft*" to warnings; its request log is information.
    ConfigureLogging = logging => logging.AddFilter("Microsoft365StandIn", LogLevel.Information).AddProvider(requestLog),
});

// The run command's settings, pointed at this run's storage and stand-in; host.json's queue settings as deployed.
var appPort = FreePort();
var settings = JsonNode.Parse(await File.ReadAllTextAsync(AppPaths.Beside("local.settings.sample.json")))!["Values"]!.AsObject()
    .ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>(), StringComparer.Ordinal);
settings["AzureWebJobsStorage"] = connectionString;
settings["Graph__Mailbox"] = standIn.Mailbox;
settings["Graph__BaseUrl"] = standIn.GraphBaseUrl.AbsoluteUri;
settings["Teams__WebhookUrl"] = standIn.TeamsWebhookUrl.AbsoluteUri;
settings["Mail__NotificationUrl"] = string.Create(invariant, $"http://127.0.0.1:{appPort}/api/mail/notifications");
settings["Routing__EnquiryLinkBase"] = string.Create(invariant, $"http://127.0.0.1:{appPort}/api/enquiries/");
if (pollingOverride is { } polling)
{
    settings["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = polling.ToString("c", invariant);
}

Console.WriteLine(string.Create(invariant, $"Microsoft 365 stand-in on {standIn.BaseUrl}; starting the app (Release) on port {appPort}, queue polling {(pollingOverride is { } p ? $"at most {p.TotalMilliseconds:0} ms (override)" : "as host.json has it")}..."));
await using var host = await HostProcess.StartAsync(AppPaths.HostAssembly, AppPaths.AppDirectory, settings, port: appPort);
using var client = host.CreateClient();

// As the run command does at start (a deployment's first timer tick): the mailbox subscription.
using (var run = new HttpRequestMessage(HttpMethod.Post, new Uri("admin/functions/KeepMailbox", UriKind.Relative)) { Content = JsonContent.Create(new { input = string.Empty }) })
{
    run.Headers.Add("x-functions-key", HostProcess.MasterKey);
    using var response = await client.SendAsync(run);
    if (response.StatusCode != HttpStatusCode.Accepted)
    {
        throw new InvalidOperationException($"KeepMailbox could not be run: {(int)response.StatusCode}{Environment.NewLine}{host.Output}");
    }
}

if (!await WaitUntilAsync(() => standIn.Subscriptions.Count == 1, TimeSpan.FromSeconds(30)))
{
    throw new InvalidOperationException($"The app did not subscribe to the mailbox.{Environment.NewLine}{host.Output}");
}

await WaitForQuietAsync(TimeSpan.FromSeconds(2));
Console.WriteLine("Subscribed; delivering mail.");

var files = Directory.GetFiles(AppPaths.Beside("Mail"), "*.eml").Order(StringComparer.Ordinal).ToArray();
var screenersSeen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
var timings = new List<MailTiming>();
var eventsRoute = EventsRoute();
for (var number = 1; number <= count; number++)
{
    var file = files[(number - 1) % files.Length];
    var mime = WithNewMessageId(await File.ReadAllBytesAsync(file));
    var deliveredAt = DateTimeOffset.UtcNow;
    var delivered = await standIn.DeliverAsync(mime);

    // Routed: the reference in the acknowledgement, and its event, task and card at the stand-in.
    SentMailItem? reply = null;
    string? reference = null;
    var routed = await WaitUntilAsync(
        () =>
        {
            reply ??= standIn.SentMail.FirstOrDefault(mail => mail.Kind == "reply" && mail.InReplyToMessageId == delivered.ImmutableId);
            if (reply is null || (reference ??= ReferenceIn(reply.Text)) is null)
            {
                return false;
            }

            var tag = $"[{reference}]";
            return standIn.Events.Any(item => item.Subject.StartsWith(tag, StringComparison.Ordinal))
                && standIn.PlannerTasks.Any(task => task.Title.StartsWith(tag, StringComparison.Ordinal))
                && standIn.PostedMessages.Any(message => message.ToJsonString().Contains(tag[1..^1], StringComparison.Ordinal));
        },
        patience);
    if (!routed)
    {
        throw new TimeoutException($"Mail {number} ({Path.GetFileName(file)}) was not routed within {patience.TotalSeconds} s (reference: {reference ?? "none"}).{Environment.NewLine}{host.Output}");
    }

    await WaitForQuietAsync(quiet);

    var graph = standIn.Requests.Where(request => At(request.ReceivedAt) >= deliveredAt).ToList();
    var eventPost = graph.First(request => request.Method == "POST" && eventsRoute.IsMatch(request.Path) && request.Body?.Contains(reference!, StringComparison.Ordinal) == true);
    var cardPost = standIn.TeamsRequests.First(request => At(request.ReceivedAt) >= deliveredAt && request.Body?.Contains(reference!, StringComparison.Ordinal) == true);
    var cardAt = At(cardPost.ReceivedAt);
    var notification = standIn.Notifications.First(sent => sent.Kind == "change" && sent.Body?.Contains(delivered.ImmutableId, StringComparison.Ordinal) == true);
    var screener = eventsRoute.Match(eventPost.Path).Groups["user"].Value;
    var first = screenersSeen.Add(screener);
    var toCard = graph.Where(request => At(request.ReceivedAt) <= cardAt).ToList();

    // Each hop from the host's own lines: the function that queued the message ended, the next one started.
    var runs = HostTimeline.Runs(host.Output, deliveredAt).Where(run => run.Started >= deliveredAt.AddMilliseconds(-5)).ToList();
    FunctionRun? FirstRun(string function) => runs.FirstOrDefault(run => run.Function == function);
    var received = FirstRun("ReceiveMailNotifications");
    var takeIn = FirstRun("TakeInMail");
    var screen = FirstRun("ScreenEnquiry");
    var route = FirstRun("RouteEnquiry");

    var timing = new MailTiming(
        number,
        Path.GetFileName(file),
        reference!,
        screener,
        first,
        Ms(notification.SentAt - deliveredAt),
        Ms(reply!.SentAt - deliveredAt),
        Ms(At(eventPost.ReceivedAt) - deliveredAt),
        Ms(cardAt - deliveredAt),
        Between(received?.Ended ?? notification.SentAt, takeIn?.Started),
        // The intake queues the enquiry for screening just before it replies, and replies before it ends.
        Between(At(graph.First(request => request.Method == "POST" && request.Path.EndsWith("/reply", StringComparison.Ordinal)).ReceivedAt), screen?.Started),
        Between(screen?.Ended, route?.Started),
        Between(takeIn?.Started, takeIn?.Ended),
        Between(screen?.Started, screen?.Ended),
        Between(route?.Started, route?.Ended),
        [.. toCard.Select(request => RouteShape.Of(request.Method, request.Path, request.Query.Keys, standIn.Mailbox, standIn.MailboxUserId))],
        requestLog.Requests.Count(request => request.Path.EndsWith("/oauth2/v2.0/token", StringComparison.OrdinalIgnoreCase) && request.AnsweredAt >= deliveredAt && request.AnsweredAt <= cardAt),
        standIn.TeamsRequests.Count(request => At(request.ReceivedAt) >= deliveredAt && At(request.ReceivedAt) <= cardAt),
        standIn.AcsRequests.Count(request => At(request.ReceivedAt) >= deliveredAt && At(request.ReceivedAt) <= cardAt),
        graph.Count - toCard.Count,
        [.. runs.Where(run => run.Function is "KeepMailbox" or "RequeueStalledEnquiries" or "ReportMonthlyStatistics" or "AnonymiseOldEnquiries" && run.Started <= cardAt).Select(run => run.Function)]);
    timings.Add(timing);
    Console.WriteLine(string.Create(invariant, $"mail {number,2} {timing.Reference} {Path.GetFileNameWithoutExtension(file),-45} notified {timing.Notification,5:0} ms, acknowledged {timing.Acknowledgement,5:0}, event {timing.Event,5:0}, card {timing.Card,5:0}; {timing.GraphRoutes.Count} Graph requests{(first ? " (screener's first)" : "")}{(timing.TimersInWindow.Count > 0 ? $" [timer ran: {string.Join(", ", timing.TimersInWindow)}]" : "")}"));
}

Report(timings);
var hostLog = Path.Combine(Path.GetTempPath(), "mail-to-calendar-host.log");
await File.WriteAllTextAsync(hostLog, host.Output);
Console.WriteLine($"The host's output (function invocations with their times): {hostLog}");
return 0;

void Report(List<MailTiming> all)
{
    var output = new StringBuilder();
    output.AppendLine();
    output.AppendLine(string.Create(invariant, $"{all.Count} mails, one at a time, each after {quiet.TotalSeconds:0.#} s without a request to the stand-in; milliseconds after delivery to the stand-in's inbox (POST /standin/inbox as Exchange delivers):"));
    output.AppendLine("  #  reference      screener                               notif    ack  event   card  ev/notif | intake-q  screen-q  route-q | TakeIn  Screen  Route");
    foreach (var mail in all)
    {
        output.AppendLine(string.Create(invariant, $" {mail.Number,2}  {mail.Reference}  {Shorten(mail.Screener),-36}{(mail.FirstForScreener ? "*" : " ")} {mail.Notification,6:0} {mail.Acknowledgement,6:0} {mail.Event,6:0} {mail.Card,6:0}  {mail.Event / mail.Notification,7:0.0}  | {Show(mail.IntakeWait),7} {Show(mail.ScreeningWait),9} {Show(mail.RoutingWait),8} | {Show(mail.TakeInRun),6} {Show(mail.ScreenRun),7} {Show(mail.RouteRun),6}"));
    }

    output.AppendLine("  (* the screener's first enquiry in this run)");
    output.AppendLine();
    output.AppendLine("                                        median      p95      max");
    Line("delivery -> notification answered", all.Select(mail => mail.Notification), "Graph's part and the app's HTTP answer: the baseline (the stand-in's notification, answered 202 by the app).");
    Line("delivery -> acknowledgement sent", all.Select(mail => mail.Acknowledgement), "the sender's reply with the reference, sent through Graph (Sent Items at the stand-in).");
    Line("delivery -> calendar event created", all.Select(mail => mail.Event), "the event's POST /users/{u}/events received by the stand-in: the figure the goal (p95 <= 2 s) is about.");
    Line("delivery -> Teams card", all.Select(mail => mail.Card), "the card's POST to the Teams webhook received: the last thing routing does.");
    Line("wait on mail-intake queue", Known(all.Select(mail => mail.IntakeWait)), "ReceiveMailNotifications ended (message queued) -> TakeInMail started.");
    Line("wait on enquiry-screening queue", Known(all.Select(mail => mail.ScreeningWait)), "the acknowledgement's POST (TakeInMail queued the enquiry just before) -> ScreenEnquiry started.");
    Line("wait on enquiry-routing queue", Known(all.Select(mail => mail.RoutingWait)), "ScreenEnquiry ended -> RouteEnquiry started.");
    Line("three queue waits together", Known(all.Select(mail => mail.IntakeWait + mail.ScreeningWait + mail.RoutingWait)), "the time no function of this enquiry runs: the queue listeners' polling.");
    Line("TakeInMail run", Known(all.Select(mail => mail.TakeInRun)), "fetch, store, acknowledge, move to Processed, queue for screening.");
    Line("ScreenEnquiry run", Known(all.Select(mail => mail.ScreenRun)), "screening and the choice of screener, queue for routing.");
    Line("RouteEnquiry run", Known(all.Select(mail => mail.RouteRun)), "free slot, event, task, card.");
    var ratios = Summary.Of(all.Select(mail => mail.Event / mail.Notification));
    var eventSummary = Summary.Of(all.Select(mail => mail.Event));
    var notificationSummary = Summary.Of(all.Select(mail => mail.Notification));
    output.AppendLine(string.Create(invariant, $"  {"event / notification (per mail)",-36} {ratios.Median,8:0.0} {ratios.P95,8:0.0} {ratios.Max,8:0.0}   how many times Graph's own part the whole way to the calendar takes;"));
    output.AppendLine(string.Create(invariant, $"  {"event / notification (of the summaries)",-36} {eventSummary.Median / notificationSummary.Median,8:0.0} {eventSummary.P95 / notificationSummary.P95,8:0.0} {eventSummary.Max / notificationSummary.Max,8:0.0}"));
    output.AppendLine(string.Create(invariant, $"  Goal: event p95 <= 2000 ms: {(eventSummary.P95 <= 2000 ? "met" : "not met")} ({eventSummary.P95:0} ms); Power Automate's Outlook trigger polls every 60 s."));

    output.AppendLine();
    output.AppendLine("Graph requests per routed enquiry (every request the stand-in received from delivery to the card):");
    var shapes = all.SelectMany(mail => mail.GraphRoutes).GroupBy(shape => shape, StringComparer.Ordinal).OrderByDescending(group => group.Count()).ThenBy(group => group.Key, StringComparer.Ordinal);
    var firsts = all.Where(mail => mail.FirstForScreener).ToList();
    var repeats = all.Where(mail => !mail.FirstForScreener).ToList();
    output.AppendLine(string.Create(invariant, $"  {"route",-62} {"mean",6} {"first*",7} {"repeat",7}"));
    foreach (var shape in shapes)
    {
        output.AppendLine(string.Create(invariant, $"  {shape.Key,-62} {Mean(all, shape.Key),6:0.00} {Mean(firsts, shape.Key),7:0.00} {Mean(repeats, shape.Key),7:0.00}"));
    }

    output.AppendLine(string.Create(invariant, $"  {"Graph, all routes",-62} {all.Average(mail => mail.GraphRoutes.Count),6:0.00} {Average(firsts, mail => mail.GraphRoutes.Count),7:0.00} {Average(repeats, mail => mail.GraphRoutes.Count),7:0.00}"));
    output.AppendLine(string.Create(invariant, $"  {"token requests (Entra ID), apart",-62} {all.Average(mail => mail.TokenRequests),6:0.00} {Average(firsts, mail => mail.TokenRequests),7:0.00} {Average(repeats, mail => mail.TokenRequests),7:0.00}"));
    output.AppendLine(string.Create(invariant, $"  {"Teams webhook posts, apart",-62} {all.Average(mail => mail.TeamsRequests),6:0.00} {Average(firsts, mail => mail.TeamsRequests),7:0.00} {Average(repeats, mail => mail.TeamsRequests),7:0.00}"));
    output.AppendLine(string.Create(invariant, $"  {"ACS Email requests, apart",-62} {all.Average(mail => mail.AcsRequests),6:0.00} {Average(firsts, mail => mail.AcsRequests),7:0.00} {Average(repeats, mail => mail.AcsRequests),7:0.00}"));
    output.AppendLine(string.Create(invariant, $"  {"Graph requests after the card, before the quiet",-62} {all.Average(mail => mail.GraphAfterCard),6:0.00}"));
    output.AppendLine(string.Create(invariant, $"  (* first: the screener's first enquiry in the run, {firsts.Count} of them; repeat: the other {repeats.Count}.)"));
    var timers = all.Where(mail => mail.TimersInWindow.Count > 0).Select(mail => mail.Number.ToString(invariant)).ToList();
    if (timers.Count > 0)
    {
        output.AppendLine(invariant, $"  A timer function ran while mail {string.Join(", ", timers)} was in flight; its Graph requests are counted with that mail's.");
    }

    Console.Write(output.ToString());

    void Line(string name, IEnumerable<double> values, string meaning)
    {
        var summary = Summary.Of(values);
        output.AppendLine(string.Create(invariant, $"  {name,-36} {summary.Median,8:0} {summary.P95,8:0} {summary.Max,8:0}   {meaning}"));
    }
}

static double Mean(List<MailTiming> mails, string shape) => mails.Count == 0 ? double.NaN : mails.Average(mail => mail.GraphRoutes.Count(route => route == shape));

static double Average(List<MailTiming> mails, Func<MailTiming, int> selector) => mails.Count == 0 ? double.NaN : mails.Average(selector);

static IEnumerable<double> Known(IEnumerable<double?> values) => values.Where(value => value is not null).Select(value => value!.Value);

static string Show(double? value) => value is { } known ? known.ToString("0", CultureInfo.InvariantCulture) : "-";

static string Shorten(string user) => user.Length > 36 ? user[..36] : user;

static double Ms(TimeSpan span) => span.TotalMilliseconds;

static double? Between(DateTimeOffset? from, DateTimeOffset? to) => from is { } start && to is { } end ? Ms(end - start) : null;

static DateTimeOffset At(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan patience)
{
    var deadline = DateTime.UtcNow + patience;
    while (DateTime.UtcNow < deadline)
    {
        if (condition())
        {
            return true;
        }

        await Task.Delay(50);
    }

    return condition();
}

// Until nothing has reached the stand-in for the given time: the app has finished with the previous mail.
async Task WaitForQuietAsync(TimeSpan span)
{
    while (DateTimeOffset.UtcNow - requestLog.LastAnsweredAt < span)
    {
        await Task.Delay(100);
    }
}

// A mail with a Message-ID of its own, so the app takes each delivery as a new mail; nothing else changes.
static byte[] WithNewMessageId(byte[] mime)
{
    // Latin-1 maps every byte to one character and back, so 8-bit bodies in any charset pass unchanged.
    var text = Encoding.Latin1.GetString(mime);
    var replaced = MessageIdHeader().Replace(text, $"Message-ID: <{Guid.NewGuid():N}@bench.example>", 1);
    return replaced == text ? throw new InvalidDataException("The mail has no Message-ID header to replace.") : Encoding.Latin1.GetBytes(replaced);
}

static string? ReferenceIn(string text) => Reference().Match(text) is { Success: true } match ? match.Value : null;

internal static partial class Program
{
    [GeneratedRegex("^Message-ID:[^\r\n]*", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex MessageIdHeader();

    [GeneratedRegex("OPE-[0-9]{4}-[0-9A-Z]{4}", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    [GeneratedRegex("^/users/(?<user>[^/]+)/(calendar/)?events$", RegexOptions.CultureInvariant)]
    private static partial Regex EventsRoute();
}
