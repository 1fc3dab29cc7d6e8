using OnePointEntry.Deliveries;
using OnePointEntry.Tool.Seeding;

namespace OnePointEntry.Tool.Commands;

/// <summary>
/// <c>ope deliveries list [--subject S]</c> and <c>ope deliveries resend ID…</c>: the outbox's deliveries that failed
/// after every attempt (or every delivery about one enquiry or report), and resending them, from the app's storage
/// (<c>AzureWebJobsStorage</c>); the running app's sender delivers what is resent. Prints no personal data: what a
/// delivery carries stays in storage. Exit code 0 done, 1 storage failed or a delivery was not found, 2 bad usage or
/// storage not configured.
/// </summary>
internal sealed class DeliveriesCommand(Func<TextWriter, ToolStorage> openStorage) : ICommand
{
    public DeliveriesCommand()
        : this(error => ToolStorage.OpenFromSettings("deliveries", error))
    {
    }

    public string Name => "deliveries";

    public string Usage => "deliveries list [--subject OPE-…|report-yyyy-MM] | resend ID…   list failed deliveries (or one subject's), resend failed ones";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var problem = Check(args);
        if (problem is not null)
        {
            error.WriteLine($"ope deliveries: {problem}");
            error.WriteLine("usage: ope " + Usage);
            return 2;
        }

        try
        {
            using var storage = openStorage(error);
            return args[0] == "list"
                ? await ListAsync(storage.Outbox, args.Count == 3 ? args[2] : null, output, cancellationToken)
                : await ResendAsync(storage.Outbox, args.Skip(1), output, error, cancellationToken);
        }
        catch (Exception exception) when (StorageFailures.IsNotConfigured(exception))
        {
            error.WriteLine($"ope deliveries: {exception.Message}");
            return 2;
        }
        catch (Exception exception) when (StorageFailures.IsFailure(exception))
        {
            error.WriteLine($"ope deliveries: storage failed: {exception.Message}");
            return 1;
        }
    }

    private static string? Check(IReadOnlyList<string> args) => args switch
    {
        [] => "say list or resend.",
        ["list"] => null,
        ["list", "--subject", var subject] => DeliveryId.IsSubject(subject) ? null : $"'{subject}' is not a delivery's subject.",
        ["list", ..] => "list takes nothing, or --subject and an enquiry's reference or report-yyyy-MM.",
        ["resend"] => "resend needs the id of at least one delivery (as list prints it).",
        ["resend", ..] => args.Skip(1).FirstOrDefault(id => !DeliveryId.TryParse(id, out _)) is { } bad ? $"'{bad}' is not a delivery's id (e.g. OPE-2611-7K3F~Acknowledgement)." : null,
        _ => $"unknown subcommand '{args[0]}'.",
    };

    private static async Task<int> ListAsync(Outbox outbox, string? subject, TextWriter output, CancellationToken cancellationToken)
    {
        var deliveries = subject is null
            ? await outbox.ListFailedAsync(cancellationToken).ToListAsync(cancellationToken)
            : [.. await outbox.ListAboutAsync(subject, cancellationToken)];
        if (deliveries.Count == 0)
        {
            output.WriteLine(subject is null ? "No delivery has failed." : $"No delivery about {subject}.");
            return 0;
        }

        foreach (var delivery in deliveries)
        {
            var when = delivery.DeliveredAt ?? delivery.NextAttemptAt ?? delivery.RecordedAt;
            output.WriteLine($"{delivery.Id}\t{delivery.State}\t{delivery.Attempts} attempt(s)\t{when:yyyy-MM-dd HH:mm:ss}Z\t{delivery.LastError}");
        }

        return 0;
    }

    private static async Task<int> ResendAsync(Outbox outbox, IEnumerable<string> ids, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var exitCode = 0;
        foreach (var text in ids)
        {
            if (!DeliveryId.TryParse(text, out var id))
            {
                continue;
            }

            var (delivery, resent) = await outbox.ResendAsync(id, cancellationToken);
            if (delivery is null)
            {
                error.WriteLine($"ope deliveries: no delivery {id}.");
                exitCode = 1;
            }
            else
            {
                output.WriteLine(resent ? $"{id}\t{delivery.State}\tqueued for the app's sender" : $"{id}\t{delivery.State}\tnot failed; left as it is");
            }
        }

        return exitCode;
    }
}
