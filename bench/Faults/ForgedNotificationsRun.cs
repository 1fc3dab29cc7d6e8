using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using OnePointEntry.Queues;

namespace OnePointEntry.Bench.Faults;

/// <summary>
/// Run 4: change notifications shaped as Graph sends them, for the app's own subscription, but with a wrong
/// clientState, posted at 50 a second with at most 16 in flight, while Azurite is frozen (SIGSTOP) for 4 s in
/// every 6. None may be queued; the endpoint's answer times are printed, apart for requests that began while
/// storage was frozen, and beside them those of a tenth as many genuine notifications under the same freezes.
/// </summary>
internal static class ForgedNotificationsRun
{
    private static readonly TimeSpan s_frozen = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan s_running = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(20);

    public static async Task<RunFigures> RunAsync(RunSettings settings)
    {
        var invariant = CultureInfo.InvariantCulture;
        await using var stack = await BenchStack.StartAsync(4);
        var count = settings.Scaled(1000);
        var subscription = stack.StandIn.Subscriptions[0];
        Console.WriteLine(string.Create(invariant, $"Run 4: {count} change notifications for the app's subscription with a wrong clientState, one per POST /api/mail/notifications, 50 a second, at most 16 at once; Azurite frozen (SIGSTOP) {s_frozen.TotalSeconds:0} s in every {(s_frozen + s_running).TotalSeconds:0}."));

        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var answers = await SendWhileFreezingAsync(stack, count, index => Notification(subscription.Id, index, "not-the-subscription-secret-" + index.ToString(invariant)));
        Console.WriteLine(string.Create(invariant, $"  all answered after {clock.Elapsed.TotalSeconds:0.0} s"));

        // Anything the app queued is taken by TakeInMail or HandleMailLifecycleEvent within a poll or two.
        await Task.Delay(TimeSpan.FromSeconds(10));
        var output = stack.HostOutput;
        var takenIn = HostLines.Containing(output, "Executing 'Functions.TakeInMail'", startedAt).Count(line => line.At >= startedAt);
        var lifecycle = HostLines.Containing(output, "Executing 'Functions.HandleMailLifecycleEvent'", startedAt).Count(line => line.At >= startedAt);
        var dropped = HostLines.Containing(output, "its clientState does not match", startedAt).Count(line => line.At >= startedAt);
        var waiting = 0;
        foreach (var queue in new[] { QueueNames.MailIntake, QueueNames.MailLifecycle })
        {
            var properties = await new QueueClient(stack.Azurite.ConnectionString, queue).GetPropertiesAsync();
            waiting += properties.Value.ApproximateMessagesCount;
        }

        var queued = takenIn + lifecycle + waiting;
        Console.WriteLine("  answers: " + Verdict.Tally(answers.Select(answer => answer.Status.ToString(invariant))));
        Console.WriteLine(string.Create(invariant, $"  queued: {queued} (TakeInMail runs {takenIn}, HandleMailLifecycleEvent runs {lifecycle}, still in the queues {waiting}); dropped for their clientState (the app's warnings): {dropped}"));
        Console.WriteLine("  answer time, all:                 " + Percentiles.Describe(answers.Select(answer => answer.Ms), " ms"));
        Console.WriteLine("  begun while storage was frozen:   " + Percentiles.Describe(answers.Where(answer => answer.Frozen).Select(answer => answer.Ms), " ms"));
        Console.WriteLine("  begun while storage was running:  " + Percentiles.Describe(answers.Where(answer => !answer.Frozen).Select(answer => answer.Ms), " ms"));

        // For comparison, genuine notifications (the right clientState, for messages the mailbox does not have):
        // these are queued, so their answer waits on storage.
        var genuineCount = settings.Scaled(100);
        var genuine = await SendWhileFreezingAsync(stack, genuineCount, index => Notification(subscription.Id, 1_000_000 + index, stack.ClientState));
        Console.WriteLine(string.Create(invariant, $"  for comparison, {genuineCount} genuine notifications (right clientState, queued) under the same freezes: answers {Verdict.Tally(genuine.Select(answer => answer.Status.ToString(invariant)))}"));
        Console.WriteLine("    answer time, all:               " + Percentiles.Describe(genuine.Select(answer => answer.Ms), " ms"));
        Console.WriteLine("    begun while storage was frozen: " + Percentiles.Describe(genuine.Where(answer => answer.Frozen).Select(answer => answer.Ms), " ms"));
        Console.WriteLine($"  host output: {await stack.SaveHostOutputAsync(4)}");
        var sorted = answers.Select(answer => answer.Ms).Order().ToList();
        return new RunFigures(4, "forged notifications, storage frozen", count, answers.Count(answer => answer.Status == 202), answers.Count(answer => answer.Status != 202), 0, 0, 0, null,
            string.Create(invariant, $"queued {queued}; p50/p95/p99 {Percentiles.Of(sorted, 50):0}/{Percentiles.Of(sorted, 95):0}/{Percentiles.Of(sorted, 99):0} ms"));
    }

