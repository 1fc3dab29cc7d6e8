using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OnePointEntry.Extraction;

namespace OnePointEntry.Bench.Extraction;

/// <summary>
/// Crafted worst cases for <see cref="EnquiryExtractor.Extract"/>, generated in the process: bodies of a given
/// size in the shapes that make text scanners slow (long runs of one character class, one huge sentence, many
/// candidates for every field). Prints size, time (median of three runs) and milliseconds a megabyte per case, by
/// the clock and by CPU time, and the CPU time as a multiple of one word scan of the same body (the baseline, run
/// in the same process), the slowest last.
/// </summary>
internal static class WorstCases
{
    private static readonly string[] s_words =
    [
        "the", "of", "and", "to", "in", "we", "would", "like", "visit", "learn", "about", "our", "your", "city", "water",
        "energy", "schools", "hospital", "meeting", "group", "programme", "week", "please", "information", "thank",
        "you", "for", "with", "from", "this", "that", "will", "be", "are", "is", "on", "at", "as", "an", "by",
    ];

    private static readonly Regex s_wordScan = new(@"\p{L}+|\d+", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static readonly (string Name, Func<int, string> Body)[] s_cases =
    [
        ("digits, dots and dashes", size => Repeat("1.2-3.4-5.6-7.8-9.0-", size)),
        ("digits, dots and dashes with spaces", size => Repeat("1.2-3.4-5 ", size)),
        ("ordinary words", Words),
        ("one long line without spaces", size => Repeat("abcdefghij0123456789KLMNOPQRST", size)),
        ("many short lines", size => Repeat("ok\n", size)),
        ("many date-like tokens", size => Repeat("12 March 2027 - 14 March 2027, 3/4/2027, 2027-05-06, 6月8日至10日, June 3-5, 2027, ", size)),
        ("many keyword hits in one sentence", size => Repeat("delegation from Beijing municipal government university company ministry province Shanghai ", size)),
        ("base64-like", Base64),
        ("CJK text", size => Repeat("代表团一行五人计划访问哥本哈根市政府希望了解智慧城市和绿色能源的发展情况", size)),
        ("deep quote chain", size => new string('>', size - 6) + " hello"),
        ("quote chain, one level more a line", QuoteLines),
    ];

    public static int Run(IReadOnlyList<double> megabytes)
    {
        var extractor = EnquiryExtractor.Default;
        // Warm up: JIT, the reference data and the regexes are built once per process.
        foreach (var (_, body) in s_cases)
        {
            extractor.Extract(Mail(body(64 * 1024)));
        }

        var results = new List<(string Name, int Size, double Milliseconds, double CpuMilliseconds)>();
        Console.WriteLine($"{"case",-38} {"size",10} {"time",11} {"ms/MB",9} {"CPU time",11} {"CPU ms/MB",9} {"x word scan",11}");
        foreach (var mb in megabytes)
        {
            foreach (var (name, body) in s_cases)
            {
                if (Environment.GetEnvironmentVariable("WORST_CASE") is { } only && !name.StartsWith(only, StringComparison.Ordinal))
                {
                    continue;
                }

                var text = body((int)(mb * 1024 * 1024));
                var content = Mail(text);
                var review = string.Empty;
                var (milliseconds, cpuMilliseconds) = Median(() =>
                {
                    try
                    {
                        var extracted = extractor.Extract(content);
                        review = extracted.ReviewReasons.Count > 0 ? "  review: " + string.Join("; ", extracted.ReviewReasons) : string.Empty;
                    }
                    catch (Exception exception)
                    {
                        review = "  threw " + exception.GetType().Name;
                    }
                });

                // The baseline, in the same process a moment later: one pass of a compiled pattern over every word and
                // number of the whole body, what reading the mail once costs on this machine at this load.
                var (_, scanCpuMilliseconds) = Median(() => s_wordScan.Count(text));
                var sizeMb = text.Length / (1024.0 * 1024.0);
                var perMegabyte = milliseconds / sizeMb;
                results.Add((name, text.Length, perMegabyte, cpuMilliseconds / sizeMb));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-38} {sizeMb,7:F2} MB {milliseconds,8:F1} ms {perMegabyte,9:F1} {cpuMilliseconds,8:F1} ms {cpuMilliseconds / sizeMb,9:F1} {cpuMilliseconds / Math.Max(scanCpuMilliseconds, 0.01),11:F1}{review}"));
            }
        }

        var slowest = results.MaxBy(r => r.Milliseconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slowest: {slowest.Name}, {slowest.Size / (1024.0 * 1024.0):F2} MB, {slowest.Milliseconds:F1} ms/MB"));
        var slowestCpu = results.MaxBy(r => r.CpuMilliseconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slowest by CPU time: {slowestCpu.Name}, {slowestCpu.Size / (1024.0 * 1024.0):F2} MB, {slowestCpu.CpuMilliseconds:F1} ms/MB"));
        return 0;
    }

    // The median of three runs, by the clock and by the process's CPU time: one run on a shared machine says more
    // about the machine.
    private static (double Milliseconds, double CpuMilliseconds) Median(Action run)
    {
        var times = new List<double>();
        var cpuTimes = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            var watch = Stopwatch.StartNew();
            run();
            times.Add(watch.Elapsed.TotalMilliseconds);
            cpuTimes.Add((Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
        }

        times.Sort();
        cpuTimes.Sort();
        return (times[1], cpuTimes[1]);
    }

    private static MailContent Mail(string body) => new()
    {
        Subject = "Visit request",
        FromAddress = "sender@example.cn",
        FromName = "Sender",
        SentAt = new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.FromHours(8)),
        Text = body,
    };

    private static string Repeat(string unit, int size)
    {
        var builder = new StringBuilder(size + unit.Length);
        while (builder.Length < size)
        {
            builder.Append(unit);
        }

        return builder.ToString(0, size);
    }

    private static string Words(int size)
    {
        var random = new Random(15);
        var builder = new StringBuilder(size + 32);
        var inSentence = 0;
        while (builder.Length < size)
        {
            builder.Append(s_words[random.Next(s_words.Length)]);
            if (++inSentence >= 8 + random.Next(16))
            {
                builder.Append(random.Next(5) == 0 ? ".\n" : ". ");
                inSentence = 0;
            }
            else
            {
                builder.Append(' ');
            }
        }

        return builder.ToString(0, size);
    }

    private static string Base64(int size)
    {
        var random = new Random(64);
        var bytes = new byte[size];
        random.NextBytes(bytes);
        var encoded = Convert.ToBase64String(bytes, Base64FormattingOptions.InsertLineBreaks);
        return encoded[..size];
    }

    private static string QuoteLines(int size)
    {
        var builder = new StringBuilder(size + 64);
        var depth = 1;
        while (builder.Length < size)
        {
            builder.Append('>', depth).Append(" On Monday Li Na wrote:\n");
            depth++;
        }

        return builder.ToString(0, size);
    }
}
