using OnePointEntry.Enquiries;

namespace OnePointEntry.Functions.Form;

/// <summary>What the form page shows besides its texts: the values already entered, and what is wrong with them.</summary>
public sealed record FormPageState
{
    public static FormPageState Empty { get; } = new();

    public EnquiryForm Values { get; init; } = new();

    /// <summary>A message in the page's language for each field in error, by field name.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
}
