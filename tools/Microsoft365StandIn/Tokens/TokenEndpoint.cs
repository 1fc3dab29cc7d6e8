using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft365StandIn.Hosting;

namespace Microsoft365StandIn.Tokens;

/// <summary>
/// Entra ID's token endpoint for the client credentials flow (<c>POST /oauth2/v2.0/token</c>, also under a tenant:
/// <c>/{tenant}/oauth2/v2.0/token</c>): form fields <c>grant_type=client_credentials</c>, <c>client_id</c> and a
/// <c>scope</c> ending in <c>/.default</c>; a client secret or assertion, when sent, is not checked. Errors have
/// Entra's shape (<c>error</c>, <c>error_description</c> with its AADSTS code, <c>error_codes</c>).
/// </summary>
internal static class TokenEndpoint
{
    private const long MaxBody = 64 * 1024;

    public static bool Matches(string path) =>
        path.Equals("/oauth2/v2.0/token", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith("/oauth2/v2.0/token", StringComparison.OrdinalIgnoreCase) && path.Count(c => c == '/') == 4;

    public static async Task HandleAsync(HttpContext context, TokenIssuer issuer, TimeProvider time)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await ErrorAsync(context, time, 405, "invalid_request", 900561, "The endpoint only accepts POST requests.");
            return;
        }

        if (!context.Request.HasFormContentType)
        {
            await ErrorAsync(context, time, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.");
            return;
        }

        if (await BodyReader.ReadAsync(context.Request, MaxBody, context.RequestAborted) is not { } bytes)
        {
            await ErrorAsync(context, time, 413, "invalid_request", 90002, "The request body is too large.");
            return;
        }

        var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(bytes));
        var grantType = form.TryGetValue("grant_type", out var grant) ? grant.ToString() : "";
        var clientId = form.TryGetValue("client_id", out var client) ? client.ToString() : "";
        var scope = form.TryGetValue("scope", out var scopes) ? scopes.ToString() : "";
        if (grantType.Length == 0)
        {
            await ErrorAsync(context, time, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'grant_type'.");
        }
        else if (grantType != "client_credentials")
        {
            await ErrorAsync(context, time, 400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type; the stand-in issues tokens for client_credentials only.");
        }
        else if (clientId.Length == 0)
        {
            await ErrorAsync(context, time, 400, "invalid_request", 900144, "The request body must contain the following parameter: 'client_id'.");
        }
        else if (scope.Length == 0)
        {
            await ErrorAsync(context, time, 400, "invalid_request", 90014, "The required field 'scope' is missing from the credential.");
        }
        else if (!scope.EndsWith("/.default", StringComparison.Ordinal) || scope.Contains(' ', StringComparison.Ordinal))
        {
            await ErrorAsync(context, time, 400, "invalid_scope", 1002012, $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).");
        }
        else
        {
            var lifetime = (int)TokenIssuer.Lifetime.TotalSeconds;
            await Problems.WriteJsonAsync(context, 200, new JsonObject
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = lifetime,
                ["ext_expires_in"] = lifetime,
                ["access_token"] = issuer.Issue(clientId, scope),
            });
        }
    }

    private static Task ErrorAsync(HttpContext context, TimeProvider time, int status, string error, int code, string description)
    {
        var traceId = Guid.NewGuid().ToString();
        return Problems.WriteJsonAsync(context, status, new JsonObject
        {
            ["error"] = error,
            ["error_description"] = $"AADSTS{code}: {description} Trace ID: {traceId} Correlation ID: {Guid.NewGuid()} Timestamp: {Graph.GraphJson.Time(time.GetUtcNow())}",
            ["error_codes"] = new JsonArray(code),
            ["timestamp"] = Graph.GraphJson.Time(time.GetUtcNow()),
            ["trace_id"] = traceId,
            ["correlation_id"] = Guid.NewGuid().ToString(),
        });
    }
}
