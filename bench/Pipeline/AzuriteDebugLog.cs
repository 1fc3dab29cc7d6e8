using System.Globalization;
using System.Text.RegularExpressions;

namespace OnePointEntry.Bench.Pipeline;

/// <summary>
/// Reads the requests out of Azurite's debug log (<c>--debug FILE</c>): each request's first line names the
/// method, the URL and every header (the <c>traceparent</c> too), with the time to the millisecond. Read onwards
/// from where the last read stopped. The log also holds every query's whole answer (some 100 KB a page of 1,000
/// enquiries), which costs Azurite CPU and disk: fine for a run of a few thousand enquiries, not for 100,000.
/// </summary>
internal sealed partial class AzuriteDebugLog(string path) : IStorageLog
{
    private long _offset;

    public bool HasTraces => true;

    public string Description => "Azurite's debug log";

    /// <summary>
    /// Empties the file (Azurite appends, so it goes on at the new end): the debug log holds every query's whole
    /// answer and would fill the disk over a long run. Called only when nothing is being measured.
    /// </summary>
    public void Forget()
    {
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete))
        {
            stream.SetLength(0);
        }

        _offset = 0;
    }

    private static readonly byte[] s_marker = "StorageContextMiddleware: RequestMethod="u8.ToArray();

    /// <summary>The requests logged since the last call (whole lines only: one still being written waits for the next).</summary>
    public IReadOnlyList<StorageRequest> ReadNew()
    {
        var requests = new List<StorageRequest>();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1 << 20);
        stream.Seek(_offset, SeekOrigin.Begin);
        var buffer = new byte[4 << 20];
        var filled = 0;
        var lineStart = _offset;
        while (true)
        {
            var read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0)
            {
                break;
            }

            filled += read;
            var span = buffer.AsSpan(0, filled);
            var consumed = 0;
            while (span[consumed..].IndexOf((byte)'\n') is var newline and >= 0)
            {
                var line = span.Slice(consumed, newline);
                if (line.IndexOf(s_marker) >= 0)
                {
                    Add(System.Text.Encoding.UTF8.GetString(line), requests);
                }

                consumed += newline + 1;
            }

            lineStart += consumed;
            if (consumed == 0 && filled == buffer.Length)
            {
                // A line longer than the buffer (a large batch's body): skip it, it is not a request's first line.
                var skipped = SkipLine(stream);
                lineStart += filled + skipped;
                filled = 0;
                continue;
            }

            buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
            filled -= consumed;
        }

        _offset = lineStart;
        return requests;
    }

    private static long SkipLine(FileStream stream)
    {
        long skipped = 0;
        int next;
        while ((next = stream.ReadByte()) >= 0)
        {
            skipped++;
            if (next == '\n')
            {
                break;
            }
        }

        return skipped;
    }

    private static void Add(string line, List<StorageRequest> requests)
    {
        if (Request().Match(line) is not { Success: true } match)
        {
            return;
        }

        var headers = match.Groups["headers"].Value;
        requests.Add(new StorageRequest(
            DateTimeOffset.Parse(match.Groups["at"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            match.Groups["service"].Value,
            match.Groups["method"].Value,
            match.Groups["url"].Value,
            TraceParent().Match(headers) is { Success: true } trace ? trace.Groups["trace"].Value : null,
            UserAgent().Match(headers) is { Success: true } agent ? agent.Groups["agent"].Value : null));
    }

    [GeneratedRegex(@"^(?<at>\S+) \S+ \w+: (?<service>Blob|Queue|Table)StorageContextMiddleware: RequestMethod=(?<method>\S+) RequestURL=(?<url>\S+) RequestHeaders:(?<headers>\{.*?\}) ClientIP=", RegexOptions.CultureInvariant)]
    private static partial Regex Request();

    [GeneratedRegex(@"""traceparent"":""00-(?<trace>[0-9a-f]{32})-", RegexOptions.CultureInvariant)]
    private static partial Regex TraceParent();

    [GeneratedRegex(@"""user-agent"":""(?<agent>[^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex UserAgent();
}
