namespace OnePointEntry.Enquiries.Fields;

/// <summary>
/// One fact about a delegation that staff can see and correct: its name (the same in JSON, forms and the audit),
/// what it holds, its bounds and what it is called in the workspace's languages.
/// </summary>
/// <param name="Name">The field's name in JSON and in the audit, e.g. <c>country</c>.</param>
/// <param name="MaxLength">Longest text accepted, in characters; for <see cref="EnquiryFieldKind.Size"/> the largest number.</param>
/// <param name="Choices">The values a <see cref="EnquiryFieldKind.Choice"/> field may take; empty otherwise.</param>
/// <param name="Labels">What the field is called, by ISO 639-1 language (Danish and English at least).</param>
public sealed record EnquiryField(
    string Name,
    EnquiryFieldKind Kind,
    int MaxLength,
    IReadOnlyList<string> Choices,
    IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>The field's label in <paramref name="language"/>, else in English.</summary>
    public string LabelIn(string language) =>
        Labels.TryGetValue(language, out var label) ? label : Labels["en"];
}
