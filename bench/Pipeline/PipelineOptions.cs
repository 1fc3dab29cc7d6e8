using System.Globalization;

namespace OnePointEntry.Bench.Pipeline;

/// <summary>
/// What one run measures: the numbers of enquiries already stored in the month (ascending; each burst's own
/// enquiries count towards the next size), the burst, the clients and how long a burst may take to be routed.
/// </summary>
internal sealed record PipelineOptions(IReadOnlyList<int> StoredSizes, int Forms, int Mails, int Clients, TimeSpan Patience, int BaselineRounds)
{
    public const string Usage = "Usage: bench/pipeline.sh [--steps] [--forms N] [--mails N] [--clients N] [--patience minutes] [stored sizes, ascending; default 0 10000 100000]";

    public static PipelineOptions? Parse(IReadOnlyList<string> args)
    {
        var sizes = new List<int>();
        int forms = 2000, mails = 200, clients = 16;
        var patience = 120.0;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--forms" when i + 1 < args.Count && Number(args[++i]) is { } value:
                    forms = value;
                    break;
                case "--mails" when i + 1 < args.Count && Number(args[++i]) is { } value:
                    mails = value;
                    break;
                case "--clients" when i + 1 < args.Count && Number(args[++i]) is { } value and > 0:
                    clients = value;
                    break;
                case "--steps":
                    // Read by bench/pipeline.sh, which then starts Azurite with its debug log.
                    break;
                case "--patience" when i + 1 < args.Count && double.TryParse(args[++i], NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0:
                    patience = minutes;
                    break;
                default:
                    if (Number(args[i]) is not { } size)
                    {
                        return null;
                    }

                    sizes.Add(size);
                    break;
            }
        }

        if (sizes.Count == 0)
        {
            sizes.AddRange([0, 10_000, 100_000]);
        }

        return forms + mails == 0 || !sizes.SequenceEqual(sizes.Order())
            ? null
            : new PipelineOptions(sizes, forms, mails, clients, TimeSpan.FromMinutes(patience), BaselineRounds: 3);
    }

    private static int? Number(string text) =>
        int.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
