namespace OnePointEntry.Bench.Pipeline;

/// <summary>Requests counted by step and by kind.</summary>
internal sealed class Tally
{
    private readonly Dictionary<(Step Step, string Kind), int> _counts = [];

    public void Add(Step step, string kind) => _counts[(step, kind)] = _counts.GetValueOrDefault((step, kind)) + 1;

    public int Total => _counts.Values.Sum();

    public int Of(Step step) => _counts.Where(pair => pair.Key.Step == step).Sum(pair => pair.Value);

    /// <summary>The step's kinds, most requests first.</summary>
    public IEnumerable<(string Kind, int Count)> KindsOf(Step step) =>
        _counts.Where(pair => pair.Key.Step == step).OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key.Kind, StringComparer.Ordinal).Select(pair => (pair.Key.Kind, pair.Value));
}
