using System.Text.Json;

namespace OnePointEntry.Tool.Seeding;

/// <summary>One element of a seed file's top-level array, with the line each of its fields starts on.</summary>
/// <param name="Line">The 1-based line the entry starts on.</param>
/// <param name="Lines">Field path (<c>id</c>, <c>themes[1]</c>, <c>contact.email</c>) → the line its value starts on.</param>
/// <param name="DuplicateFields">Fields written twice in the entry, with the line of the second.</param>
internal sealed record JsonEntry(JsonElement Element, int Line, IReadOnlyDictionary<string, int> Lines, IReadOnlyList<(string Field, int Line)> DuplicateFields)
{
    /// <summary>The line of <paramref name="field"/>, else of the nearest enclosing field written, else of the entry.</summary>
    public int LineOf(string field)
    {
        var path = field;
        while (path.Length > 0)
        {
            if (Lines.TryGetValue(path, out var line))
            {
                return line;
            }

            var cut = path.LastIndexOfAny(['.', '[']);
            path = cut < 0 ? string.Empty : path[..cut];
        }

        return Line;
    }
}

/// <summary>
/// Reads a JSON file holding an array of objects with <see cref="Utf8JsonReader"/>, which knows each token's
/// byte offset, so every entry and every field can be named by its line in messages.
/// </summary>
internal static class JsonEntries
{
    private static readonly JsonReaderOptions s_options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The entries read, and the problem that stopped the reading (line and reason), if any.</summary>
    public static (IReadOnlyList<JsonEntry> Entries, (int Line, string Reason)? Failure) Read(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        var lines = new LineIndex(utf8);
        var entries = new List<JsonEntry>();
        var reader = new Utf8JsonReader(utf8, s_options);
        try
        {
            if (!reader.Read())
            {
                return (entries, (1, "the file is empty; it should hold a JSON array of entries"));
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return (entries, (lines.LineOf(reader.TokenStartIndex), "the file should hold a JSON array of entries ([ {...}, {...} ])"));
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = lines.LineOf(reader.TokenStartIndex);
                var fieldLines = new Dictionary<string, int>(StringComparer.Ordinal);
                var duplicates = new List<(string, int)>();
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    // A copy of the reader walks the entry for its fields' lines; the original then parses it.
                    MapFields(reader, lines, fieldLines, duplicates);
                }

                using var document = JsonDocument.ParseValue(ref reader);
                entries.Add(new JsonEntry(document.RootElement.Clone(), line, fieldLines, duplicates));
            }

            // Anything after the array is an error the reader reports on this read.
            reader.Read();
            return (entries, null);
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber is { } zeroBased ? (int)zeroBased + 1 : lines.LineOf(reader.TokenStartIndex);
            return (entries, (line, "not valid JSON: " + WithoutPosition(exception.Message)));
        }
    }

    private static void MapFields(Utf8JsonReader reader, LineIndex lines, Dictionary<string, int> fieldLines, List<(string, int)> duplicates)
    {
        var containers = new Stack<Container>();
        containers.Push(new Container(string.Empty, IsArray: false));
        var property = string.Empty;
        while (containers.Count > 0 && reader.Read())
        {
            var container = containers.Peek();
            var line = lines.LineOf(reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var name = reader.GetString() ?? string.Empty;
                    property = container.Path.Length == 0 ? name : container.Path + "." + name;
                    if (!fieldLines.TryAdd(property, line))
                    {
                        duplicates.Add((property, line));
                    }

                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    containers.Pop();
                    continue;
            }

            var path = property;
            if (container.IsArray)
            {
                path = $"{container.Path}[{container.Count++}]";
                fieldLines.TryAdd(path, line);
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                containers.Push(new Container(path, reader.TokenType == JsonTokenType.StartArray));
            }
        }
    }

    // System.Text.Json ends its messages with "LineNumber: 4 | BytePositionInLine: 2."; the line is given already.
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    private sealed record Container(string Path, bool IsArray)
    {
        public int Count { get; set; }
    }

    /// <summary>Byte offset → 1-based line number.</summary>
    private sealed class LineIndex
    {
        private readonly List<long> _lineStarts = [0];

        public LineIndex(ReadOnlySpan<byte> utf8)
        {
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public int LineOf(long offset)
        {
            var index = _lineStarts.BinarySearch(offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }
    }
}
