namespace OnePointEntry.Functions.Staff.Pages.Enquiry;

/// <summary>
/// What the enquiry's page shows beyond the enquiry itself: the notice after an action, what is wrong with what was
/// sent, and the values typed (kept when a form comes back), including after a conflict.
/// </summary>
public sealed record EnquiryPageState
{
    public static EnquiryPageState Empty { get; } = new();

    /// <summary>What a post may say it did (<c>?done=</c>): each has its notice.</summary>
    public static IReadOnlySet<string> Notices { get; } = new HashSet<string>(StringComparer.Ordinal) { "corrected", "unchanged", "status", "rerouted", "erased", "sameDelegation", "counted", "reassigned" };

    /// <summary>What was just done (<c>corrected</c>, <c>status</c>, ...), for the notice after the redirect.</summary>
    public string? Done { get; init; }

    public IReadOnlyList<PageError> Errors { get; init; } = [];

    /// <summary>The facts' values as typed, by field name (themes joined by commas); a field not here shows its value as it stands.</summary>
    public IReadOnlyDictionary<string, string> Typed { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The values the typed ones were made on (the form's <c>was.*</c>); null for the values as they stand.</summary>
    public IReadOnlyDictionary<string, string>? Was { get; init; }

    /// <summary>The version the typed values were made on; null for the version as it stands.</summary>
    public string? Version { get; init; }

    /// <summary>After a conflict: the fields the person changed, with their values (the page shows what is saved now beside each).</summary>
    public IReadOnlyDictionary<string, string> Conflicts { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The status form's values as sent (<c>status</c>, <c>note</c>, <c>visitDate</c>).</summary>
    public IReadOnlyDictionary<string, string> StatusTyped { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The active staff a team lead may give the screening to, by name; empty for anyone else, or where there is no screening to move.</summary>
    public IReadOnlyList<(string Id, string Name)> Screeners { get; init; } = [];

    public PageError? ErrorAt(string target) => Errors.FirstOrDefault(error => error.Target == target);
}
