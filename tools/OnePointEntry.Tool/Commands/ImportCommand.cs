using OnePointEntry.Statistics;
using OnePointEntry.Tool.Seeding;

namespace OnePointEntry.Tool.Commands;

/// <summary>
/// <c>ope import --csv FILE [--replace] [--dry-run]</c>: loads past delegations so that year-over-year figures
/// work from the first report. Every row is checked first; any bad row is reported as <c>FILE:LINE: reason</c>
/// and nothing is stored. Rows are keyed by their content, so importing the same file again stores nothing
/// twice; a corrected row is a new row, so <c>--replace</c> also removes what an earlier import of a file of
/// the same name stored and this one no longer has.
/// Exit code 0 stored (or valid), 1 the file has problems or storage failed, 2 bad usage or storage not
/// configured.
/// </summary>
internal sealed class ImportCommand(Func<TextWriter, ToolStorage> openStorage) : ICommand
{
    public ImportCommand()
        : this(error => ToolStorage.OpenFromSettings("import", error))
    {
    }

    public string Name => "import";

    public string Usage => "import --csv FILE [--replace] [--dry-run]   check a history of past delegations and store it for the statistics";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParse(args, out var path, out var replace, out var dryRun, out var usageProblem))
        {
            error.WriteLine($"ope import: {usageProblem}");
            error.WriteLine("usage: ope " + Usage);
            return 2;
        }

        DelegationHistoryFile file;
        try
        {
            await using var stream = File.OpenRead(path);
            file = await DelegationHistoryFile.ReadAsync(stream, cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"ope import: cannot read {path}: {exception.Message}");
            return 2;
        }

        if (file.HasProblems)
        {
            foreach (var problem in file.Problems)
            {
                error.WriteLine($"{path}:{problem.LineNumber}: {problem.Reason}");
            }

            error.WriteLine($"{Counted.Of(file.Problems.Count, "problem")}; nothing stored.");
            return 1;
        }

        var received = file.Delegations.Count(delegation => delegation.ReceivedDate is not null);
        if (dryRun)
        {
            output.WriteLine($"{path}: {Counted.Of(file.Delegations.Count, "delegation")} valid ({received} with the day the enquiry came in). Dry run: nothing stored.");
            return 0;
        }

        try
        {
            using var storage = openStorage(error);
            // The file's name, not its folder, identifies a history: the corrected copy may be saved elsewhere.
            var removed = await storage.Statistics.ImportHistoryAsync(file.Delegations, Path.GetFileName(path), replace, cancellationToken);
            output.WriteLine($"{path}: {Counted.Of(file.Delegations.Count, "delegation")} stored in table {storage.Names.StatisticsTable} ({received} also counted as enquiries received).");
            if (replace)
            {
                output.WriteLine($"{Counted.Of(removed, "row")} of an earlier import of {Path.GetFileName(path)} removed.");
            }
            return 0;
        }
        catch (Exception exception) when (StorageFailures.IsNotConfigured(exception))
        {
            error.WriteLine($"ope import: {exception.Message}");
            return 2;
        }
        catch (Exception exception) when (StorageFailures.IsFailure(exception))
        {
            // Rows are written in transactions of up to 100 per month: running the same import again
            // completes what was not stored, and replaces what was with the same rows.
            error.WriteLine($"ope import: storage failed, the history may be partly stored; run the same command again. {exception.Message}");
            return 1;
        }
    }

    private static bool TryParse(IReadOnlyList<string> args, out string path, out bool replace, out bool dryRun, out string problem)
    {
        path = string.Empty;
        replace = false;
        dryRun = false;
        problem = string.Empty;
        string? csv = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--replace":
                    replace = true;
                    break;
                case "--csv" when csv is not null:
                    problem = "--csv is given twice.";
                    return false;
                case "--csv" when i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal):
                    problem = "--csv needs a file name.";
                    return false;
                case "--csv":
                    csv = args[++i];
                    break;
                default:
                    problem = $"unknown argument '{args[i]}'.";
                    return false;
            }
        }

        if (csv is null)
        {
            problem = "give the history file: --csv FILE.";
            return false;
        }

        path = csv;
        return true;
    }
}
