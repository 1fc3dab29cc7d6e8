using System.Globalization;
using OnePointEntry.Bench.Faults;

// dotnet bench/Faults/bin/Release/net10.0/Faults.Bench.dll [runs, e.g. 1,3 or all] [scale, e.g. 0.1] [drain minutes]
// (built and Azurite installed by bench/faults.sh). Figures are printed, nothing is asserted: the exit code is
// non-zero only when a run could not be carried out.
var invariant = CultureInfo.InvariantCulture;
var runs = args.Length > 0 && args[0] != "all"
    ? args[0].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(run => int.Parse(run, invariant)).ToList()
    : [1, 2, 3, 4];
var scale = args.Length > 1 ? double.Parse(args[1], invariant) : 1.0;
// Long enough for the stall sweep (every 10 min, for enquiries waiting 10 min) and KeepMailbox (every 15 min).
var patience = TimeSpan.FromMinutes(args.Length > 2 ? double.Parse(args[2], invariant) : 30);
if (runs.Any(run => run is < 1 or > 4) || scale is <= 0 or > 10 || patience <= TimeSpan.Zero)
{
    Console.Error.WriteLine("Usage: bench/faults.sh [runs: 1-4, comma-separated, or all] [scale of the counts, 0 < scale <= 10] [drain patience in minutes]");
    return 2;
}

var settings = new RunSettings(scale, patience);
Console.WriteLine(string.Create(invariant, $"Fault runs {string.Join(", ", runs)} at scale {scale:0.###}, waiting at most {patience.TotalMinutes:0.#} min for each to drain; {Environment.ProcessorCount} cores."));
var figures = new List<RunFigures>();
foreach (var run in runs)
{
    Console.WriteLine();
    figures.Add(run switch
    {
        1 => await StorageOutageRun.RunAsync(settings),
        2 => await GraphThrottlingRun.RunAsync(settings),
        3 => await WorkerKilledRun.RunAsync(settings),
        _ => await ForgedNotificationsRun.RunAsync(settings),
    });
}

Console.WriteLine();
Console.WriteLine(string.Create(invariant, $"Summary (scale {scale:0.###}; run 4 counts notifications, accepted = answered 202, which queues nothing when the clientState is wrong):"));
Console.WriteLine("| run | fault | sent | accepted | refused | lost | duplicated | routed, missing at M365 | drain | measured |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
foreach (var line in figures)
{
    var drain = line.Drain is { } time ? string.Create(invariant, $"{time.TotalSeconds:0} s") : line.Run == 4 ? "-" : "not drained";
    Console.WriteLine(string.Create(invariant, $"| {line.Run} | {line.Name} | {line.Sent} | {line.Accepted} | {line.Refused} | {line.Lost} | {line.Duplicated} | {line.MissingOutside} | {drain} | {line.Measure} |"));
}

return 0;
