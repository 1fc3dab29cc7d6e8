using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LocalFunctionsHost.Http;

/// <summary>
/// Forwards an HTTP request to the worker's own endpoint with <c>x-ms-invocation-id</c>, which
/// the worker's ASP.NET Core integration uses to join it to the InvocationRequest, and copies
/// the worker's response back unchanged.
/// </summary>
internal sealed class WorkerHttpForwarder(HttpMessageInvoker client)
{
    public const string InvocationIdHeader = "x-ms-invocation-id";

    // Connection-level headers belong to each hop and are not forwarded.
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "TE", "Trailer", "Upgrade",
    };

    public async Task<int> ForwardAsync(HttpContext context, Uri workerBase, string invocationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(workerBase);
        var incoming = context.Request;
        var target = new Uri(workerBase, incoming.PathBase + incoming.Path + incoming.QueryString);
        using var request = new HttpRequestMessage(new HttpMethod(incoming.Method), target) { Version = System.Net.HttpVersion.Version11 };
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            request.Content = new StreamContent(incoming.Body);
        }

        foreach (var (name, values) in incoming.Headers)
        {
            if (HopByHop.Contains(name) || name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        // The function sees the host name the client used, as behind the real host.
        request.Headers.Host = incoming.Host.Value;
        request.Headers.TryAddWithoutValidation(InvocationIdHeader, invocationId);

        using var response = await client.SendAsync(request, cancellationToken);
        var outgoing = context.Response;
        outgoing.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(header.Key))
            {
                outgoing.Headers[header.Key] = header.Value.ToArray();
            }
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await body.CopyToAsync(outgoing.Body, cancellationToken);
        return outgoing.StatusCode;
    }
}
