using System.Text;
using System.Text.RegularExpressions;

namespace OnePointEntry.Extraction;

/// <summary>
/// Splits a mail's text into the messages it holds: the writer's own text, then each forwarded or quoted
/// message (Outlook "From:/Sent:" and "Fra:/Sendt:" blocks, "Forwarded message", "Videresendt besked",
/// "Vidarebefordrat meddelande", "-----Original Message-----", "On ... wrote:" with "&gt;" lines), and
/// cuts each one's signature off after the closing ("Best regards", "Med venlig hilsen", 此致 ...).
/// </summary>
internal static partial class MailSegmenter
{
    private static readonly ExtractionCues s_cues = ExtractionCues.Default;
    private static readonly Dictionary<string, string> s_headerField = BuildHeaderFields();
    private static readonly PhraseScanner<bool> s_disclaimer = new(s_cues.DisclaimerMarkers.Select(m => (m, true)));

    // Trimmed once: trimming every closing again for every line made a mail of many short lines slow. A set, so
    // that a line is looked up rather than compared with every closing.
    private static readonly HashSet<string> s_closings = s_cues.Closings.Select(c => c.TrimEnd(',', '.', '!', '，', '。', '！', ' ')).ToHashSet(StringComparer.Ordinal);

    public static List<MailSegment> Split(MailContent content)
    {
        var lines = content.Text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var segments = new List<MailSegment>();
        var current = new List<string>();
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["from"] = string.Join(' ', new[] { content.FromName, content.FromAddress }.Where(v => !string.IsNullOrWhiteSpace(v))),
            ["subject"] = content.Subject ?? string.Empty,
            ["sent"] = content.SentAt?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        };
        var depth = 0;
        var kind = MessagePart.OwnWords;
        var i = 0;
        while (i < lines.Length)
        {
            var line = Unquote(lines[i]);
            var boundary = BoundaryLength(lines, i);
            if (boundary >= 0)
            {
                segments.Add(Build(current, headers, depth, kind));
                // Once forwarded, what lies below is the original and its own history: it stays forwarded.
                kind = kind == MessagePart.Forwarded || IsForwardLine(line) || IsForwardSubject(headers.GetValueOrDefault("subject"))
                    ? MessagePart.Forwarded
                    : MessagePart.Quoted;
                current = [];
                headers = new Dictionary<string, string>(StringComparer.Ordinal);
                if (Attribution(lines, i) is { } attribution)
                {
                    headers["from"] = attribution.Text;
                }

                depth++;
                i += boundary;
                i = ReadHeaders(lines, i, headers);
                continue;
            }

            current.Add(line);
            i++;
        }

