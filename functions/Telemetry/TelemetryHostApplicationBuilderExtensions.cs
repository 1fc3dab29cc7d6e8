using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OnePointEntry.Functions.Telemetry;

public static class TelemetryHostApplicationBuilderExtensions
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationStringSetting = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>
    /// OpenTelemetry logs, traces and metrics with the Functions worker's integration (invocation spans joined to
    /// the host's trace), the Azure SDK's spans and outgoing HTTP. Exported to Application Insights only when
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, so local runs and tests send nothing anywhere. With
    /// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> (<c>Authorization=AAD[;ClientId=...]</c>, the setting
    /// Application Insights documents for Entra ID ingestion) the exporter authenticates with that managed
    /// identity, so the resource may disable local (key) authentication.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // The Azure SDK reports its spans only when asked to (its OpenTelemetry support is still opt-in).
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var telemetry = builder.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource("Azure.*").AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics.AddHttpClientInstrumentation())
            .WithLogging(configureBuilder: null, configureOptions: options =>
            {
                // The enquiry's reference travels as a scope (EnquiryLogScope); without scopes it would be lost.
                options.IncludeScopes = true;
                options.IncludeFormattedMessage = true;
            });

        var connectionString = builder.Configuration[ConnectionStringSetting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var credential = CredentialFrom(builder.Configuration[AuthenticationStringSetting]);
            telemetry.UseAzureMonitorExporter(options =>
            {
                options.ConnectionString = connectionString;
                options.Credential = credential;
            });
        }

        return builder;
    }

    /// <summary>The managed identity named by an authentication string; null (the key in the connection string) without one.</summary>
    internal static TokenCredential? CredentialFrom(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !authorization.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{AuthenticationStringSetting} must be 'Authorization=AAD' or 'Authorization=AAD;ClientId=<client id of a user-assigned identity>'.");
        }

        return new ManagedIdentityCredential(parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0
            ? ManagedIdentityId.FromUserAssignedClientId(clientId)
            : ManagedIdentityId.SystemAssigned);
    }
}
