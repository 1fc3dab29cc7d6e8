using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OnePointEntry.Bench.Faults;

/// <summary>
/// Real enquiry mails (the tool's samples and five of the extraction corpus), each sent with a Message-ID of its
/// own so that the app takes every one as a new mail; nothing else changes.
/// </summary>
internal static partial class BenchMails
{
    public static IReadOnlyList<Submission> Make(int count, SubmissionKind kind, int run, int firstNumber)
    {
        var files = Directory.GetFiles(BenchPaths.Beside("Mail"), "*.eml").Order(StringComparer.Ordinal).ToArray();
        var mails = new List<Submission>(count);
        for (var i = 0; i < count; i++)
        {
            var messageId = string.Create(CultureInfo.InvariantCulture, $"{Guid.NewGuid():N}.run{run}@faults.bench.example");
            var mime = WithMessageId(File.ReadAllBytes(files[i % files.Length]), messageId);
            mails.Add(new Submission(firstNumber + i, kind, messageId, mime, IdempotencyKey: null));
        }

        return mails;
    }

    /// <summary>A Message-ID as the app keys a mail: without the angle brackets.</summary>
    public static string KeyOf(string messageId) => messageId.Trim().Trim('<', '>');

    private static byte[] WithMessageId(byte[] mime, string messageId)
    {
        // Latin-1 maps every byte to one character and back, so 8-bit bodies in any charset pass unchanged.
        var text = Encoding.Latin1.GetString(mime);
        var replaced = MessageIdHeader().Replace(text, $"Message-ID: <{messageId}>", 1);
        return replaced == text ? throw new InvalidDataException("The mail has no Message-ID header to replace.") : Encoding.Latin1.GetBytes(replaced);
    }

    [GeneratedRegex("^Message-ID:[^\r\n]*", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex MessageIdHeader();
}
