using Microsoft365StandIn.State;
using Microsoft365StandIn.Tokens;

namespace Microsoft365StandIn.Graph;

/// <summary>
/// Runs one Graph request as Graph would: recorded, refused without a valid bearer token, delayed or failed by a
/// queued fault, then routed; a lost answer (carried out, then answered with an error) comes last. Requests
/// inside a <c>$batch</c> go through here too.
/// </summary>
internal sealed class GraphDispatcher(StandInState state, TokenIssuer tokens, bool requireToken)
{
    private readonly List<GraphRoute> _routes = [];

    public void Add(IEnumerable<GraphRoute> routes) => _routes.AddRange(routes);

    public async Task<GraphResponse> DispatchAsync(GraphCall call, CancellationToken cancellationToken)
    {
        Faults.FaultOutcome? fault;
        lock (state.Gate)
        {
            state.Record(state.GraphRequests, call.Request);
            if (requireToken)
            {
                switch (tokens.Check(call.Request.Header("Authorization"), TokenAudience.Graph))
                {
                    case TokenCheck.Missing:
                        return Unauthorized("Access token is empty.");
                    case TokenCheck.Invalid or TokenCheck.Expired:
                        return Unauthorized("Access token validation failure.");
                    case TokenCheck.WrongAudience:
                        return Unauthorized("Access token validation failure. Invalid audience.");
                }
            }

            fault = state.Faults.Take(call.Method, $"/v1.0{call.Path}", call.Path);
        }

        if (fault is { Latency: var latency } && latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, cancellationToken);
        }

        if (fault?.Status is { } status)
        {
            return GraphResponse.Error(status, fault.Code, status == 429 ? "Too many requests: the application is being throttled." : "Injected by the stand-in's fault queue.")
                .WithRetryAfter(fault.RetryAfter);
        }

        var response = await RouteAsync(call, cancellationToken);
        lock (state.Gate)
        {
            if (!response.IsError && state.Faults.TakeLoss(call.Method, call.Path) is { } loss)
            {
                return GraphResponse.Error(loss.Status, loss.Code, "Injected after the request was carried out: its answer was lost.");
            }
        }

        return response;
    }

    private async Task<GraphResponse> RouteAsync(GraphCall call, CancellationToken cancellationToken)
    {
        var pathMatched = false;
        foreach (var route in _routes)
        {
            var match = route.Path.Match(call.Path);
            if (!match.Success)
            {
                continue;
            }

            pathMatched = true;
            if (route.Method != "*" && !route.Method.Equals(call.Method, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                if (route.Handle is { } handle)
                {
                    lock (state.Gate)
                    {
                        return handle(call, match);
                    }
                }

                return await route.HandleAsync!(call, match, cancellationToken);
            }
            catch (GraphRequestException refused)
            {
                return refused.ToResponse();
            }
        }

        if (pathMatched)
        {
            return GraphResponse.Error(405, "ErrorInvalidRequest", $"The HTTP method '{call.Method}' is not supported for this resource.");
        }

        var segment = call.Path.Trim('/').Split('/')[0];
        return GraphResponse.Error(400, "BadRequest", $"Resource not found for the segment '{segment}'.");
    }

    private static GraphResponse Unauthorized(string message) =>
        GraphResponse.Error(401, "InvalidAuthenticationToken", message)
            .WithHeader("WWW-Authenticate", "Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", client_id=\"00000003-0000-0000-c000-000000000000\"");
}
