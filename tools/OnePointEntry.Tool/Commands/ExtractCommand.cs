using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OnePointEntry.Extraction;
using OnePointEntry.Mail;

namespace OnePointEntry.Tool.Commands;

/// <summary>
/// <c>ope extract FILE.eml</c> prints the extraction contract's JSON object for one message;
/// <c>ope extract --eval DIR</c> compares every NAME.eml in DIR with NAME.expected.json and prints per-field
/// accuracy, the themes' precision, recall and F1, and every failure. Exit code 1 when a file cannot be read
/// or a field is below 95% (themes F1 below 0.9).
/// </summary>
internal sealed class ExtractCommand : ICommand
{
    public const double MinimumAccuracy = 0.95;
    public const double MinimumThemesF1 = 0.9;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Name => "extract";

    public string Usage => "extract [--evidence] FILE.eml | extract --eval DIR   print the extracted enquiry (with each value's confidence and words), or score a labelled folder";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (args.Count == 2 && args[0] == "--eval")
        {
            return Evaluate(args[1], output, error);
        }

        var withEvidence = args.Count == 2 && args[0] == "--evidence";
        var file = withEvidence ? args[1] : args.Count == 1 ? args[0] : null;
        if (file is null || file.StartsWith('-'))
        {
            error.WriteLine("usage: ope " + Usage);
            return 2;
        }

        if (!File.Exists(file))
        {
            error.WriteLine($"{file}: no such file.");
            return 1;
        }

        try
        {
            var enquiry = ExtractFile(file);
            output.WriteLine(ExtractionContract.ToJson(enquiry).ToJsonString(s_json));
            if (withEvidence)
            {
                foreach (var evidence in enquiry.Evidence)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{evidence.Field} = {evidence.Value}  ({evidence.Confidence:F2}, {evidence.Part}): {evidence.Quote}"));
                }

                foreach (var reason in enquiry.ReviewReasons)
                {
                    output.WriteLine("review: " + reason);
                }
            }

            return 0;
        }
        catch (MailParseException exception)
        {
            error.WriteLine($"{file}: {exception.Message}");
            return 1;
        }
    }

    internal static ExtractedEnquiry ExtractFile(string path)
    {
        using var stream = File.OpenRead(path);
        return EnquiryExtractor.Default.Extract(MailParser.Parse(stream));
    }

    private static int Evaluate(string directory, TextWriter output, TextWriter error)
    {
        if (!Directory.Exists(directory))
        {
            error.WriteLine($"{directory}: no such directory.");
            return 1;
        }

        var evaluation = new ExtractionEvaluation();
        var problems = 0;
        foreach (var mail in Directory.GetFiles(directory, "*.eml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(mail);
            var expectedPath = Path.Combine(directory, name + ".expected.json");
            if (!File.Exists(expectedPath))
            {
                error.WriteLine($"{expectedPath}: missing (expected beside {Path.GetFileName(mail)}).");
                problems++;
                continue;
            }

            JsonObject expected;
            try
            {
                expected = JsonNode.Parse(File.ReadAllText(expectedPath)) as JsonObject
                    ?? throw new JsonException("the file does not hold a JSON object.");
            }
            catch (JsonException exception)
            {
                var line = exception.LineNumber is { } l ? $"({l + 1})" : string.Empty;
                error.WriteLine($"{expectedPath}{line}: {exception.Message}");
                problems++;
                continue;
            }

            try
            {
                evaluation.Add(name, expected, ExtractionContract.ToJson(ExtractFile(mail)));
            }
            catch (MailParseException exception)
            {
                error.WriteLine($"{mail}: {exception.Message}");
                problems++;
            }
        }

        if (evaluation.Count == 0)
        {
            error.WriteLine($"{directory}: no NAME.eml with NAME.expected.json found.");
            return 1;
        }

        evaluation.Print(output);
        return problems == 0 && evaluation.MeetsTargets(MinimumAccuracy, MinimumThemesF1) ? 0 : 1;
    }
}
