using Azure.Core;
using Microsoft.Extensions.Options;
using OnePointEntry.Health;
using OnePointEntry.Infrastructure.Graph;

namespace OnePointEntry.Infrastructure.Health;

/// <summary>
/// Whether the app's identity can get a token for Microsoft Graph (the managed identity in Azure). The token
/// itself is never reported; with <c>Graph__Credential=None</c> (a stand-in) there is nothing to check.
/// </summary>
public sealed class GraphTokenProbe(TokenCredential credential, IOptions<GraphOptions> options) : IHealthProbe
{
    public string Name => "graph";

    public bool Essential => false;

    public async Task<ProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        var graph = options.Value;
        if (graph.SendsNoToken)
        {
            return new ProbeResult(HealthState.Skipped, "Not configured: Graph__Credential=None sends no token (a stand-in).");
        }

        var token = await credential.GetTokenAsync(new TokenRequestContext([graph.Scope]), cancellationToken);
        return new ProbeResult(HealthState.Healthy, "A token for Microsoft Graph was obtained.", new Dictionary<string, object?> { ["tokenExpiresAt"] = token.ExpiresOn });
    }
}
