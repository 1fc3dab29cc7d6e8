using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Microsoft365StandIn;

/// <summary>
/// A subscriber for tests without a listening app (<see cref="StandInOptions.NotificationHandler"/>): echoes
/// validation tokens as a notification endpoint must, answers notifications 202 and keeps them.
/// </summary>
public sealed class NotificationRecorder : HttpMessageHandler
{
    private readonly ConcurrentQueue<(Uri Url, string Body)> _received = new();

    /// <summary>The notifications received (not the handshakes), in order, with the URL each was posted to.</summary>
    public IReadOnlyList<(Uri Url, string Body)> Received => [.. _received];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var query = QueryHelpers.ParseQuery(request.RequestUri!.Query);
        if (query.TryGetValue("validationToken", out var token))
        {
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(token.ToString(), Encoding.UTF8, "text/plain") };
        }

        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        _received.Enqueue((request.RequestUri, body));
        return new HttpResponseMessage(HttpStatusCode.Accepted);
    }
}
