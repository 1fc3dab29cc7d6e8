using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using LocalFunctionsHost.Testing;
using Microsoft365StandIn;

namespace OnePointEntry.Bench.Faults;

/// <summary>
/// Sends submissions with a number of concurrent clients. A client that gets no answer, a 5xx or a 429 tries the
/// same submission again (the same Idempotency-Key, the same Message-ID) after 1, 2, 4 and 8 s, as a careful
/// relay or form script would, and then gives up; every attempt is kept. A 404 is tried again too: these routes
/// exist, so it is the local host answering after a restart before the app's functions are loaded, where Azure's
/// front end would send no request to an instance that is not ready.
/// </summary>
internal sealed partial class Sender(Uri appUrl, StandInServer standIn, int clients)
{
    private static readonly TimeSpan[] s_retryDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)];

    /// <param name="submissions">In the order they are taken up.</param>
    /// <param name="answered">Called with the number of submissions finished so far (their last attempt answered).</param>
    public async Task<IReadOnlyList<SubmissionResult>> SendAsync(IReadOnlyList<Submission> submissions, Action<int>? answered = null)
    {
        using var client = new HttpClient { BaseAddress = appUrl, Timeout = TimeSpan.FromSeconds(100) };
        var results = new SubmissionResult[submissions.Count];
        var finished = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, submissions.Count),
            new ParallelOptions { MaxDegreeOfParallelism = clients },
            async (index, _) =>
            {
                results[index] = await SendOneAsync(client, submissions[index]);
                answered?.Invoke(Interlocked.Increment(ref finished));
            });
        return results;
    }

    private async Task<SubmissionResult> SendOneAsync(HttpClient client, Submission submission)
    {
        var attempts = new List<Attempt>();
        for (var retry = 0; ; retry++)
        {
            var attempt = await AttemptAsync(client, submission);
            attempts.Add(attempt);
            if (attempt.Accepted || !Retriable(attempt) || retry == s_retryDelays.Length)
            {
                return new SubmissionResult(submission, attempts);
            }

            await Task.Delay(s_retryDelays[retry]);
        }
    }

    private async Task<Attempt> AttemptAsync(HttpClient client, Submission submission)
    {
        var started = DateTimeOffset.UtcNow;
        if (submission.Kind == SubmissionKind.InboxMail)
        {
            // Exchange takes the mail whatever the app is doing: delivery to the inbox never fails.
            await standIn.DeliverAsync(submission.Body);
            return new Attempt(201, null, started, DateTimeOffset.UtcNow, null);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, submission.Kind == SubmissionKind.Form ? "api/enquiries" : "api/mail/raw")
        {
            Content = new ByteArrayContent(submission.Body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(submission.Kind == SubmissionKind.Form ? "application/json" : "message/rfc822");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (submission.Kind == SubmissionKind.RawMail)
        {
            request.Headers.Add("x-functions-key", HostProcess.FunctionKey);
        }

        if (submission.IdempotencyKey is { } key)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        try
        {
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var reference = response.StatusCode == System.Net.HttpStatusCode.Accepted && Reference().Match(body) is { Success: true } match ? match.Value : null;
            return new Attempt((int)response.StatusCode, reference, started, DateTimeOffset.UtcNow, null);
        }
        catch (HttpRequestException failure)
        {
            return new Attempt(0, null, started, DateTimeOffset.UtcNow, failure.HttpRequestError.ToString());
        }
        catch (TaskCanceledException)
        {
            return new Attempt(0, null, started, DateTimeOffset.UtcNow, "timeout");
        }
    }

    private static bool Retriable(Attempt attempt) => attempt.Status is 0 or 404 or 429 or >= 500;

    [GeneratedRegex("OPE-[0-9]{4}-[0-9A-Z]{4}", RegexOptions.CultureInvariant)]
    internal static partial Regex Reference();
}
