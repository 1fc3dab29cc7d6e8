using System.Diagnostics;
using System.Globalization;
using MimeKit;
using OnePointEntry.Extraction;
using OnePointEntry.Mail;

// Extraction throughput (MailParser + EnquiryExtractor) next to bare MimeKit parsing (MimeMessage.Load) of the
// same messages, in one process on one core. Usage: dotnet run -c Release --project bench/Extraction [DIR] [seconds]
// or, for crafted worst cases of the given sizes: dotnet run -c Release --project bench/Extraction -- --worst-cases [MB ...]
// Before any MimeKit use: MimeKit remembers how it resolved a charset (see MailParser's remarks).
System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
if (args.Length > 0 && args[0] == "--worst-cases")
{
    var sizes = args.Skip(1).Select(a => double.Parse(a, CultureInfo.InvariantCulture)).DefaultIfEmpty(1).ToList();
    return OnePointEntry.Bench.Extraction.WorstCases.Run(args.Length > 1 ? sizes : [1, 5]);
}

var directory = args.Length > 0 ? args[0] : Path.Combine("..", "shared", "corpus");
var seconds = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3.0;
var messages = Directory.GetFiles(directory, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray();
if (messages.Length == 0)
{
    Console.Error.WriteLine($"{directory}: no .eml files.");
    return 1;
}

if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
{
    Process.GetCurrentProcess().ProcessorAffinity = 1;
}

Thread.CurrentThread.Priority = ThreadPriority.Highest;

void ParseOnly()
{
    foreach (var raw in messages)
    {
        using var stream = new MemoryStream(raw, writable: false);
        _ = MimeMessage.Load(stream);
    }
}

void ParseAndExtract()
{
    foreach (var raw in messages)
    {
        _ = EnquiryExtractor.Default.Extract(MailParser.Parse(raw));
    }
}

// Warm up: JIT, the reference data and the regexes are built once per process.
for (var i = 0; i < 20; i++)
{
    ParseOnly();
    ParseAndExtract();
}

var mime = Median(ParseOnly);
var extraction = Median(ParseAndExtract);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{messages.Length} messages from {directory}, one core, median of 5 runs of {seconds:F1} s each"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MimeKit MimeMessage.Load only : {mime,10:N0} messages/s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MailParser + EnquiryExtractor : {extraction,10:N0} messages/s"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio (extraction / parsing)  : {extraction / mime,10:F3}  (extraction takes {mime / extraction:F1}x the time of parsing alone)"));
return 0;

double Median(Action pass)
{
    var rates = new List<double>();
    for (var run = 0; run < 5; run++)
    {
        var count = 0L;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            pass();
            count += messages.Length;
        }

        rates.Add(count / watch.Elapsed.TotalSeconds);
    }

    rates.Sort();
    return rates[rates.Count / 2];
}
