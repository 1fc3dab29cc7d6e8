using System.Text;
using System.Text.Json;

namespace OnePointEntry.Functions.Staff.SignIn;

/// <summary>
/// Reads the <c>X-MS-CLIENT-PRINCIPAL</c> header App Service Authentication adds for a signed-in user: Base64 of
/// <c>{"auth_typ", "name_typ", "role_typ", "claims": [{"typ", "val"}]}</c>. Anything that is not that shape is
/// no principal at all.
/// </summary>
public static class ClientPrincipal
{
    /// <summary>Far above what Entra ID puts in a token's claims; a header beyond it is not the platform's.</summary>
    public const int MaxHeaderLength = 32 * 1024;

    private const int MaxNameLength = 200;
    private static readonly string[] NameClaims = ["preferred_username", "name", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", "email"];
    private static readonly string[] RoleClaims = ["roles", "http://schemas.microsoft.com/ws/2008/06/identity/claims/role"];

    public static SignedInStaff? Read(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > MaxHeaderLength)
        {
            return null;
        }

        byte[] json;
        try
        {
            json = Convert.FromBase64String(header.Trim());
        }
        catch (FormatException)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return FromJson(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SignedInStaff? FromJson(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("claims", out var claims)
            || claims.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var nameType = Text(root, "name_typ");
        var roleType = Text(root, "role_typ");
        var values = new List<(string Type, string Value)>();
        foreach (var claim in claims.EnumerateArray())
        {
            if (claim.ValueKind == JsonValueKind.Object && Text(claim, "typ") is { } type && Text(claim, "val") is { } value)
            {
                values.Add((type, value));
            }
        }

        string? First(string type) => values.FirstOrDefault(claim => string.Equals(claim.Type, type, StringComparison.OrdinalIgnoreCase)).Value;
        var name = (nameType is null ? null : First(nameType)) ?? NameClaims.Select(First).FirstOrDefault(found => found is not null);
        if (!IsName(name))
        {
            return null;
        }

        var roles = new HashSet<StaffRole>();
        foreach (var (type, value) in values)
        {
            var isRole = RoleClaims.Contains(type, StringComparer.OrdinalIgnoreCase)
                || (roleType is not null && string.Equals(type, roleType, StringComparison.OrdinalIgnoreCase));
            if (isRole && Enum.TryParse<StaffRole>(value, ignoreCase: false, out var role) && Enum.IsDefined(role) && !int.TryParse(value, out _))
            {
                roles.Add(role);
            }
        }

        var displayName = First("name");
        return new SignedInStaff(name!.Trim(), IsName(displayName) ? displayName!.Trim() : name.Trim(), roles);
    }

    // A name goes into the audit and onto pages: one line, of a sensible length.
    private static bool IsName(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= MaxNameLength && !value.Any(char.IsControl);

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
