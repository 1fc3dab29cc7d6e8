namespace OnePointEntry.Bench.Pipeline;

/// <summary>Requests counted by step and by kind.</summary>
internal sealed class Tally
{
    private readonly Dictionary<(Step Step, string Kind), int> _counts = [];

    public void Add(Step step, string kind) => _counts[(step, kind)] = _counts.GetValueOrDefault((step, kind)) + 1;

    public int Total => _counts.Values.Sum();

    /// <summary>The requests of the kinds that match, whatever their step.</summary>
    public int Count(Func<string, bool> kind) => _counts.Where(pair => kind(pair.Key.Kind)).Sum(pair => pair.Value);

    public int Of(Step step) => _counts.Where(pair => pair.Key.Step == step).Sum(pair => pair.Value);

    /// <summary>The step's kinds, most requests first.</summary>
    public IEnumerable<(string Kind, int Count)> KindsOf(Step step) =>
        _counts.Where(pair => pair.Key.Step == step).OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key.Kind, StringComparer.Ordinal).Select(pair => (pair.Key.Kind, pair.Value));
}
