using System.Globalization;
using System.Text;
using OnePointEntry.Enquiries;

namespace OnePointEntry.Bench.Faults;

/// <summary>
/// What became of every submission at the end of a run. Accepted is a <c>202</c> (or, for mail delivered to the
/// inbox, Exchange's delivery). Lost: accepted, and at the end not stored, still waiting (Received or Screened),
/// or failed (ScreeningFailed, RoutingFailed). Duplicated: one submission stored as two enquiries, or given two
/// references, or one enquiry screened or routed twice (its history), or with more than one calendar event,
/// Planner task, Teams card or acknowledgement at the stand-in. Routed enquiries missing one of those are counted
/// apart, with the outbox's deliveries by kind and state.
/// </summary>
internal sealed class Verdict
{
    private readonly List<string> _lines = [];

    private Verdict()
    {
    }

    public int Sent { get; private set; }

    public int Accepted { get; private set; }

    public int Refused { get; private set; }

    public int Lost { get; private set; }

    public int Duplicated { get; private set; }

    public int Routed { get; private set; }

    /// <summary>Routed enquiries missing an event, a task, a card or (mail) an acknowledgement at the stand-in.</summary>
    public int MissingOutside { get; private set; }

    /// <summary>Refused in the end (no 202 after the retries), yet stored: the sender was told nothing was kept.</summary>
    public int RefusedButStored { get; private set; }

