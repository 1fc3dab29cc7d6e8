namespace OnePointEntry.Bench.Faults;

/// <summary>The counts' scale (1 = as issue 13 has them) and how long a run may wait for the pipeline to drain.</summary>
internal sealed record RunSettings(double Scale, TimeSpan DrainPatience)
{
    public int Scaled(int count) => Math.Max(1, (int)Math.Round(count * Scale));
}
