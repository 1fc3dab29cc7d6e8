using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Microsoft365StandIn.Tokens;

/// <summary>
/// Issues and checks the stand-in's access tokens: JWTs signed with HMAC-SHA256 under a key fixed in the code,
/// so a restarted stand-in (or another instance) still accepts the tokens it gave out until they expire. The key
/// is no secret: it guards nothing but a local stand-in, and only tells its own tokens from made-up ones.
/// </summary>
internal sealed class TokenIssuer(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(3599);

    public const string TenantId = "7f3c9a51-0d2e-4b8a-9c61-5e0f4d2b8a17";

    private static readonly byte[] s_key = Encoding.ASCII.GetBytes("Microsoft365StandIn/token-signing-key/v1");

    private static readonly string s_header = Base64Url.EncodeToString("""{"typ":"JWT","alg":"HS256"}"""u8);

    public string Issue(string clientId, string scope, TimeSpan? lifetime = null)
    {
        var now = time.GetUtcNow();
        var payload = new JsonObject
        {
            ["aud"] = scope.EndsWith("/.default", StringComparison.Ordinal) ? scope[..^"/.default".Length] : scope,
            ["iss"] = $"https://sts.windows.net/{TenantId}/",
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + (lifetime ?? Lifetime)).ToUnixTimeSeconds(),
            ["appid"] = clientId,
            ["tid"] = TenantId,
            ["roles"] = new JsonArray("Mail.ReadWrite", "Mail.Send", "Calendars.ReadWrite", "Tasks.ReadWrite.All", "User.Read.All"),
            ["jti"] = Guid.NewGuid().ToString(),
        };
        var body = $"{s_header}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}";
        return $"{body}.{Sign(body)}";
    }

    /// <summary>Checks an <c>Authorization</c> header: a bearer token this stand-in signed, not expired, for this service.</summary>
    public TokenCheck Check(string? authorization, TokenAudience audience)
    {
        const string bearer = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization) || !authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) || authorization.Length == bearer.Length)
        {
            return TokenCheck.Missing;
        }

        var token = authorization[bearer.Length..].Trim();
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return TokenCheck.Invalid;
        }

        var expected = Encoding.ASCII.GetBytes(Sign($"{parts[0]}.{parts[1]}"));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2])))
        {
            return TokenCheck.Invalid;
        }

        try
        {
            var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]));
            var expires = payload?["exp"]?.GetValue<long>();
            if (expires is not { } seconds || DateTimeOffset.FromUnixTimeSeconds(seconds) <= time.GetUtcNow())
            {
                return TokenCheck.Expired;
            }

            return IsFor(payload?["aud"]?.GetValue<string>(), audience) ? TokenCheck.Valid : TokenCheck.WrongAudience;
        }
        catch (Exception error) when (error is System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            return TokenCheck.Invalid;
        }
    }

    private static bool IsFor(string? tokenAudience, TokenAudience audience) => audience switch
    {
        TokenAudience.Graph => tokenAudience is "https://graph.microsoft.com" or "00000003-0000-0000-c000-000000000000"
            || Uri.TryCreate(tokenAudience, UriKind.Absolute, out var uri) && uri.IsLoopback,
        TokenAudience.CommunicationServices => tokenAudience is "https://communication.azure.com",
        _ => false,
    };

    private static string Sign(string body) => Base64Url.EncodeToString(HMACSHA256.HashData(s_key, Encoding.ASCII.GetBytes(body)));
}
