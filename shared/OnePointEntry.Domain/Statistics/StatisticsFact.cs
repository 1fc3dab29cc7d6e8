namespace OnePointEntry.Statistics;

/// <summary>
/// One enquiry received or one delegation facilitated, as the statistics count it: the day it counts on and
/// what it is counted by. Nothing about the people in it.
/// </summary>
public sealed record StatisticsFact
{
    /// <summary>The enquiry's reference, or the key of a delegation imported from the history.</summary>
    public required string Id { get; init; }

    /// <summary>The day received (for enquiries) or the visit's arrival day (for delegations), in Copenhagen.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>ISO 3166-1 alpha-2; null when not known.</summary>
    public string? CountryCode { get; init; }

    public string? Region { get; init; }

    public string? City { get; init; }

    /// <summary><c>public</c>, <c>private</c>, <c>academic</c> or <c>other</c>; null when not known.</summary>
    public string? Sector { get; init; }

    /// <summary><c>national</c>, <c>provincial</c> or <c>municipal</c>, for a public delegation.</summary>
    public string? Level { get; init; }

    /// <summary>Theme ids; a delegation counts once under each of its themes.</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];

    public int? DelegationSize { get; init; }

    /// <summary>The delegation's organisation, as shown in the month's list of delegations.</summary>
    public string? Organisation { get; init; }
}
