namespace OnePointEntry.Bench.Faults;

/// <summary>Forms and mails mixed evenly, in an order fixed by the submissions' numbers, so that a fault hits both.</summary>
internal static class Traffic
{
    public static IReadOnlyList<Submission> Mix(params IReadOnlyList<Submission>[] groups)
    {
        var all = groups.SelectMany(group => group.Select((submission, index) => (Submission: submission, Position: (index + 0.5) / group.Count)));
        return [.. all.OrderBy(item => item.Position).ThenBy(item => item.Submission.Number).Select(item => item.Submission)];
    }
}
