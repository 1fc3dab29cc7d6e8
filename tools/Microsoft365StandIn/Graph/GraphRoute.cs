using System.Text.RegularExpressions;

namespace Microsoft365StandIn.Graph;

/// <summary>
/// A Graph route: method and path pattern (relative to <c>/v1.0</c>, case-insensitive). Synchronous handlers run
/// under the state's lock; asynchronous ones (those that call out, as a subscription's validation does) take
/// the lock themselves around their reads and writes.
/// </summary>
internal sealed record GraphRoute(string Method, Regex Path, Func<GraphCall, Match, GraphResponse>? Handle, Func<GraphCall, Match, CancellationToken, Task<GraphResponse>>? HandleAsync = null)
{
    public static GraphRoute Sync(string method, string pattern, Func<GraphCall, Match, GraphResponse> handle) =>
        new(method, new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), handle);

    public static GraphRoute Async(string method, string pattern, Func<GraphCall, Match, CancellationToken, Task<GraphResponse>> handle) =>
        new(method, new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), null, handle);
}
