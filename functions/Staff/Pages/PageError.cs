namespace OnePointEntry.Functions.Staff.Pages;

/// <summary>One thing wrong with what was sent, for the error summary and beside its field.</summary>
/// <param name="Target">The id of the field (or section) the summary links to.</param>
/// <param name="Label">What the field is called on the page.</param>
/// <param name="Message">What is wrong, in the page's language.</param>
public sealed record PageError(string Target, string Label, string Message);
