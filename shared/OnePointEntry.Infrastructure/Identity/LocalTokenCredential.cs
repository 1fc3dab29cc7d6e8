using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;

namespace OnePointEntry.Infrastructure.Identity;

/// <summary>
/// The app's credential with <c>Graph__Credential=Local</c>: tokens from the Microsoft 365 stand-in's token
/// endpoint at the origin of <c>Graph__BaseUrl</c> (<c>{scheme}://{host}:{port}/oauth2/v2.0/token</c>), asked for
/// as Entra ID is asked (client credentials, client id <see cref="ClientId"/>, the requested scope), so the app
/// sends a bearer token that the stand-in checks, as Graph checks the managed identity's. Each scope's token is
/// kept until shortly before it expires. Only a loopback address is ever asked: real Microsoft 365 is never
/// sent this request.
/// </summary>
public sealed class LocalTokenCredential : TokenCredential, IDisposable
{
    public const string ClientId = "one-point-entry-local";

    /// <summary>The token endpoint's path on the stand-in, as on Entra ID's v2.0 endpoint.</summary>
    public const string TokenPath = "/oauth2/v2.0/token";

    // A token is asked for again this long before it expires (at most half its lifetime), so a request that
    // starts with a cached token does not arrive with an expired one.
    private static readonly TimeSpan s_refreshMargin = TimeSpan.FromMinutes(5);

    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, AccessToken> _tokens = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <param name="graphBaseUrl"><c>Graph__BaseUrl</c>; its origin is the stand-in's.</param>
    /// <param name="time">The clock the cache goes by.</param>
    /// <param name="handler">How requests are sent; the platform's default when null.</param>
    public LocalTokenCredential(Uri graphBaseUrl, TimeProvider? time = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(graphBaseUrl);

        // Never thrown here: the credential is created with every Azure client, also those that never ask it
        // for a token (storage with a connection string in the ope tool); a bad setting fails the token request.
        TokenEndpoint = graphBaseUrl.IsAbsoluteUri ? TokenEndpointFor(graphBaseUrl) : graphBaseUrl;
        _time = time ?? TimeProvider.System;
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.Timeout = TimeSpan.FromSeconds(10);
    }

    /// <summary>Where tokens are asked for (a relative <c>Graph__BaseUrl</c> as it is: no token is ever asked for then).</summary>
    public Uri TokenEndpoint { get; }

    /// <summary>The token endpoint at the origin of a Graph base URL.</summary>
    public static Uri TokenEndpointFor(Uri graphBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(graphBaseUrl);
        return graphBaseUrl.IsAbsoluteUri
            ? new Uri(graphBaseUrl, TokenPath)
            : throw new ArgumentException($"Graph__BaseUrl must be an absolute URL for Graph__Credential=Local, not '{graphBaseUrl}'.", nameof(graphBaseUrl));
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        GetTokenAsync(requestContext, cancellationToken).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        if (!TokenEndpoint.IsAbsoluteUri || !TokenEndpoint.IsLoopback)
        {
            throw new CredentialUnavailableException(
                $"Graph__Credential=Local asks only a Microsoft 365 stand-in on this machine for tokens, but Graph__BaseUrl ({(TokenEndpoint.IsAbsoluteUri ? TokenEndpoint.Host : TokenEndpoint.OriginalString)}) is not an absolute loopback address.");
        }

        var scope = string.Join(' ', requestContext.Scopes);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_tokens.TryGetValue(scope, out var cached) && _time.GetUtcNow() < cached.RefreshOn)
            {
                return cached;
            }

            var token = await RequestAsync(scope, cancellationToken).ConfigureAwait(false);
            _tokens[scope] = token;
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
    }

    private async Task<AccessToken> RequestAsync(string scope, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", ClientId),
            new("scope", scope),
        ]);
        HttpStatusCode status;
        string body;
        try
        {
            using var response = await _http.PostAsync(TokenEndpoint, form, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw Unreachable(exception.Message, exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable($"no answer within {_http.Timeout.TotalSeconds:0} seconds", exception);
        }

        if (status != HttpStatusCode.OK)
        {
            throw new AuthenticationFailedException(
                $"The Microsoft 365 stand-in's token endpoint {TokenEndpoint} refused a token for '{scope}': {(int)status} {status}. {Excerpt(body)}");
        }

        var now = _time.GetUtcNow();
        var (accessToken, lifetime) = Parse(body);
        var margin = TimeSpan.FromTicks(Math.Min(s_refreshMargin.Ticks, lifetime.Ticks / 2));
        return new AccessToken(accessToken, now + lifetime, now + lifetime - margin, "Bearer");
    }

    private (string AccessToken, TimeSpan Lifetime) Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw NoToken("the answer is not a JSON object.");
            }

            var accessToken = root.TryGetProperty("access_token", out var token) && token.ValueKind == JsonValueKind.String ? token.GetString() : null;
            if (string.IsNullOrEmpty(accessToken))
            {
                throw NoToken("the answer has no access_token.");
            }

            var seconds = root.TryGetProperty("expires_in", out var expiresIn) ? ReadSeconds(expiresIn) : 0;
            if (seconds <= 0)
            {
                throw NoToken("the answer has no expires_in of 1 second or more.");
            }

            return (accessToken, TimeSpan.FromSeconds(seconds));
        }
        catch (JsonException exception)
        {
            throw NoToken($"the answer is not JSON ({exception.Message}).", exception);
        }
    }

    // Entra ID writes expires_in as a number; some identity endpoints write it as a string.
    private static long ReadSeconds(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var number) => number,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
        _ => 0,
    };

    private CredentialUnavailableException Unreachable(string reason, Exception inner) =>
        new($"Graph__Credential=Local: the Microsoft 365 stand-in's token endpoint {TokenEndpoint} could not be reached ({reason}). Start the stand-in, or point Graph__BaseUrl at it.", inner);

    private AuthenticationFailedException NoToken(string reason, Exception? inner = null) =>
        new($"The Microsoft 365 stand-in's token endpoint {TokenEndpoint} gave no usable token: {reason}", inner);

    private static string Excerpt(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
