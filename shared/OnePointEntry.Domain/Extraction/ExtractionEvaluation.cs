using System.Globalization;
using System.Text.Json.Nodes;

namespace OnePointEntry.Extraction;

/// <summary>
/// Per-field accuracy and the themes' micro-averaged precision, recall and F1 of extraction over a labelled
/// set (contract JSON against <c>.expected.json</c>), for <c>ope extract --eval</c> and the accuracy tests.
/// </summary>
public sealed class ExtractionEvaluation
{
    private readonly Dictionary<string, int> _correct = ExtractionContract.ScalarFields.ToDictionary(f => f, _ => 0, StringComparer.Ordinal);
    private readonly List<(string File, string Field, string Expected, string Got)> _failures = [];
    private int _truePositives;
    private int _falsePositives;
    private int _falseNegatives;

    public int Count { get; private set; }

    public double Precision => _truePositives + _falsePositives == 0 ? 1 : (double)_truePositives / (_truePositives + _falsePositives);

    public double Recall => _truePositives + _falseNegatives == 0 ? 1 : (double)_truePositives / (_truePositives + _falseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public double Accuracy(string field) => Count == 0 ? 0 : (double)_correct[field] / Count;

    /// <summary>The share of all single-valued field values that are right, over every message and field.</summary>
    public double Overall => Count == 0 ? 0 : (double)_correct.Values.Sum() / (Count * ExtractionContract.ScalarFields.Count);

    /// <summary>The worst single-valued field's accuracy.</summary>
    public double Worst => ExtractionContract.ScalarFields.Min(Accuracy);

    public void Add(string file, JsonObject expected, JsonObject got)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(got);
        Count++;
        foreach (var field in ExtractionContract.ScalarFields)
        {
            var want = Text(expected[field]);
            var have = Text(got[field]);
            if (want == have)
            {
                _correct[field]++;
            }
            else
            {
                _failures.Add((file, field, want, have));
            }
        }

        var wantThemes = Themes(expected["themes"]);
        var haveThemes = Themes(got["themes"]);
        _truePositives += haveThemes.Intersect(wantThemes).Count();
        _falsePositives += haveThemes.Except(wantThemes).Count();
        _falseNegatives += wantThemes.Except(haveThemes).Count();
        if (!wantThemes.SetEquals(haveThemes))
        {
            _failures.Add((file, "themes", string.Join(',', wantThemes.Order()), string.Join(',', haveThemes.Order())));
        }
    }

    public bool MeetsTargets(double accuracy, double themesF1) => ExtractionContract.ScalarFields.All(f => Accuracy(f) >= accuracy) && F1 >= themesF1;

    /// <summary>What went wrong: file, field, expected and extracted value.</summary>
    public IReadOnlyList<(string File, string Field, string Expected, string Got)> Failures => _failures;

    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(culture, $"{Count} messages"));
        output.WriteLine();
        output.WriteLine("field            accuracy");
        foreach (var field in ExtractionContract.ScalarFields)
        {
            output.WriteLine(string.Create(culture, $"{field,-16} {Accuracy(field),7:P1}  ({_correct[field]}/{Count})"));
        }

        output.WriteLine(string.Create(culture, $"{"all fields",-16} {Overall,7:P1}"));
        output.WriteLine(string.Create(culture, $"{"themes",-16} precision {Precision:F3}  recall {Recall:F3}  F1 {F1:F3}"));
        output.WriteLine();
        if (_failures.Count == 0)
        {
            output.WriteLine("no failures");
            return;
        }

        output.WriteLine(string.Create(culture, $"{_failures.Count} failures (file, field, expected, got):"));
        foreach (var (file, field, expected, got) in _failures)
        {
            output.WriteLine(string.Create(culture, $"  {file}  {field}  expected {expected}  got {got}"));
        }
    }

    private static string Text(JsonNode? node) => node is null ? "null" : node.ToJsonString();

    private static HashSet<string> Themes(JsonNode? node) =>
        node is JsonArray array ? array.Select(n => n?.GetValue<string>() ?? string.Empty).ToHashSet(StringComparer.Ordinal) : [];
}
