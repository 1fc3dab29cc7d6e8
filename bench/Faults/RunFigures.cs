namespace OnePointEntry.Bench.Faults;

/// <summary>One line of the summary table at the end.</summary>
internal sealed record RunFigures(int Run, string Name, int Sent, int Accepted, int Refused, int Lost, int Duplicated, int MissingOutside, TimeSpan? Drain, string Measure);
