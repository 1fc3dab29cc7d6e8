using LocalFunctionsHost.Worker;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Primitives;

namespace LocalFunctionsHost.Http;

/// <summary>
/// ASP.NET Core endpoints for the HTTP-triggered functions, added once the worker has reported
/// them. Routing then gives route templates with constraints, 404 for unknown paths and 405 for
/// a known path with the wrong method, as the real host does.
/// </summary>
internal sealed class FunctionEndpointDataSource : EndpointDataSource, IDisposable
{
    private readonly Lock _lock = new();
    private IReadOnlyList<Endpoint> _endpoints = [];
    private CancellationTokenSource _changed = new();

    public override IReadOnlyList<Endpoint> Endpoints => _endpoints;

    public static string RouteTemplate(FunctionDefinition function, string routePrefix)
    {
        ArgumentNullException.ThrowIfNull(function);
        var route = function.Trigger?.GetString("route");
        if (string.IsNullOrWhiteSpace(route))
        {
            route = function.Name;
        }

        return string.IsNullOrEmpty(routePrefix) ? route.Trim('/') : $"{routePrefix}/{route.Trim('/')}";
    }

    /// <summary>The methods a function accepts, upper case; empty means any.</summary>
    public static IReadOnlyList<string> Methods(FunctionDefinition function) =>
        function?.Trigger?.GetStrings("methods").Select(m => m.ToUpperInvariant()).ToList() ?? [];

    public void SetFunctions(IEnumerable<FunctionDefinition> functions, string routePrefix, Func<FunctionDefinition, RequestDelegate> handlerFor)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(handlerFor);
        var endpoints = new List<Endpoint>();
        foreach (var function in functions.Where(f => f.IsHttp))
        {
            var builder = new RouteEndpointBuilder(handlerFor(function), RoutePatternFactory.Parse(RouteTemplate(function, routePrefix)), order: 0)
            {
                DisplayName = function.Name,
            };
            var methods = Methods(function);
            if (methods.Count > 0)
            {
                builder.Metadata.Add(new HttpMethodMetadata(methods));
            }

            endpoints.Add(builder.Build());
        }

        CancellationTokenSource previous;
        lock (_lock)
        {
            _endpoints = endpoints;
            previous = _changed;
            _changed = new CancellationTokenSource();
        }

        previous.Cancel();
        previous.Dispose();
    }

    public void Dispose() => _changed.Dispose();

    public override IChangeToken GetChangeToken()
    {
        lock (_lock)
        {
            return new CancellationChangeToken(_changed.Token);
        }
    }
}
