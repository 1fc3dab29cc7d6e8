using Azure.Core;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using OnePointEntry.Infrastructure.Email;
using OnePointEntry.Infrastructure.Identity;
using OnePointEntry.Mail;

namespace OnePointEntry.Infrastructure.Graph;

public static class GraphMailHostApplicationBuilderExtensions
{
    /// <summary>How often one Graph request is retried on 429, 503 and 504 before the caller sees the failure.</summary>
    public const int InRequestRetries = 2;

    /// <summary>
    /// The shared mailbox (<see cref="IMailbox"/> through Microsoft Graph) and the sending port
    /// (<see cref="IMailSender"/>: Graph from the shared mailbox, or Azure Communication Services Email when
    /// <c>MailSending__Adapter</c> says so), with their settings validated at start-up.
    /// </summary>
    /// <remarks>
    /// One <see cref="GraphServiceClient"/> (and the ACS sender) is registered once through
    /// Microsoft.Extensions.Azure, so both use the app's one <see cref="TokenCredential"/> (<c>AddAppCredential</c>):
    /// the managed identity in Azure, the Microsoft 365 stand-in's tokens with <c>Graph__Credential=Local</c>.
    /// The Graph client is built with the SDK's default handlers, whose retry handler retries 429, 503 and 504
    /// (honouring Retry-After, <see cref="InRequestRetries"/> times from 1 s), plus <see cref="ImmutableIdHandler"/>.
    /// </remarks>
    public static IHostApplicationBuilder AddGraphMail(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<GraphOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.GetSection(GraphOptions.SectionName).Bind(options))
            .ValidateDataAnnotations()
            .Validate(
                options => string.IsNullOrEmpty(options.Credential) || options.UsesLocalCredential,
                "Graph__Credential must be empty (the app's identity: the managed identity in Azure) or Local (tokens from the Microsoft 365 stand-in at Graph__BaseUrl's address).")
            .Validate(
                options => !options.UsesLocalCredential || (options.BaseUrl is { IsAbsoluteUri: true } baseUrl && baseUrl.IsLoopback),
                "Graph__Credential=Local takes tokens from the Microsoft 365 stand-in at Graph__BaseUrl's address, so Graph__BaseUrl must be a loopback address (such as http://127.0.0.1:7072/v1.0), never Microsoft 365's.")
            .ValidateOnStart();
        services.AddOptions<MailSendingOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.GetSection(MailSendingOptions.SectionName).Bind(options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailSendingOptions>, MailSendingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        builder.AddAppCredential();

        services.AddAzureClients(clients =>
        {
            clients.AddClient<GraphServiceClient, GraphClientOptions>((clientOptions, credential, provider) =>
                CreateGraphClient(provider.GetRequiredService<IOptions<GraphOptions>>().Value, clientOptions, credential));
            clients.AddClient<AcsEmailSender, AcsEmailSenderOptions>((clientOptions, credential, provider) =>
            {
                var sending = provider.GetRequiredService<IOptions<MailSendingOptions>>().Value;
                var endpoint = sending.AcsEndpoint
                    ?? throw new InvalidOperationException("MailSending__AcsEndpoint is required to send through Azure Communication Services.");
                clientOptions.SenderAddress = sending.AcsSenderAddress;
                clientOptions.ApiVersion = sending.AcsApiVersion;
                clientOptions.OperationTimeout = sending.AcsOperationTimeout;
                return new AcsEmailSender(
                    endpoint,
                    credential,
                    clientOptions,
                    provider.GetRequiredService<TimeProvider>(),
                    provider.GetService<ILogger<AcsEmailSender>>());
            });
        });

        services.TryAddSingleton<IMailbox, GraphMailbox>();
        services.TryAddSingleton<GraphMailSender>();
        services.TryAddSingleton<IMailSender>(provider =>
            provider.GetRequiredService<IOptions<MailSendingOptions>>().Value.Adapter == MailSendingAdapter.AzureCommunicationServices
                ? provider.GetRequiredService<AcsEmailSender>()
                : provider.GetRequiredService<GraphMailSender>());
        return builder;
    }

    private static GraphServiceClient CreateGraphClient(GraphOptions options, GraphClientOptions clientOptions, TokenCredential credential)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers(clientOptions);
        // Waits inside one request stay short (the worker's threads and the queue's visibility are held meanwhile): the
        // outbox's own attempts, minutes apart, are what rides out a longer outage.
        for (var i = 0; i < handlers.Count; i++)
        {
            if (handlers[i] is RetryHandler)
            {
                handlers[i] = new RetryHandler(new RetryHandlerOption { MaxRetry = InRequestRetries, Delay = 1 });
            }
        }

        handlers.Add(new ImmutableIdHandler());
        var httpClient = GraphClientFactory.Create(handlers);
        var authentication = new AzureIdentityAuthenticationProvider(credential, [options.BaseUrl.Host], observabilityOptions: null, isCaeEnabled: true, scopes: [options.Scope]);
        return new GraphServiceClient(httpClient, authentication, options.BaseUrl.AbsoluteUri.TrimEnd('/'));
    }
}
