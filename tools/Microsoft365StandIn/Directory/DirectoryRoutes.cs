using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft365StandIn.Graph;
using Microsoft365StandIn.State;

namespace Microsoft365StandIn.Directory;

/// <summary>The tenant's directory: <c>GET /users/{id | userPrincipalName | mail}</c>, <c>GET /users</c>, and <c>/me</c>, which app-only tokens cannot use.</summary>
internal sealed partial class DirectoryRoutes(StandInState state)
{
    public IEnumerable<GraphRoute> Routes =>
    [
        GraphRoute.Sync("GET", @"^/users/?$", (call, _) => List(call)),
        GraphRoute.Sync("GET", @"^/users/(?<user>[^/]+)$", (call, match) => Get(call, match.Groups["user"].Value)),
        GraphRoute.Sync("*", @"^/me(/.*)?$", (_, _) => GraphResponse.Error(400, "BadRequest", "/me request is only valid with delegated authentication flow.")),
    ];

    public static JsonObject UserJson(DirectoryUser user)
    {
        var names = user.DisplayName.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        return new JsonObject
        {
            ["businessPhones"] = new JsonArray(),
            ["displayName"] = user.DisplayName,
            ["givenName"] = names.Length > 0 ? names[0] : null,
            ["jobTitle"] = null,
            ["mail"] = user.Mail,
            ["mobilePhone"] = null,
            ["officeLocation"] = null,
            ["preferredLanguage"] = null,
            ["surname"] = names.Length > 1 ? names[1] : null,
            ["userPrincipalName"] = user.UserPrincipalName,
            ["id"] = user.Id,
        };
    }

    private GraphResponse Get(GraphCall call, string key)
    {
        if (state.FindUser(key) is not { } user)
        {
            return GraphResponse.Error(404, "Request_ResourceNotFound", $"Resource '{key}' does not exist or one of its queried reference-property objects are not present.");
        }

        var select = call.Query("$select");
        var json = GraphJson.Select(UserJson(user), select);
        var context = string.IsNullOrWhiteSpace(select) ? "users/$entity" : $"users({select})/$entity";
        var body = new JsonObject { ["@odata.context"] = $"{call.GraphBase}/$metadata#{context}" };
        foreach (var (name, value) in json)
        {
            body[name] = value?.DeepClone();
        }

        return GraphResponse.WithJson(200, body);
    }

    private GraphResponse List(GraphCall call)
    {
        IEnumerable<DirectoryUser> users = state.Data.Users;
        if (call.Query("$filter") is { } filter)
        {
            var match = EqualsFilter().Match(filter);
            if (!match.Success)
            {
                return GraphResponse.Error(400, "Request_UnsupportedQuery", "Unsupported or invalid query filter clause specified.");
            }

            var value = match.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal);
            users = match.Groups["property"].Value.ToUpperInvariant() switch
            {
                "MAIL" => users.Where(user => string.Equals(user.Mail, value, StringComparison.OrdinalIgnoreCase)),
                "USERPRINCIPALNAME" => users.Where(user => string.Equals(user.UserPrincipalName, value, StringComparison.OrdinalIgnoreCase)),
                "ID" => users.Where(user => string.Equals(user.Id, value, StringComparison.OrdinalIgnoreCase)),
                _ => users.Where(user => string.Equals(user.DisplayName, value, StringComparison.OrdinalIgnoreCase)),
            };
        }

        var top = int.TryParse(call.Query("$top"), NumberStyles.None, CultureInfo.InvariantCulture, out var given) ? Math.Clamp(given, 1, 999) : 100;
        var skip = int.TryParse(call.Query("$skiptoken"), NumberStyles.None, CultureInfo.InvariantCulture, out var skipped) ? skipped : 0;
        var all = users.ToList();
        var body = new JsonObject
        {
            ["@odata.context"] = $"{call.GraphBase}/$metadata#users",
            ["value"] = GraphJson.Array(all.Skip(skip).Take(top).Select(user => GraphJson.Select(UserJson(user), call.Query("$select")))),
        };
        if (skip + top < all.Count)
        {
            var select = call.Query("$select") is { } chosen ? $"&$select={Uri.EscapeDataString(chosen)}" : "";
            body["@odata.nextLink"] = $"{call.GraphBase}/users?$top={top}&$skiptoken={skip + top}{select}";
        }

        return GraphResponse.WithJson(200, body);
    }

    [GeneratedRegex(@"^\s*(?<property>mail|userPrincipalName|id|displayName)\s+eq\s+'(?<value>(?:[^']|'')*)'\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EqualsFilter();
}
