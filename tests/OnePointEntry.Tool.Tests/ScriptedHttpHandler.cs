using System.Net;

namespace OnePointEntry.Tool.Tests;

/// <summary>
/// The HTTP transport of <c>ope mail send</c> in its tests: records each request (address, content type, body)
/// and answers what the test scripts, so the command's own behaviour is tested without a server.
/// </summary>
public sealed class ScriptedHttpHandler(Func<int, HttpResponseMessage> answer) : HttpMessageHandler
{
    private readonly Lock _lock = new();
    private readonly List<(Uri Uri, string? ContentType, byte[] Body)> _requests = [];

    public IReadOnlyList<(Uri Uri, string? ContentType, byte[] Body)> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>A 201 with the ids the stand-in's inbox answers with, numbered by request.</summary>
    public static HttpResponseMessage Delivered(int request) => new(HttpStatusCode.Created)
    {
        Content = new StringContent(
            $$"""{"id":"AAMkADstandin{{request}}","immutableId":"AAkALgstandin{{request}}","internetMessageId":"<sample-{{request}}@example.com>"}""",
            System.Text.Encoding.UTF8,
            "application/json"),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        int number;
        lock (_lock)
        {
            _requests.Add((request.RequestUri!, request.Content?.Headers.ContentType?.ToString(), body));
            number = _requests.Count;
        }

        return answer(number);
    }
}
