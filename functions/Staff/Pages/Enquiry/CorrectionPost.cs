namespace OnePointEntry.Functions.Staff.Pages.Enquiry;

/// <summary>A posted correction form, read.</summary>
/// <param name="Version">The version tag the page was loaded with (hidden <c>version</c>); null when missing.</param>
/// <param name="Typed">Every fact in the form as typed (themes as sorted ids joined by commas).</param>
/// <param name="Was">Every fact in the form as it was when the page was loaded (hidden <c>was.*</c>).</param>
/// <param name="Changes">The facts the person changed: the only ones sent as corrections.</param>
public sealed record CorrectionPost(
    string? Version,
    IReadOnlyDictionary<string, string> Typed,
    IReadOnlyDictionary<string, string> Was,
    IReadOnlyDictionary<string, string?> Changes);
