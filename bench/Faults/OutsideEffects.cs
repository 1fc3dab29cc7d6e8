using System.Text.RegularExpressions;
using Microsoft365StandIn;

namespace OnePointEntry.Bench.Faults;

/// <summary>
/// What Microsoft 365 got for each reference, from the stand-in's state: calendar events and Planner tasks (their
/// subject or title starts with "[reference]"), Teams cards and mail sent from the mailbox (acknowledgements) that
/// name it.
/// </summary>
internal sealed partial class OutsideEffects
{
    private OutsideEffects(StandInServer standIn)
    {
        Events = Count(standIn.Events.Select(item => Tagged(item.Subject)));
        Tasks = Count(standIn.PlannerTasks.Select(task => Tagged(task.Title)));
        Cards = Count(standIn.PostedMessages.SelectMany(message => Named(message.ToJsonString())));
        Acknowledgements = Count(standIn.SentMail.SelectMany(mail => Named(mail.Subject + "\n" + mail.Text)));
    }

    public IReadOnlyDictionary<string, int> Events { get; }

    public IReadOnlyDictionary<string, int> Tasks { get; }

    public IReadOnlyDictionary<string, int> Cards { get; }

    public IReadOnlyDictionary<string, int> Acknowledgements { get; }

    public static OutsideEffects Of(StandInServer standIn) => new(standIn);

    private static Dictionary<string, int> Count(IEnumerable<string?> references) =>
        references.Where(reference => reference is not null).GroupBy(reference => reference!, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);

    private static string? Tagged(string text) => Tag().Match(text) is { Success: true } match ? match.Groups["reference"].Value : null;

    // One item that names a reference twice (a card's title and its link) counts once.
    private static IEnumerable<string> Named(string text) => Sender.Reference().Matches(text).Select(match => match.Value).Distinct(StringComparer.Ordinal);

    [GeneratedRegex(@"^\[(?<reference>OPE-[0-9]{4}-[0-9A-Z]{4})\]", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
