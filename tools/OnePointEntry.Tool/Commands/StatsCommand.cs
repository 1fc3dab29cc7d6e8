using OnePointEntry.Statistics;
using OnePointEntry.Tool.Seeding;

namespace OnePointEntry.Tool.Commands;

/// <summary>
/// <c>ope stats --year YYYY | --month YYYY-MM [--json]</c>: the figures the app reports, computed the same way
/// from the same storage (<c>AzureWebJobsStorage</c>). <c>--json</c> prints the document
/// <c>GET /api/statistics/{period}</c> returns. Exit code 0 printed, 1 storage failed, 2 bad usage or
/// storage not configured.
/// </summary>
internal sealed class StatsCommand(Func<TextWriter, ToolStorage> openStorage) : ICommand
{
    public StatsCommand()
        : this(error => ToolStorage.OpenFromSettings("stats", error))
    {
    }

    public string Name => "stats";

    public string Usage => "stats (--year YYYY | --month YYYY-MM) [--json]   print the delegation statistics of a year or a month";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParse(args, out var period, out var json, out var problem))
        {
            error.WriteLine($"ope stats: {problem}");
            error.WriteLine("usage: ope " + Usage);
            return 2;
        }

        try
        {
            using var storage = openStorage(error);
            var statistics = new DelegationStatistics(storage.Statistics);
            var document = period.Kind == StatisticsPeriodKind.Month
                ? StatisticsDocument.Of(await statistics.ComputeMonthAsync(period.First, cancellationToken))
                : StatisticsDocument.Of(await statistics.ComputeAsync(period, cancellationToken));
            output.WriteLine(json ? document.ToJson() : StatisticsSummary.Of(document));
            return 0;
        }
        catch (Exception exception) when (StorageFailures.IsNotConfigured(exception))
        {
            error.WriteLine($"ope stats: {exception.Message}");
            return 2;
        }
        catch (Exception exception) when (StorageFailures.IsFailure(exception))
        {
            error.WriteLine($"ope stats: storage failed: {exception.Message}");
            return 1;
        }
    }

    private static bool TryParse(IReadOnlyList<string> args, out StatisticsPeriod period, out bool json, out string problem)
    {
        period = null!;
        json = false;
        problem = string.Empty;
        StatisticsPeriod? chosen = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--json")
            {
                json = true;
                continue;
            }

            if (arg is not ("--year" or "--month"))
            {
                problem = $"unknown argument '{arg}'.";
                return false;
            }

            if (chosen is not null)
            {
                problem = "give one period: --year or --month, once.";
                return false;
            }

            var value = i + 1 < args.Count ? args[++i] : null;
            var valid = StatisticsPeriod.TryParse(value, out chosen)
                && chosen.Kind == (arg == "--year" ? StatisticsPeriodKind.Year : StatisticsPeriodKind.Month);
            if (!valid)
            {
                problem = arg == "--year" ? $"--year needs a year written YYYY, not '{value}'." : $"--month needs a month written YYYY-MM, not '{value}'.";
                return false;
            }
        }

        if (chosen is null)
        {
            problem = "give --year YYYY or --month YYYY-MM.";
            return false;
        }

        period = chosen;
        return true;
    }
}
