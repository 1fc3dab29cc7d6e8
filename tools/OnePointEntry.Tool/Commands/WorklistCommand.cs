using Microsoft.Extensions.DependencyInjection;
using OnePointEntry.Enquiries;
using OnePointEntry.Screening;
using OnePointEntry.Statistics;
using OnePointEntry.Tool.Seeding;
using OnePointEntry.Workspace;

namespace OnePointEntry.Tool.Commands;

/// <summary>
/// <c>ope worklist index [--from yyyy-MM] [--to yyyy-MM]</c>: puts every open enquiry received in those months
/// (default: the last 24) into the worklist's index and every screening given out and not finished into its
/// screener's open load. Both are kept in each enquiry's own write, so enquiries that were open before they existed
/// are missing from them until they change; run this once after deploying the workspace or the load counters. Each
/// enquiry is saved as it is, with its index line and counter, in one transaction guarded by its version: one that
/// changes meanwhile was indexed and counted by that change, and one counted already is not counted again. Safe to
/// run again. Exit code 0 done, 1 storage failed,
/// 2 bad usage or storage not configured.
/// </summary>
internal sealed class WorklistCommand(Func<TextWriter, ToolStorage> openStorage, TimeProvider time) : ICommand
{
    private const int DefaultMonths = 24;

    public WorklistCommand()
        : this(error => ToolStorage.OpenFromSettings("worklist", error), TimeProvider.System)
    {
    }

    public string Name => "worklist";

    public string Usage => "worklist index [--from yyyy-MM] [--to yyyy-MM]   put open enquiries from before the worklist's index and the load counters into them (default: the last 24 months)";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParse(args, out var first, out var last, out var problem))
        {
            error.WriteLine($"ope worklist: {problem}");
            error.WriteLine("usage: ope " + Usage);
            return 2;
        }

        try
        {
            using var storage = openStorage(error);
            var store = storage.Services.GetRequiredService<IEnquiryStore>();
            int indexed = 0, changedMeanwhile = 0, closed = 0;
            await foreach (var enquiry in store.ListReceivedAsync(first, last, cancellationToken))
            {
                if (WorkStates.Of(enquiry.Status) is null && ScreenerLoad.Same(ScreenerLoad.Of(enquiry), enquiry.StoredLoadOf))
                {
                    closed++;
                }
                else if (await store.TryUpdateAsync(enquiry, statusChange: null, cancellationToken))
                {
                    indexed++;
                }
                else
                {
                    changedMeanwhile++;
                }
            }

            output.WriteLine($"{indexed} open enquiries indexed from {first}–{last} ({changedMeanwhile} changed meanwhile and were indexed by that change; {closed} need nobody).");
            return 0;
        }
        catch (Exception exception) when (StorageFailures.IsNotConfigured(exception))
        {
            error.WriteLine($"ope worklist: {exception.Message}");
            return 2;
        }
        catch (Exception exception) when (StorageFailures.IsFailure(exception))
        {
            error.WriteLine($"ope worklist: storage failed: {exception.Message}");
            return 1;
        }
    }

    private bool TryParse(IReadOnlyList<string> args, out CalendarMonth first, out CalendarMonth last, out string problem)
    {
        last = CalendarMonth.InCopenhagen(time.GetUtcNow());
        first = CalendarMonth.Of(last.FirstDay.AddMonths(1 - DefaultMonths));
        problem = string.Empty;
        if (args is not ["index", ..])
        {
            problem = "say index.";
            return false;
        }

        if ((args.Count - 1) % 2 != 0)
        {
            problem = $"{args[^1]} needs a value.";
            return false;
        }

        for (var i = 1; i < args.Count; i += 2)
        {
            if (args[i] is not ("--from" or "--to"))
            {
                problem = $"unknown argument '{args[i]}'.";
                return false;
            }

            if (!MonthArgument.TryParse(args[i + 1], out var month))
            {
                problem = $"{args[i]} must be a month written yyyy-MM.";
                return false;
            }

            (first, last) = args[i] == "--from" ? (month, last) : (first, month);
        }

        if (first.FirstDay > last.FirstDay)
        {
            problem = "--from is after --to.";
            return false;
        }

        return true;
    }
}
