namespace OnePointEntry.Enquiries.Fields;

/// <summary>
/// One field of an enquiry: its name (the same in JSON, forms and the audit), what it holds, its bounds, what it is
/// called in the workspace's languages, and where its value sits in each record that carries it. The form reader,
/// the validation, storage, erasure, the status view and the workspace's editor all go by it, so a field is
/// described here once.
/// </summary>
/// <param name="Name">The field's name in JSON, forms and the audit, e.g. <c>country</c>.</param>
/// <param name="MaxLength">
/// Longest text accepted from a form or from staff, in characters; for <see cref="EnquiryFieldKind.Size"/> the
/// largest number and for <see cref="EnquiryFieldKind.Themes"/> the most themes.
/// </param>
/// <param name="Choices">The values a <see cref="EnquiryFieldKind.Choice"/> field may take; empty otherwise.</param>
/// <param name="Labels">What the field is called, by ISO 639-1 language (Danish and English at least).</param>
public sealed record EnquiryField(
    string Name,
    EnquiryFieldKind Kind,
    int MaxLength,
    IReadOnlyList<string> Choices,
    IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>A form without it is refused.</summary>
    public bool Required { get; init; }

    /// <summary>It can name or reach a person, so erasure clears it (and staff's corrections of it).</summary>
    public bool Personal { get; init; }

    /// <summary>
    /// For a date, the date field it must not come before (a departure is not before the arrival); else null.
    /// </summary>
    public EnquiryField? NotBefore { get; init; }

    /// <summary>The table property that keeps the sender's value; rows already stored are read by it, so it never changes.</summary>
    public string? StoredAs { get; init; }

    /// <summary>
    /// The longest text kept of a stored text value: at least <see cref="MaxLength"/>, so a valid form is never
    /// cut; a mail, which is not checked like a form, is cut to it.
    /// </summary>
    public int StoredLength { get; init; }

    /// <summary>Where a sender's form carries it; null when a form cannot send it.</summary>
    public FieldAccessor<EnquiryForm>? Form { get; init; }

    /// <summary>Where the submission keeps the sender's value; null when it is not kept.</summary>
    public FieldAccessor<EnquirySubmission>? Submission { get; init; }

    /// <summary>Where the facts hold it; null when it is no fact of the delegation (contact data, the message).</summary>
    public FieldAccessor<EnquiryFacts>? Fact { get; init; }

    /// <summary>The field's label in <paramref name="language"/>, else in English.</summary>
    public string LabelIn(string language) =>
        Labels.TryGetValue(language, out var label) ? label : Labels["en"];
}
