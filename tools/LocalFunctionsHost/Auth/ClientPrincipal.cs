using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using LocalFunctionsHost.Settings;

namespace LocalFunctionsHost.Auth;

/// <summary>
/// What App Service Authentication tells an app about a user signed in with Microsoft Entra ID:
/// the <c>X-MS-CLIENT-PRINCIPAL*</c> request headers and the <c>/.auth/me</c> answer.
/// </summary>
internal sealed class ClientPrincipal
{
    public const string HeaderPrefix = "X-MS-CLIENT-PRINCIPAL";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string NameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
    public const string IdHeader = "X-MS-CLIENT-PRINCIPAL-ID";
    public const string IdentityProviderHeader = "X-MS-CLIENT-PRINCIPAL-IDP";
    public const string IdentityProvider = "aad";
    public const string ObjectIdClaim = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    // Readable names in the JSON: it is Base64 in a header, never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public ClientPrincipal(LocalSignInUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        Name = user.Email;
        ObjectId = ObjectIdFor(user.Email);
        var claims = new List<KeyValuePair<string, string>>
        {
            new("preferred_username", user.Email),
            new("name", user.DisplayName),
            new(ObjectIdClaim, ObjectId),
        };
        claims.AddRange(user.Roles.Select(role => new KeyValuePair<string, string>("roles", role)));
        Claims = claims;
        HeaderValue = Convert.ToBase64String(Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("auth_typ", IdentityProvider);
            writer.WriteString("name_typ", "preferred_username");
            writer.WriteString("role_typ", "roles");
            WriteClaims(writer, "claims");
            writer.WriteEndObject();
        }));
        MeJson = Write(writer =>
        {
            writer.WriteStartArray();
            writer.WriteStartObject();
            writer.WriteString("provider_name", IdentityProvider);
            writer.WriteString("user_id", Name);
            WriteClaims(writer, "user_claims");
            writer.WriteEndObject();
            writer.WriteEndArray();
        });
    }

    /// <summary>The value of <c>X-MS-CLIENT-PRINCIPAL-NAME</c>: the claim named by name_typ, the e-mail.</summary>
    public string Name { get; }

    /// <summary>The value of <c>X-MS-CLIENT-PRINCIPAL-ID</c> and of the objectidentifier claim.</summary>
    public string ObjectId { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Claims { get; }

    /// <summary>The value of <c>X-MS-CLIENT-PRINCIPAL</c>: Base64 of the UTF-8 JSON.</summary>
    public string HeaderValue { get; }

    /// <summary>The UTF-8 body of <c>GET /.auth/me</c>.</summary>
    public byte[] MeJson { get; }

    /// <summary>
    /// A GUID that stays the same for an e-mail across runs, as an Entra object id does for a user,
    /// so that whatever the app keys on it survives a restart of this host.
    /// </summary>
    public static string ObjectIdFor(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(email.ToUpperInvariant()));
        // Version 8 (RFC 9562, "custom") and the RFC variant, so that it is a well-formed GUID.
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }

    private void WriteClaims(Utf8JsonWriter writer, string propertyName)
    {
        writer.WriteStartArray(propertyName);
        foreach (var (type, value) in Claims)
        {
            writer.WriteStartObject();
            writer.WriteString("typ", type);
            writer.WriteString("val", value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return buffer.ToArray();
    }
}
