using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft365StandIn;
using OnePointEntry.Bench.Faults;

namespace OnePointEntry.Bench.Pipeline;

/// <summary>
/// Sends a burst with a number of concurrent clients, forms and mails mixed evenly, each once (a refusal is
/// counted, not retried). Forms go to <c>POST /api/enquiries</c> in turn as the form's script sends them
/// (form-urlencoded, <c>Accept: application/json</c>, an <c>Idempotency-Key</c>) and as a partner's system does
/// (JSON, no key); both are anonymous, the function has no anti-forgery token or key to send. Mails are delivered
/// to the shared mailbox at the stand-in, as <c>ope mail send</c> does, so the app takes them in through Graph's
/// notification. Each form carries a <c>traceparent</c> of its own, which the host continues, so that its storage
/// requests are told apart by the way it was sent.
/// </summary>
internal sealed partial class BurstSender(Uri appUrl, StandInServer standIn, int clients)
{
    /// <summary>The trace ids of the forms sent, with "browser" or "partner".</summary>
    public ConcurrentDictionary<string, string> FormTraces { get; } = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<Answer>> SendAsync(IReadOnlyList<Submission> submissions)
    {
        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = appUrl, Timeout = TimeSpan.FromSeconds(120) };
        var answers = new Answer[submissions.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, submissions.Count),
            new ParallelOptions { MaxDegreeOfParallelism = clients },
            async (index, _) => answers[index] = await SendOneAsync(client, submissions[index]));
        return answers;
    }

    private async Task<Answer> SendOneAsync(HttpClient client, Submission submission)
    {
        var clock = Stopwatch.StartNew();
        if (submission.Kind != SubmissionKind.Form)
        {
            await standIn.DeliverAsync(submission.Body);
            return new Answer(submission, 201, null, clock.Elapsed, DateTimeOffset.UtcNow);
        }

        var browser = IsBrowser(submission);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/enquiries")
        {
            Content = browser ? new FormUrlEncodedContent(Fields(submission.Body)) : new ByteArrayContent(submission.Body),
        };
        if (!browser)
        {
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (browser && submission.IdempotencyKey is { } key)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        var traceId = Guid.NewGuid().ToString("N");
        FormTraces[traceId] = browser ? "browser" : "partner";
        request.Headers.Add("traceparent", $"00-{traceId}-{Guid.NewGuid().ToString("N")[..16]}-01");
        try
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var reference = response.StatusCode == System.Net.HttpStatusCode.Accepted && Reference().Match(body) is { Success: true } match ? match.Value : null;
            return new Answer(submission, (int)response.StatusCode, reference, clock.Elapsed, DateTimeOffset.UtcNow);
        }
        catch (HttpRequestException)
        {
            return new Answer(submission, 0, null, clock.Elapsed, DateTimeOffset.UtcNow);
        }
        catch (TaskCanceledException)
        {
            return new Answer(submission, 0, null, clock.Elapsed, DateTimeOffset.UtcNow);
        }
    }

    /// <summary>Every other form is sent as the form's script sends it, the others as a partner's system does.</summary>
    public static bool IsBrowser(Submission submission) => submission.Number % 2 == 0;

    // The form's fields as the browser posts them: one pair per field, a checkbox list as repeated pairs.
    private static List<KeyValuePair<string, string>> Fields(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Array)
            {
                fields.AddRange(property.Value.EnumerateArray().Select(item => KeyValuePair.Create(property.Name, item.GetString() ?? string.Empty)));
            }
            else
            {
                fields.Add(KeyValuePair.Create(property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText()));
            }
        }

        return fields;
    }

    [GeneratedRegex("OPE-[0-9]{4}-[0-9A-Z]{4}", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
