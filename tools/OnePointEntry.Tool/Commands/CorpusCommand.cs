using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OnePointEntry.Enquiries;
using OnePointEntry.Mail;
using OnePointEntry.Statistics;
using OnePointEntry.Tool.Corpus;
using OnePointEntry.Tool.Seeding;

namespace OnePointEntry.Tool.Commands;

/// <summary>
/// <c>ope corpus export --out DIR [--from yyyy-MM] [--to yyyy-MM]</c>: every mailed enquiry staff corrected,
/// received in the months given (default: the last twelve), written as a labelled example in the corpus's format:
/// its original mail with the people masked (<see cref="MailMasker"/>) as <c>{reference}.eml</c>, and the facts as
/// staff left them as <c>{reference}.expected.json</c> (<see cref="CorpusLabel"/>). What staff fix becomes test
/// material for the extractor. Enquiries whose personal data was erased, or whose original is no longer kept,
/// are skipped and counted. Exit code 0 written, 1 storage failed, 2 bad usage or storage not configured.
/// </summary>
internal sealed class CorpusCommand(Func<TextWriter, ToolStorage> openStorage, TimeProvider time) : ICommand
{
    public CorpusCommand()
        : this(error => ToolStorage.OpenFromSettings("corpus", error), TimeProvider.System)
    {
    }

    public string Name => "corpus";

    public string Usage => "corpus export --out DIR [--from yyyy-MM] [--to yyyy-MM]   write corrected mail enquiries as labelled corpus examples (people masked)";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParse(args, out var folder, out var first, out var last, out var problem))
        {
            error.WriteLine($"ope corpus: {problem}");
            error.WriteLine("usage: ope " + Usage);
            return 2;
        }

        try
        {
            using var storage = openStorage(error);
            var store = storage.Services.GetRequiredService<IEnquiryStore>();
            var originals = storage.Services.GetRequiredService<IMailOriginals>();
            Directory.CreateDirectory(folder);
            int written = 0, erased = 0, missing = 0;
            await foreach (var enquiry in store.ListReceivedAsync(first, last, cancellationToken))
            {
                if (enquiry.Corrections.Count == 0 || enquiry.Mail is not { } mail)
                {
                    continue;
                }

                if (enquiry.AnonymisedAt is not null)
                {
                    erased++;
                    continue;
                }

                await using var original = await originals.OpenAsync(mail.MessageKey, cancellationToken);
                if (original is null)
                {
                    missing++;
                    continue;
                }

                var message = await MimeMessage.LoadAsync(original, cancellationToken);
                var submission = enquiry.Submission;
                var masked = new MailMasker([submission.ContactName, submission.Phone]).Mask(message);
                var name = enquiry.Reference.ToString().ToLowerInvariant();
                await masked.WriteToAsync(Path.Combine(folder, name + ".eml"), cancellationToken);
                await File.WriteAllTextAsync(Path.Combine(folder, name + ".expected.json"), CorpusLabel.Of(enquiry), cancellationToken);
                written++;
            }

            output.WriteLine($"{written} example(s) written to {folder} from {first}–{last}; skipped: {erased} with personal data erased, {missing} without a kept original.");
            return 0;
        }
        catch (Exception exception) when (StorageFailures.IsNotConfigured(exception))
        {
            error.WriteLine($"ope corpus: {exception.Message}");
            return 2;
        }
        catch (Exception exception) when (StorageFailures.IsFailure(exception))
        {
            error.WriteLine($"ope corpus: storage failed: {exception.Message}");
            return 1;
        }
    }

    private bool TryParse(IReadOnlyList<string> args, out string folder, out CalendarMonth first, out CalendarMonth last, out string problem)
    {
        folder = string.Empty;
        last = CalendarMonth.InCopenhagen(time.GetUtcNow());
        first = CalendarMonth.Of(last.FirstDay.AddMonths(-11));
        problem = string.Empty;
        if (args is not ["export", ..])
        {
            problem = "say export.";
            return false;
        }

        for (var i = 1; i < args.Count; i += 2)
        {
            if (i + 1 >= args.Count)
            {
                problem = $"{args[i]} needs a value.";
                return false;
            }

            var value = args[i + 1];
            switch (args[i])
            {
                case "--out":
                    folder = value;
                    break;
                case "--from" or "--to":
                    if (!MonthArgument.TryParse(value, out var month))
                    {
                        problem = $"{args[i]} must be a month written yyyy-MM.";
                        return false;
                    }

                    (first, last) = args[i] == "--from" ? (month, last) : (first, month);
                    break;
                default:
                    problem = $"unknown argument '{args[i]}'.";
                    return false;
            }
        }

        if (folder.Length == 0)
        {
            problem = "--out DIR is required: the folder the examples go to.";
            return false;
        }

        if (first.FirstDay > last.FirstDay)
        {
            problem = "--from is after --to.";
            return false;
        }

        return true;
    }
}