        segments.Add(Build(current, headers, depth, kind));
        return segments.Where(segment => segment.Body.Length > 0 || segment.Signature.Length > 0 || segment.Depth == 0).ToList();
    }

    // How many lines the boundary at line i takes before its header lines; -1 when line i starts no message.
    private static int BoundaryLength(string[] lines, int i)
    {
        var line = Unquote(lines[i]).Trim();
        if (line.Length == 0)
        {
            return -1;
        }

        // Lowered only where it is looked at: a mail of many lines paid for a copy of every one.
        if (line.Length < 80 && line.ToLowerInvariant() is var lower && s_cues.ForwardMarkers.Any(marker => lower.Contains(marker, StringComparison.Ordinal)))
        {
            return 1;
        }

        if (SeparatorLine().IsMatch(line) && NextHeaderIs(lines, i + 1, "from"))
        {
            return 1;
        }

        if (HeaderName(line) == "from" && HasHeaderWithin(lines, i + 1, 4))
        {
            // An Outlook "From:/Sent:" block with no separator line: the headers themselves start the message.
            return 0;
        }

        return Attribution(lines, i) is { } attribution ? attribution.Lines : -1;
    }

    // "On 3 Feb 2027, Kasper Munk <kasper@…> wrote:", which a mail client may wrap over two lines: how many lines it
    // takes and its text, which names the quoted message's writer.
    private static (int Lines, string Text)? Attribution(string[] lines, int i)
    {
        var line = Unquote(lines[i]).Trim();
        if (line.Length < 200 && WroteLine().IsMatch(line))
        {
            return (1, line);
        }

        if (i + 1 < lines.Length && line.Length < 200 && AttributionStart().IsMatch(line))
        {
            var joined = line + " " + Unquote(lines[i + 1]).Trim();
            if (joined.Length < 260 && WroteLine().IsMatch(joined))
            {
                return (2, joined);
            }
        }

        return null;
    }

    private static bool NextHeaderIs(string[] lines, int start, string field)
    {
        for (var j = start; j < lines.Length && j < start + 3; j++)
        {
            var line = Unquote(lines[j]).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            return HeaderName(line) == field;
        }

        return false;
    }

    private static bool HasHeaderWithin(string[] lines, int start, int count)
    {
        for (var j = start; j < lines.Length && j < start + count; j++)
        {
            if (HeaderName(Unquote(lines[j]).Trim()) is "sent" or "to" or "subject")
            {
                return true;
            }
        }

        return false;
    }

    private static int ReadHeaders(string[] lines, int i, Dictionary<string, string> headers)
    {
        // Blank lines before the header block, then "Field: value" lines.
        while (i < lines.Length && Unquote(lines[i]).Trim().Length == 0)
        {
            i++;
        }

        while (i < lines.Length)
        {
            var line = Unquote(lines[i]).Trim();
            var name = HeaderName(line);
            if (name is null)
            {
                break;
            }

            headers.TryAdd(name, HeaderValue(line));
            i++;
        }

        return i;
    }

    /// <summary>The normalised field name ("from", "sent", "to", "cc", "subject") of a header line, or null.</summary>
    public static string? HeaderName(string line)
    {
        var colon = line.IndexOfAny([':', '：']);
        if (colon <= 0 || colon > 20)
        {
            return null;
        }

        var name = line[..colon].Trim().ToLowerInvariant();
        return s_headerField.GetValueOrDefault(name);
    }

    private static string HeaderValue(string line)
    {
        var colon = line.IndexOfAny([':', '：']);
        return line[(colon + 1)..].Trim();
    }

    // The start of the first line (in the text's second half when asked) that holds a confidentiality word; -1.
    private static int DisclaimerLine(string text, bool fromHalf)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            if ((!fromHalf || start >= text.Length / 2) && s_disclaimer.Scan(text[start..end]).Count > 0)
            {
                return start;
            }

            start = end + 1;
        }

        return -1;
    }

    private static bool IsForwardLine(string line)
    {
        var lower = line.Trim().ToLowerInvariant();
        return lower.Length < 80 && s_cues.ForwardingMarkers.Any(marker => lower.Contains(marker, StringComparison.Ordinal));
    }

    private static bool IsForwardSubject(string? subject)
    {
        if (string.IsNullOrWhiteSpace(subject))
        {
            return false;
        }

        var lower = subject.TrimStart().ToLowerInvariant();
        return s_cues.ForwardSubjectPrefixes.Any(prefix => lower.StartsWith(prefix, StringComparison.Ordinal));
    }

    private static MailSegment Build(List<string> lines, Dictionary<string, string> headers, int depth, MessagePart kind)
    {
        var (body, signature) = CutSignature(lines);
        // A confidentiality notice in the second half of the text is boilerplate: it goes with the signature.
        var notice = DisclaimerLine(body, fromHalf: true);
        if (notice >= 0)
        {
            signature = signature.Length == 0 ? body[notice..] : body[notice..] + "\n" + signature;
            body = body[..notice].TrimEnd();
        }

        var inSignature = DisclaimerLine(signature, fromHalf: false);
        return new MailSegment
        {
            Body = body,
            Signature = signature,
            DisclaimerStart = inSignature < 0 ? -1 : body.Length + 1 + inSignature,
            From = headers.GetValueOrDefault("from"),
            SentText = headers.GetValueOrDefault("sent"),
            Subject = headers.GetValueOrDefault("subject"),
            Depth = depth,
            Kind = kind,
        };
    }

    private static (string Body, string Signature) CutSignature(List<string> lines)
    {
        var end = lines.Count;
        while (end > 0 && lines[end - 1].Trim().Length == 0)
        {
            end--;
        }

        var cut = -1;
        for (var j = 0; j < end; j++)
        {
            var trimmed = lines[j].Trim();
            if (trimmed is "--" or "-- " || IsClosing(trimmed))
            {
                // The last closing in the text: "Thank you," can also open a paragraph.
                cut = j;
            }
        }

        if (cut < 0)
        {
            cut = TrailingContactBlock(lines, end);
        }

        if (cut < 0)
        {
            return (Join(lines, 0, end), string.Empty);
        }

        return (Join(lines, 0, cut), Join(lines, cut, end));
    }

    // A last paragraph of short lines with a phone number or a contact label is a signature.
    private static int TrailingContactBlock(List<string> lines, int end)
    {
        var start = end;
        while (start > 0 && lines[start - 1].Trim().Length > 0 && lines[start - 1].Trim().Length <= 40)
        {
            start--;
        }

        if (start == end || (start > 0 && lines[start - 1].Trim().Length > 0))
        {
            return -1;
        }

        var block = lines.Skip(start).Take(end - start).Select(l => l.Trim().ToLowerInvariant()).ToList();
        var hasContact = block.Any(l => PhoneLine().IsMatch(l) || s_cues.ContactLines.Any(c => l.StartsWith(c, StringComparison.Ordinal)));
        return hasContact && start > 0 ? start : -1;
    }

    private static bool IsClosing(string line)
    {
        if (line.Length == 0 || line.Length > 40)
        {
            return false;
        }

        var lower = line.ToLowerInvariant().TrimEnd(',', '.', '!', '，', '。', '！', ' ');
        // The closing itself, or a closing of more than three letters with at most two more after it ("Best regards x").
        return s_closings.Contains(lower) || (lower.Length > 4 && s_closings.Contains(lower[..^1])) || (lower.Length > 5 && s_closings.Contains(lower[..^2]));
    }

    private static string Join(List<string> lines, int start, int end)
    {
        var builder = new StringBuilder();
        for (var j = start; j < end; j++)
        {
            builder.Append(lines[j]).Append('\n');
        }

        return builder.ToString().Trim();
    }

    // One pass over the quote marks: cutting them off one at a time copied the line for each, quadratic in a deep
    // quote chain.
    private static string Unquote(string line)
    {
        var end = 0;
        while (end < line.Length && char.IsWhiteSpace(line[end]))
        {
            end++;
        }

        while (end < line.Length && line[end] == '>')
        {
            end++;
            while (end < line.Length && char.IsWhiteSpace(line[end]))
            {
                end++;
            }
        }

        return end == 0 ? line : line[end..];
    }

    private static Dictionary<string, string> BuildHeaderFields()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, names) in s_cues.HeaderFields)
        {
            foreach (var name in names)
            {
                map.TryAdd(name.ToLowerInvariant(), field);
            }
        }

        return map;
    }

    [GeneratedRegex(@"^[_\-=*]{10,}$")]
    private static partial Regex SeparatorLine();

    [GeneratedRegex(@"^(On|Den|Am|Le|Il|El|På)\b.{5,160}\b(wrote|skrev|schrieb|a écrit|ha scritto|escribió):\s*$|^在.{4,80}写道[:：]\s*$")]
    private static partial Regex WroteLine();

    [GeneratedRegex(@"^(On|Den|Am|Le|Il|El|På)\b.{5,160}$")]
    private static partial Regex AttributionStart();

    [GeneratedRegex(@"(\+\d{1,3}[\s\d\-()]{6,}|\b\d{2,4}[\-\s]\d{2,4}[\-\s]?\d{2,4}\b)")]
    private static partial Regex PhoneLine();
}
