using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft365StandIn.State;

namespace Microsoft365StandIn.Directory;

/// <summary>
/// Reads the tenant's users from a staff file in the format of the tool's <c>SampleData/staff.json</c>: an array of
/// objects whose <c>id</c> is a UPN (the address) or an object id and whose <c>name</c> is the display name; the
/// other fields are the app's and are ignored here.
/// </summary>
internal static class StaffFile
{
    public static IReadOnlyList<DirectoryUser> Read(string path, string domain)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"The staff file {path} is not JSON: {error.Message}", error);
        }

        if (root is not JsonArray entries)
        {
            throw new InvalidDataException($"The staff file {path} must hold a JSON array of staff members.");
        }

        var users = new List<DirectoryUser>();
        foreach (var entry in entries)
        {
            var id = entry?["id"]?.GetValue<string>()?.Trim();
            var name = entry?["name"]?.GetValue<string>()?.Trim();
            if (string.IsNullOrEmpty(id))
            {
                throw new InvalidDataException($"A staff member in {path} has no id.");
            }

            users.Add(UserFor(id, string.IsNullOrEmpty(name) ? id : name, domain));
        }

        return users;
    }

    /// <summary>A user for an address (object id derived from it) or for an object id (address made from the name).</summary>
    public static DirectoryUser UserFor(string id, string displayName, string domain)
    {
        if (Guid.TryParse(id, out var objectId))
        {
            var address = $"{LocalPart(displayName)}@{domain}";
            return new DirectoryUser(objectId.ToString(), displayName, address, address);
        }

        return new DirectoryUser(Ids.ObjectIdFor(id), displayName, id, id);
    }

    /// <summary>"Mei Lin Sørensen" → "mei.lin.sorensen": letters without their accents, words joined by dots.</summary>
    private static string LocalPart(string displayName)
    {
        var text = new StringBuilder();
        foreach (var character in displayName.ToLowerInvariant().Replace("ø", "o", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal).Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(character))
            {
                text.Append(character);
            }
            else if (char.IsWhiteSpace(character) || character is '-' or '.')
            {
                if (text.Length > 0 && text[^1] != '.')
                {
                    text.Append('.');
                }
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(character) != UnicodeCategory.NonSpacingMark && text.Length > 0 && text[^1] != '.')
            {
                text.Append('.');
            }
        }

        var local = text.ToString().Trim('.');
        return local.Length > 0 ? local : "user";
    }
}
