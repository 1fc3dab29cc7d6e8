using System.Net;
using LocalFunctionsHost.Auth;
using LocalFunctionsHost.Grpc;
using LocalFunctionsHost.Http;
using LocalFunctionsHost.Invocation;
using LocalFunctionsHost.Queues;
using LocalFunctionsHost.Settings;
using LocalFunctionsHost.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFunctionsHost.Hosting;

internal static class HostServiceCollectionExtensions
{
    public static IServiceCollection AddLocalFunctionsHost(
        this IServiceCollection services, AppLocation app, AppSettings settings, HostJsonSettings hostJson, FunctionKeys keys, LocalSignInUser? localSignIn)
    {
        services.AddGrpc(options =>
        {
            // The worker is started with --functions-grpc-max-message-length 2147483647; match it.
            options.MaxReceiveMessageSize = null;
            options.MaxSendMessageSize = null;
            // gRPC's catch-all "unimplemented" routes accept any method and would turn every 405 into a 404.
            options.IgnoreUnknownServices = true;
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(app);
        services.AddSingleton(settings);
        services.AddSingleton(hostJson);
        services.AddSingleton(keys);
        services.AddSingleton(new QueueMessageCodec(hostJson.Queues.Base64Encoding));
        services.AddSingleton<WorkerChannel>();
        services.AddSingleton<WorkerProcess>();
        services.AddSingleton<WorkerCapabilities>();
        services.AddSingleton<FunctionCatalog>();
        services.AddSingleton<FunctionEndpointDataSource>();
        services.AddSingleton<QueueClientProvider>();
        services.AddSingleton<QueueActivity>();
        services.AddSingleton<OutputBindingDispatcher>();
        services.AddSingleton<FunctionInvoker>();
        services.AddSingleton<HttpTriggerHandler>();
        services.AddSingleton<TriggerListeners>();
        services.AddSingleton<HostRuntime>();
        services.AddSingleton(_ => new WorkerHttpForwarder(new HttpMessageInvoker(new SocketsHttpHandler
        {
            // A transparent hop: no proxy, redirects, cookies or decompression of the worker's answer.
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        })));
        if (localSignIn is not null)
        {
            services.AddSingleton(localSignIn);
            services.AddSingleton(new ClientPrincipal(localSignIn));
            services.AddSingleton<SessionStore>();
        }

        return services;
    }
}
