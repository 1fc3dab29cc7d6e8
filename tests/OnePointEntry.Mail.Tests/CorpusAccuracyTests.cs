using System.Globalization;
using System.Text.Json.Nodes;
using OnePointEntry.Extraction;
using OnePointEntry.Mail;

namespace OnePointEntry.Mail.Tests;

/// <summary>
/// The extractor over the development corpus (a copy of ../shared/corpus) and our own extra cases in
/// Corpus/: every field right in at least 95% of the messages, themes F1 at least 0.9.
/// </summary>
public sealed class CorpusAccuracyTests
{
    private static readonly string s_corpus = Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static TheoryData<string> Messages()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(s_corpus, "*.eml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [Fact]
    public void Every_field_is_at_least_95_percent_right_and_themes_f1_is_at_least_0_9()
    {
        var names = Directory.GetFiles(s_corpus, "*.eml").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.True(names.Count >= 20, "the corpus copy is missing");
        var evaluation = new ExtractionEvaluation();
        foreach (var name in names)
        {
            var (expected, got) = Compare(name!);
            evaluation.Add(name!, expected, got);
        }

        foreach (var field in ExtractionContract.ScalarFields)
        {
            Assert.True(evaluation.Accuracy(field) >= 0.95, $"{field}: {evaluation.Accuracy(field):P1}");
        }

        Assert.True(evaluation.F1 >= 0.9, $"themes precision {evaluation.Precision:F3} recall {evaluation.Recall:F3}");
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Each_message_is_extracted_as_labelled(string name)
    {
        var (expected, got) = Compare(name);

        foreach (var field in ExtractionContract.ScalarFields)
        {
            Assert.True(Same(expected[field], got[field]), $"{name} {field}: expected {expected[field]?.ToJsonString() ?? "null"}, got {got[field]?.ToJsonString() ?? "null"}");
        }

        Assert.Equal(Themes(expected).Order(), Themes(got).Order());
    }

    private static (JsonObject Expected, JsonObject Got) Compare(string name)
    {
        var expected = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(s_corpus, name + ".expected.json")))!;
        using var stream = File.OpenRead(Path.Combine(s_corpus, name + ".eml"));
        var enquiry = EnquiryExtractor.Default.Extract(MailParser.Parse(stream));
        var got = ExtractionContract.ToJson(enquiry);
        return (expected, got);
    }

    private static bool Same(JsonNode? a, JsonNode? b) => (a?.ToJsonString() ?? "null") == (b?.ToJsonString() ?? "null");

    private static HashSet<string> Themes(JsonObject o) => ((JsonArray)o["themes"]!).Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
}
