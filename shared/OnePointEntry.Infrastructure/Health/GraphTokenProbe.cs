using Azure.Core;
using Microsoft.Extensions.Options;
using OnePointEntry.Health;
using OnePointEntry.Infrastructure.Graph;

namespace OnePointEntry.Infrastructure.Health;

/// <summary>
/// Whether the app's identity can get a token for Microsoft Graph: the managed identity in Azure, the Microsoft
/// 365 stand-in's token endpoint with <c>Graph__Credential=Local</c>. The token itself is never reported.
/// </summary>
public sealed class GraphTokenProbe(TokenCredential credential, IOptions<GraphOptions> options) : IHealthProbe
{
    public string Name => "graph";

    public bool Essential => false;

    public async Task<ProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        var token = await credential.GetTokenAsync(new TokenRequestContext([options.Value.Scope]), cancellationToken);
        return new ProbeResult(HealthState.Healthy, "A token for Microsoft Graph was obtained.", new Dictionary<string, object?> { ["tokenExpiresAt"] = token.ExpiresOn });
    }
}
