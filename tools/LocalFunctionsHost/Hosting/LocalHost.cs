using System.Net;
using LocalFunctionsHost.Auth;
using LocalFunctionsHost.Grpc;
using LocalFunctionsHost.Http;
using LocalFunctionsHost.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsHost.Hosting;

/// <summary>
/// Builds the one Kestrel server with two loopback listeners: HTTP/2 without TLS on a free port
/// for the worker's gRPC stream, and the public HTTP port for functions and the admin API.
/// </summary>
internal static class LocalHost
{
    // The real host accepts bodies up to 100 MB.
    private const long MaxRequestBodySize = 100L * 1024 * 1024;

    public static async Task<int> RunAsync(HostCommandLine commandLine, DateTimeOffset processStartedAt, CancellationToken shutdown)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        var app = AppLocation.Resolve(commandLine.AppPath);
        var settings = AppSettings.Load(commandLine.SettingsPath, app);
        if (commandLine.LocalSignIn is not null)
        {
            // What App Service sets when its authentication is on; the app trusts X-MS-CLIENT-PRINCIPAL only then.
            settings = settings.WithPlatformSetting("WEBSITE_AUTH_ENABLED", "True");
        }

        var hostJson = HostJsonSettings.Load(app.Directory, settings.All);
        var keys = FunctionKeys.Create(commandLine, settings);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            // Not the current folder: an appsettings.json there belongs to someone else.
            ContentRootPath = AppContext.BaseDirectory,
        });
        ListenOptions? grpcListener = null;
        ListenOptions? httpListener = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodySize;
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                grpcListener = listen;
            });
            kestrel.Listen(IPAddress.Loopback, commandLine.Port, listen =>
            {
                // Plain HTTP/1.1 like func: HTTP/2 would need TLS here.
                listen.Protocols = HttpProtocols.Http1;
                httpListener = listen;
            });
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(options => options.FormatterName = CompactConsoleFormatter.FormatterName);
        builder.Logging.AddConsoleFormatter<CompactConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        builder.Logging.AddFilter("Azure", LogLevel.Warning);
        builder.Services.AddLocalFunctionsHost(app, settings, hostJson, keys, commandLine.LocalSignIn);

        await using var web = builder.Build();
        var ports = new ListenerPorts();
        // gRPC only on the worker's port, functions and admin only on the public one.
        web.Use((context, next) =>
        {
            var onGrpcPort = context.Connection.LocalPort == ports.Grpc;
            var isGrpc = context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
            if (onGrpcPort != isGrpc)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        if (commandLine.LocalSignIn is not null)
        {
            web.UseMiddleware<EasyAuthMiddleware>();
        }

        web.MapGrpcService<FunctionRpcService>();
        web.MapAdminEndpoints();
        ((IEndpointRouteBuilder)web).DataSources.Add(web.Services.GetRequiredService<FunctionEndpointDataSource>());

        await web.StartAsync(shutdown);
        ports.Grpc = grpcListener!.IPEndPoint!.Port;
        var httpBase = new Uri($"http://127.0.0.1:{httpListener!.IPEndPoint!.Port}/");
        try
        {
            return await web.Services.GetRequiredService<HostRuntime>().RunAsync(processStartedAt, ports.Grpc, httpBase, shutdown);
        }
        finally
        {
            await web.StopAsync(CancellationToken.None);
        }
    }

    private sealed class ListenerPorts
    {
        public int Grpc { get; set; } = -1;
    }
}
