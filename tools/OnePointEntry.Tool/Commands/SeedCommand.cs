using OnePointEntry.Directories;
using OnePointEntry.Tool.Seeding;

namespace OnePointEntry.Tool.Commands;

/// <summary>
/// <c>ope seed --staff FILE.json --partners FILE.json [--dry-run]</c> (either file or both): checks every
/// entry of the files and, when all are good, adds or replaces each by id in the <c>Staff</c> and
/// <c>Partners</c> tables through the app's storage composition. Any bad entry, in either file, is reported
/// with its file and line and nothing is stored. Exit code 0 stored (or, with <c>--dry-run</c>, valid),
/// 1 a file has problems or storage failed, 2 bad usage or storage not configured.
/// </summary>
internal sealed class SeedCommand(Func<TextWriter, ToolStorage> openStorage) : ICommand
{
    public SeedCommand()
        : this(error => ToolStorage.OpenFromSettings("seed", error))
    {
    }

    public string Name => "seed";

    public string Usage => "seed [--staff FILE.json] [--partners FILE.json] [--dry-run]   check the directory files and store staff and partners";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParse(args, out var staffPath, out var partnersPath, out var dryRun, out var usageProblem))
        {
            error.WriteLine($"ope seed: {usageProblem}");
            error.WriteLine("usage: ope " + Usage);
            return 2;
        }

        var staff = staffPath is null ? null : DirectoryFiles.ReadStaff(staffPath);
        var partners = partnersPath is null ? null : DirectoryFiles.ReadPartners(partnersPath);
        var problems = (staff?.Problems ?? []).Concat(partners?.Problems ?? []).ToList();
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                error.WriteLine(problem);
            }

            error.WriteLine($"{Counted.Of(problems.Count, "problem")}; nothing stored.");
            return 1;
        }

        if (dryRun)
        {
            Describe(staff, "staff member", "valid", output);
            Describe(partners, "partner", "valid", output);
            output.WriteLine("Dry run: nothing stored.");
            return 0;
        }

        try
        {
            using var storage = openStorage(error);
            if (staff is not null)
            {
                await storage.Staff.UpsertAsync(staff.Entries, cancellationToken);
                Describe(staff, "staff member", $"stored in table {storage.Names.StaffTable}", output);
            }

            if (partners is not null)
            {
                await storage.Partners.UpsertAsync(partners.Entries, cancellationToken);
                Describe(partners, "partner", $"stored in table {storage.Names.PartnersTable}", output);
            }

            return 0;
        }
        catch (Exception exception) when (StorageFailures.IsNotConfigured(exception))
        {
            error.WriteLine($"ope seed: {exception.Message}");
            return 2;
        }
        catch (Exception exception) when (StorageFailures.IsFailure(exception))
        {
            // Staff are stored before partners and each in transactions of up to 100: running the same seed
            // again completes whatever part was not stored.
            error.WriteLine($"ope seed: storage failed, the directories may be partly updated; run the same command again. {exception.Message}");
            return 1;
        }
    }

    private static void Describe<T>(SeedFile<T>? file, string noun, string what, TextWriter output)
    {
        if (file is not null)
        {
            output.WriteLine($"{file.Path}: {Counted.Of(file.Entries.Count, noun)} {what}.");
        }
    }

    private static bool TryParse(IReadOnlyList<string> args, out string? staff, out string? partners, out bool dryRun, out string problem)
    {
        staff = null;
        partners = null;
        dryRun = false;
        problem = string.Empty;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--dry-run")
            {
                dryRun = true;
                continue;
            }

            if (arg is not ("--staff" or "--partners"))
            {
                problem = $"unknown argument '{arg}'.";
                return false;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"{arg} needs a file name.";
                return false;
            }

            if ((arg == "--staff" ? staff : partners) is not null)
            {
                problem = $"{arg} is given twice.";
                return false;
            }

            i++;
            if (arg == "--staff")
            {
                staff = args[i];
            }
            else
            {
                partners = args[i];
            }
        }

        if (staff is null && partners is null)
        {
            problem = "give --staff FILE.json, --partners FILE.json or both.";
            return false;
        }

        return true;
    }
}
