using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Azure.Core;

namespace Microsoft365StandIn;

/// <summary>
/// A token credential for tests: gets tokens from the stand-in's token endpoint with the client credentials flow,
/// one per scope, kept until shortly before they expire, and remembers the scopes asked for.
/// </summary>
public sealed class StandInTokenCredential(Uri tokenEndpoint, string clientId = StandInTokenCredential.DefaultClientId, HttpMessageHandler? handler = null)
    : TokenCredential, IDisposable
{
    public const string DefaultClientId = "00000000-0000-0000-0000-0000000057a1";

    private readonly HttpClient _client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
    private readonly ConcurrentDictionary<string, AccessToken> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _scopes = new();

    public IReadOnlyList<string> RequestedScopes => [.. _scopes];

    /// <summary>The last token handed out, for tests that compare the Authorization header.</summary>
    public string? LastToken { get; private set; }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var scope = string.Join(' ', requestContext.Scopes);
        foreach (var asked in requestContext.Scopes)
        {
            _scopes.Enqueue(asked);
        }

        if (_tokens.TryGetValue(scope, out var cached) && cached.ExpiresOn > DateTimeOffset.UtcNow.AddMinutes(5))
        {
            LastToken = cached.Token;
            return cached;
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["scope"] = scope,
        });
        using var response = await _client.PostAsync(tokenEndpoint, form, cancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        if (!response.IsSuccessStatusCode || body?["access_token"]?.GetValue<string>() is not { } token)
        {
            throw new InvalidOperationException($"The stand-in refused a token for {scope}: {(int)response.StatusCode} {body?["error_description"]}");
        }

        var issued = new AccessToken(token, DateTimeOffset.UtcNow.AddSeconds(body["expires_in"]?.GetValue<int>() ?? 3599));
        _tokens[scope] = issued;
        LastToken = token;
        return issued;
    }

    public void Dispose() => _client.Dispose();
}
