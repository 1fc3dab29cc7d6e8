using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using OnePointEntry.Enquiries;

namespace OnePointEntry.EndToEnd.Tests.Hostile;

/// <summary>
/// Sends every hostile case once, several at a time, as soon as the first case is asked for, so the suite takes
/// seconds rather than minutes; each test then checks its own answer. The cases are independent (each enquiry is
/// unique), so their order and overlap do not matter, and the app is loaded as a busy morning would load it.
/// </summary>
public static class HostileRuns
{
    private const int AtOnce = 8;
    private static readonly ConcurrentDictionary<string, Lazy<Task<HostileAnswer>>> s_answers = new(StringComparer.Ordinal);
    private static readonly SemaphoreSlim s_slots = new(AtOnce);
    private static HttpClient? s_client;

    public static IEnumerable<HostileCase> Every =>
        [.. EncodingCases.All, .. SizeCases.All, .. ControlCharacterCases.All, .. InjectionCases.All, .. MimeBombCases.All, .. DateAndNumberCases.All, .. UnicodeNormalisationCases.All];

    /// <summary>The answer to <paramref name="hostile"/>; the first call starts every case.</summary>
    public static Task<HostileAnswer> AnswerAsync(FunctionAppFixture app, HostileCase hostile)
    {
        ArgumentNullException.ThrowIfNull(hostile);
        // A 35 MB mail among seven other cases needs longer than the fixture client's 30 seconds on a busy machine.
        s_client ??= new HttpClient { BaseAddress = app.Client.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        foreach (var each in Every)
        {
            s_answers.GetOrAdd(each.Name, _ => new Lazy<Task<HostileAnswer>>(() => Task.Run(() => SendAsync(app, each))));
        }

        foreach (var started in s_answers.Values)
        {
            _ = started.Value;
        }

        return s_answers[hostile.Name].Value;
    }

    private static async Task<HostileAnswer> SendAsync(FunctionAppFixture app, HostileCase hostile)
    {
        await s_slots.WaitAsync();
        try
        {
            using var request = hostile.Request();
            using var response = await s_client!.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            StoredEnquiry? enquiry = null;
            if (response.StatusCode == HttpStatusCode.Accepted && hostile.Expected.Stored is not null)
            {
                enquiry = await ReadBackAsync(app, JsonDocument.Parse(body).RootElement.GetProperty("reference").GetString()!);
            }

            return new HostileAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, enquiry);
        }
        finally
        {
            s_slots.Release();
        }
    }

    private static async Task<StoredEnquiry> ReadBackAsync(FunctionAppFixture app, string reference)
    {
        using var request = Inputs.Get($"api/enquiries/{reference}");
        using var response = await s_client!.SendAsync(request);
        var view = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        if (response.StatusCode != HttpStatusCode.OK || !EnquiryReference.TryParse(reference, out var parsed))
        {
            throw new InvalidOperationException($"{reference} was accepted but cannot be read back: {(int)response.StatusCode} {view}");
        }

        var row = await app.Tables.GetTableClient("Enquiries").GetEntityAsync<TableEntity>(parsed.ReceivedMonth, reference);
        return new StoredEnquiry(reference, view, row.Value, app);
    }
}
