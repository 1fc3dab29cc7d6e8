namespace OnePointEntry.Bench.Pipeline;

/// <summary>
/// A storage request's kind, its keys and values left out, so that requests of different enquiries count
/// together: <c>Enquiries: read by keys</c>, <c>Enquiries: query on Status</c>, <c>enquiry-routing: put message</c>.
/// </summary>
internal static class StorageKinds
{
    /// <summary>The queue a queue request is about, else null.</summary>
    public static string? QueueOf(StorageRequest request) =>
        request.Service == "Queue" && Segments(request.Url) is [var queue, ..] ? queue : null;

    public static string Of(StorageRequest request)
    {
        // Azurite's access log shows an insert's query with its '?' escaped (Deliveries%3F$format=...).
        var url = request.Url.Replace("%3F", "?", StringComparison.OrdinalIgnoreCase);
        var segments = Segments(url);
        var query = url.Contains('?', StringComparison.Ordinal) ? Uri.UnescapeDataString(url[(url.IndexOf('?', StringComparison.Ordinal) + 1)..]) : string.Empty;
        switch (request.Service)
        {
            case "Queue":
                var queue = segments.Length > 0 ? segments[0] : "(account)";
                var operation = (request.Method, segments.Length) switch
                {
                    ("POST", 2) => "put message",
                    ("GET", 2) when query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase) => "peek",
                    ("GET", 2) => "get messages",
                    ("DELETE", 3) => "delete message",
                    ("PUT", 3) => "update message",
                    _ => request.Method + " " + string.Join('/', segments.Skip(1).Select(_ => "…")),
                };
                return $"{queue}: {operation}";
            case "Table":
                if (segments.Length > 0 && segments[^1] == "$batch")
                {
                    return "batch (entity group transaction)";
                }

                var resource = segments.Length > 0 ? segments[0] : string.Empty;
                var table = resource.Split('(')[0];
                var byKeys = resource.Contains("PartitionKey=", StringComparison.Ordinal) || resource.Contains("PartitionKey%3D", StringComparison.Ordinal);
                var page = query.Contains("NextPartitionKey", StringComparison.OrdinalIgnoreCase) ? ", next page" : string.Empty;
                return (request.Method, byKeys) switch
                {
                    ("GET", true) => $"{table}: read by keys",
                    ("GET", false) when query.Contains("Status", StringComparison.Ordinal) => $"{table}: query on Status{page}",
                    ("GET", false) when query.Contains("$filter", StringComparison.OrdinalIgnoreCase) => $"{table}: query{page}",
                    ("GET", false) => $"{table}: read whole table{page}",
                    ("POST", false) when table == "Tables" => "create table",
                    ("POST", false) => $"{table}: insert",
                    ("PUT", true) or ("MERGE", true) or ("PATCH", true) => $"{table}: update",
                    ("DELETE", true) => $"{table}: delete",
                    _ => $"{table}: {request.Method}",
                };
            default:
                return $"blob: {request.Method}" + (segments.Length > 0 ? $" {segments[0]}" : string.Empty);
        }
    }

    // The path after the account: /devstoreaccount1/<resource>/...
    private static string[] Segments(string url)
    {
        // The debug log has whole URLs, the access log paths (which Uri would take for a file's, query and all).
        var path = url.StartsWith("http", StringComparison.Ordinal) && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url.Split('?')[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length > 0 && segments[0] == "devstoreaccount1" ? segments[1..] : segments;
    }
}