    /// <summary>Posts the notifications at the pace of the run while a freezer stops and continues Azurite.</summary>
    private static async Task<(int Status, double Ms, bool Frozen)[]> SendWhileFreezingAsync(BenchStack stack, int count, Func<int, byte[]> body)
    {
        var frozen = 0;
        using var sending = new CancellationTokenSource();
        var freezer = Task.Run(async () =>
        {
            try
            {
                while (!sending.IsCancellationRequested)
                {
                    stack.Azurite.Freeze();
                    Volatile.Write(ref frozen, 1);
                    await Task.Delay(s_frozen, sending.Token);
                    stack.Azurite.Thaw();
                    Volatile.Write(ref frozen, 0);
                    await Task.Delay(s_running, sending.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // Sending ended.
            }
            finally
            {
                stack.Azurite.Thaw();
            }
        });

        using var client = new HttpClient { BaseAddress = stack.AppUrl, Timeout = TimeSpan.FromSeconds(100) };
        using var inFlight = new SemaphoreSlim(16);
        var clock = Stopwatch.StartNew();
        var answers = new (int Status, double Ms, bool Frozen)[count];
        var tasks = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = s_interval * i;
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            await inFlight.WaitAsync();
            var index = i;
            var duringFreeze = Volatile.Read(ref frozen) == 1;
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    var (status, ms) = await PostAsync(client, body(index));
                    answers[index] = (status, ms, duringFreeze);
                }
                finally
                {
                    inFlight.Release();
                }
            }));
        }

        await Task.WhenAll(tasks);
        await sending.CancelAsync();
        await freezer;
        return answers;
    }

    private static async Task<(int Status, double Ms)> PostAsync(HttpClient client, byte[] body)
    {
        var clock = Stopwatch.StartNew();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        try
        {
            using var response = await client.PostAsync(new Uri("api/mail/notifications", UriKind.Relative), content);
            return ((int)response.StatusCode, clock.Elapsed.TotalMilliseconds);
        }
        catch (HttpRequestException)
        {
            return (0, clock.Elapsed.TotalMilliseconds);
        }
        catch (TaskCanceledException)
        {
            return (0, clock.Elapsed.TotalMilliseconds);
        }
    }

    // As Graph posts a change notification for a new message in the inbox, with the given clientState.
    private static byte[] Notification(string subscriptionId, int number, string clientState)
    {
        var messageId = Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"message-{number:0000000}-{Guid.NewGuid():N}")));
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            value = new[]
            {
                new Dictionary<string, object>
                {
                    ["subscriptionId"] = subscriptionId,
                    ["subscriptionExpirationDateTime"] = DateTimeOffset.UtcNow.AddDays(2).ToString("o", CultureInfo.InvariantCulture),
                    ["changeType"] = "created",
                    ["resource"] = $"Users('00000000-0000-0000-0000-000000000000')/Messages('{messageId}')",
                    ["resourceData"] = new Dictionary<string, object>
                    {
                        ["@odata.type"] = "#Microsoft.Graph.Message",
                        ["@odata.id"] = $"Users('00000000-0000-0000-0000-000000000000')/Messages('{messageId}')",
                        ["@odata.etag"] = "W/\"CQAAABYAAAC3\"",
                        ["id"] = messageId,
                    },
                    ["clientState"] = clientState,
                    ["tenantId"] = "11111111-2222-3333-4444-555555555555",
                },
            },
        });
    }
}
