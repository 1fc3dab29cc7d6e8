using System.Text.RegularExpressions;
using OnePointEntry.Text;

namespace OnePointEntry.Mail.Originals;

/// <summary>
/// Finds the header blocks mail clients write above a forwarded or quoted message ("From: … Sent: … Subject: …",
/// in Danish, German, French, Chinese and the like), so the page can show who passed the enquiry to whom.
/// </summary>
public static partial class ForwardingChain
{
    private const int MaxField = 300;
    private const int MaxMessages = 20;

    // How far below its "From" line a block's other header lines may be (clients put To and Cc between).
    private const int BlockLines = 8;

    public static IReadOnlyList<ForwardedMessage> InText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        var found = new List<ForwardedMessage>();
        for (var i = 0; i < lines.Length && found.Count < MaxMessages; i++)
        {
            if (HeaderLine(lines[i]) is not ("from", var from))
            {
                continue;
            }

            string? subject = null, date = null;
            var end = Math.Min(lines.Length, i + 1 + BlockLines);
            for (var j = i + 1; j < end; j++)
            {
                switch (HeaderLine(lines[j]))
                {
                    case ("subject", var value):
                        subject ??= value;
                        break;
                    case ("date", var value):
                        date ??= value;
                        break;
                    case ("from", _):
                        end = j;
                        break;
                }
            }

            // A "From:" line alone is just a sentence; a header block has a subject or a date with it.
            if (subject is not null || date is not null)
            {
                found.Add(new ForwardedMessage(from, subject, date));
            }
        }

        return found;
    }

    private static (string Kind, string Value)? HeaderLine(string line)
    {
        var match = HeaderPattern().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value.ToLowerInvariant();
        var kind = name switch
        {
            "from" or "fra" or "von" or "de" or "van" or "från" or "发件人" or "寄件者" or "寄件人" => "from",
            "subject" or "emne" or "betreff" or "objet" or "onderwerp" or "ämne" or "主题" or "主旨" => "subject",
            "date" or "sent" or "dato" or "sendt" or "datum" or "gesendet" or "envoyé" or "skickat" or "发送时间" or "日期" or "时间" => "date",
            _ => null,
        };
        var value = DisplayText.SingleLine(match.Groups["value"].Value, MaxField);
        return kind is null || value.Length == 0 ? null : (kind, value);
    }

    // Optional quote marks and bold stars, a header name, a colon (or the full-width one), the value.
    [GeneratedRegex(@"^[\s>]*\**(?<name>[\p{L}]{1,10}(?: [\p{L}]{1,10})?)\**\s*[:：]\s*(?<value>.+)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex HeaderPattern();
}
