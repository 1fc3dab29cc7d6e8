namespace OnePointEntry.Bench.MailToCalendar;

/// <summary>
/// A Graph request's route with its ids left out (<c>POST /users/{u}/events</c>), so that requests of different
/// enquiries count together. The shared mailbox is <c>{mailbox}</c>, another user <c>{u}</c>; the names of the
/// query options used are kept (<c>GET /users/{u}/events?$filter</c>), their values not.
/// </summary>
internal static class RouteShape
{
    private static readonly Dictionary<string, string> IdAfter = new(StringComparer.OrdinalIgnoreCase)
    {
        ["messages"] = "{id}",
        ["events"] = "{id}",
        ["tasks"] = "{id}",
        ["plans"] = "{id}",
        ["buckets"] = "{id}",
        ["subscriptions"] = "{id}",
        ["attachments"] = "{id}",
        ["mailFolders"] = "{folder}",
        ["childFolders"] = "{folder}",
    };

    private static readonly HashSet<string> WellKnownFolders = new(StringComparer.OrdinalIgnoreCase) { "inbox", "sentitems", "deleteditems" };

    public static string Of(string method, string path, IEnumerable<string> queryKeys, string mailbox, string mailboxUserId)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var shaped = new List<string>(segments.Length);
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var previous = i > 0 ? segments[i - 1] : "";
            if (string.Equals(previous, "users", StringComparison.OrdinalIgnoreCase))
            {
                shaped.Add(string.Equals(segment, mailbox, StringComparison.OrdinalIgnoreCase) || segment == mailboxUserId ? "{mailbox}" : "{u}");
            }
            else if (IdAfter.TryGetValue(previous, out var placeholder) && !WellKnownFolders.Contains(segment))
            {
                shaped.Add(placeholder);
            }
            else
            {
                shaped.Add(segment);
            }
        }

        var options = string.Join(",", queryKeys.Where(key => key.StartsWith('$')).Order(StringComparer.Ordinal));
        return $"{method} /{string.Join('/', shaped)}{(options.Length > 0 ? "?" + options : "")}";
    }
}