    public static async Task<Verdict> JudgeAsync(IReadOnlyList<SubmissionResult> results, BenchStack stack, OutsideEffects effects)
    {
        var verdict = new Verdict();
        var store = stack.Store;
        var ledger = await Ledger.ReadAsync(store);
        var deliveries = new Dictionary<string, int>(StringComparer.Ordinal);
        var invariant = CultureInfo.InvariantCulture;
        var lines = verdict._lines;
        verdict.Sent = results.Count;

        foreach (var kind in results.Select(result => result.Submission.Kind).Distinct())
        {
            var ofKind = results.Where(result => result.Submission.Kind == kind).ToList();
            lines.Add(string.Create(invariant, $"{Describe(kind)}: {ofKind.Count} sent"));
            lines.Add("  first answers: " + Tally(ofKind.Select(result => result.First.Outcome)));
            lines.Add("  last answers (after up to 4 retries): " + Tally(ofKind.Select(result => result.Last.Outcome)));
            var retried = ofKind.Count(result => result.Attempts.Count > 1 && result.Accepted);
            var retriedToEarlier = ofKind.Count(result => result.Attempts.Count > 1 && result.Accepted
                && ledger.ByReference.TryGetValue(result.Last.Reference ?? "", out var stored) && stored.ReceivedAt < result.Last.StartedAt);
            if (kind != SubmissionKind.InboxMail)
            {
                lines.Add(string.Create(invariant, $"  accepted on a retry: {retried}, of which {retriedToEarlier} got the reference an earlier, refused attempt had stored"));
            }
        }

        var accepted = results.Where(result => result.Accepted).ToList();
        var refused = results.Where(result => !result.Accepted).ToList();
        verdict.Accepted = accepted.Count;
        verdict.Refused = refused.Count;
        verdict.RefusedButStored = refused.Count(result => ledger.For(result.Submission).Count > 0);

        var notStored = new List<SubmissionResult>();
        var waiting = new Dictionary<string, int>(StringComparer.Ordinal);
        var failed = new Dictionary<string, int>(StringComparer.Ordinal);
        var review = 0;
        var lost = 0;
        var missing = new Dictionary<string, int>(StringComparer.Ordinal);
        var duplicates = new Dictionary<string, int>(StringComparer.Ordinal);
        var acknowledgements = new Dictionary<string, int>(StringComparer.Ordinal);
        var duplicated = 0;
        foreach (var result in results)
        {
            var stored = ledger.For(result.Submission);
            var problems = new List<string>();
            if (stored.Count > 1)
            {
                problems.Add("the same submission stored twice or more");
            }

            if (result.References.Count > 1)
            {
                problems.Add("two references given for one submission");
            }

            foreach (var enquiry in stored)
            {
                var reference = enquiry.Reference.ToString();
                var history = await store.ListStatusChangesAsync(enquiry.Reference, CancellationToken.None);
                if (history.Count(change => change.From == EnquiryStatus.Received) > 1)
                {
                    problems.Add("screened twice (history)");
                }

                if (history.Count(change => change.To == EnquiryStatus.Routed) > 1)
                {
                    problems.Add("routed twice (history)");
                }

                Many(effects.Events, reference, "more than one calendar event", problems);
                Many(effects.Tasks, reference, "more than one Planner task", problems);
                Many(effects.Cards, reference, "more than one Teams card", problems);
                Many(effects.Acknowledgements, reference, "more than one acknowledgement", problems);
                foreach (var delivery in await stack.Deliveries.ListAboutAsync(reference, CancellationToken.None))
                {
                    Add(deliveries, $"{delivery.Id.Kind} {delivery.State}");
                }

                var acks = effects.Acknowledgements.GetValueOrDefault(reference);
                Add(acknowledgements, string.Create(invariant, $"{Describe(result.Submission.Kind)}: {(acks > 1 ? "2+" : acks.ToString(invariant))}"));
            }

            if (problems.Count > 0)
            {
                duplicated++;
                foreach (var problem in problems.Distinct(StringComparer.Ordinal))
                {
                    Add(duplicates, problem);
                }
            }

            if (!result.Accepted)
            {
                continue;
            }

            // The enquiry the 202 named; for inbox mail (no reference given) the one stored for its Message-ID.
            var named = result.Last.Reference is { } given
                ? ledger.ByReference.GetValueOrDefault(given)
                : stored.Count > 0 ? stored[0] : null;
            if (named is null)
            {
                notStored.Add(result);
                lost++;
                continue;
            }

            switch (named.Status)
            {
                case EnquiryStatus.Received or EnquiryStatus.Screened:
                    Add(waiting, named.Status.ToString());
                    lost++;
                    break;
                case EnquiryStatus.ScreeningFailed or EnquiryStatus.RoutingFailed:
                    Add(failed, named.Status.ToString());
                    lost++;
                    break;
                case EnquiryStatus.NeedsManualReview:
                    review++;
                    break;
                default:
                    verdict.Routed++;
                    var reference = named.Reference.ToString();
                    var missed = missing.Values.Sum();
                    if (!effects.Events.ContainsKey(reference))
                    {
                        Add(missing, "no calendar event");
                    }

                    if (!effects.Tasks.ContainsKey(reference))
                    {
                        Add(missing, "no Planner task");
                    }

                    if (!effects.Cards.ContainsKey(reference))
                    {
                        Add(missing, "no Teams card");
                    }

                    if (named.Source == EnquirySource.Mail && !effects.Acknowledgements.ContainsKey(reference))
                    {
                        Add(missing, "mail without an acknowledgement");
                    }

                    verdict.MissingOutside += missing.Values.Sum() > missed ? 1 : 0;

                    break;
            }
        }

        verdict.Lost = lost;
        verdict.Duplicated = duplicated;
        lines.Add(string.Create(invariant, $"accepted {accepted.Count}, refused {refused.Count} (by last answer: {Tally(refused.Select(result => result.Last.Outcome))}); refused yet stored: {verdict.RefusedButStored}"));
        lines.Add(string.Create(invariant, $"stored enquiries: {ledger.Enquiries.Count} ({Tally(ledger.Enquiries.Select(enquiry => enquiry.Status.ToString()))})"));
        lines.Add(string.Create(invariant, $"routed {verdict.Routed}, held for manual review {review}"));
        lines.Add(string.Create(invariant, $"LOST {lost}: not stored {notStored.Count} ({Tally(notStored.Select(result => Describe(result.Submission.Kind)))}), still waiting {waiting.Values.Sum()} ({Tally(waiting)}), failed {failed.Values.Sum()} ({Tally(failed)})"));
        lines.Add(string.Create(invariant, $"DUPLICATED {duplicated} submissions: {Tally(duplicates)}"));
        lines.Add("routed but missing at Microsoft 365: " + Tally(missing));
        lines.Add("acknowledgements per stored enquiry: " + Tally(acknowledgements));
        lines.Add("the outbox's deliveries for the stored enquiries: " + Tally(deliveries));
        return verdict;
    }

    public void Print()
    {
        foreach (var line in _lines)
        {
            Console.WriteLine("  " + line);
        }
    }

    public static string Describe(SubmissionKind kind) => kind switch
    {
        SubmissionKind.Form => "forms (POST /api/enquiries)",
        SubmissionKind.RawMail => "mails (POST /api/mail/raw)",
        _ => "mails (inbox, Graph notification)",
    };

    public static string Tally(IEnumerable<string> values) =>
        Tally(values.GroupBy(value => value, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal));

    public static string Tally(IReadOnlyDictionary<string, int> counts)
    {
        if (counts.Count == 0)
        {
            return "none";
        }

        var text = new StringBuilder();
        foreach (var (name, count) in counts.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal))
        {
            text.Append(text.Length > 0 ? ", " : "").Append(CultureInfo.InvariantCulture, $"{name} × {count}");
        }

        return text.ToString();
    }

    private static void Many(IReadOnlyDictionary<string, int> counts, string reference, string problem, List<string> problems)
    {
        if (counts.GetValueOrDefault(reference) > 1)
        {
            problems.Add(problem);
        }
    }

    private static void Add(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
