using System.Globalization;
using System.Text.RegularExpressions;

namespace OnePointEntry.Bench.Pipeline;

/// <summary>
/// Reads the requests out of Azurite's access log (the line per request it prints on its standard output, which
/// <c>azurite.sh</c> writes to a file): method, path and query, to the second. Costs Azurite nothing more, but
/// carries no headers, so the trace that tells which step made a request is not there.
/// </summary>
internal sealed partial class AzuriteAccessLog(string path) : IStorageLog
{
    private long _offset;

    public bool HasTraces => false;

    public string Description => "Azurite's access log";

    public IReadOnlyList<StorageRequest> ReadNew()
    {
        var requests = new List<StorageRequest>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Seek(_offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        // A line still being written waits for the next read.
        var complete = text.LastIndexOf('\n') + 1;
        _offset += System.Text.Encoding.UTF8.GetByteCount(text.AsSpan(0, complete));
        foreach (var line in text[..complete].Split('\n'))
        {
            if (Line().Match(line) is not { Success: true } match)
            {
                continue;
            }

            var url = match.Groups["url"].Value;
            requests.Add(new StorageRequest(
                DateTimeOffset.ParseExact(match.Groups["at"].Value, "dd/MMM/yyyy:HH:mm:ss zzz", CultureInfo.InvariantCulture),
                ServiceOf(url),
                match.Groups["method"].Value,
                url,
                TraceId: null,
                UserAgent: null));
        }

        return requests;
    }

    public void Forget()
    {
        _offset = new FileInfo(path).Length;
    }

    // The three services print to the same output; their paths tell them apart: a queue's name is lower case and
    // its messages are under /messages, the one blob container is mail-originals, tables are capitalised or $batch.
    private static string ServiceOf(string url)
    {
        var path = url.Split('?')[0];
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 1 ? segments[1] : string.Empty;
        return resource == "mail-originals" ? "Blob"
            : resource.Length > 0 && char.IsLower(resource[0]) && !resource.Contains('(', StringComparison.Ordinal) && resource != "$batch" ? "Queue"
            : "Table";
    }

    [GeneratedRegex(@"^\S+ - \S+ \[(?<at>[^\]]+)\] ""(?<method>[A-Z]+) (?<url>\S+) HTTP/[0-9.]+"" \d+", RegexOptions.CultureInvariant)]
    private static partial Regex Line();
}
