using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OnePointEntry.Integration.Tests.Identity;

/// <summary>
/// A token endpoint on a free loopback port that answers what the test says and records each request's form,
/// for the unit tests of <c>LocalTokenCredential</c> alone (the Microsoft 365 stand-in is a program of its own).
/// </summary>
public sealed class TokenEndpointListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<IReadOnlyDictionary<string, string>> _requests = [];

    private TokenEndpointListener(WebApplication app) => _app = app;

    /// <summary>The answer to every token request: status and JSON body.</summary>
    public (int Status, string Body) Answer { get; set; } =
        (StatusCodes.Status200OK, """{"token_type":"Bearer","expires_in":3599,"access_token":"local-token-1"}""");

    /// <summary>The origin the listener serves, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Origin { get; private set; } = null!;

    /// <summary>A Graph base URL at this listener's origin, as <c>Graph__BaseUrl</c> would give it.</summary>
    public Uri GraphBaseUrl => new(Origin, "/v1.0");

    /// <summary>The form fields of each token request, in order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<TokenEndpointListener> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var listener = new TokenEndpointListener(app);
        app.MapPost("/oauth2/v2.0/token", listener.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        listener.Origin = new Uri(address);
        return listener;
    }

    /// <summary>A loopback origin where nothing listens (a port taken and given back).</summary>
    public static Uri UnusedOrigin()
    {
        var socket = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        var port = ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        lock (_lock)
        {
            _requests.Add(form.ToDictionary(field => field.Key, field => field.Value.ToString(), StringComparer.Ordinal));
        }

        var (status, body) = Answer;
        return Results.Content(body, "application/json", statusCode: status);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
