using OnePointEntry.Enquiries.Fields;

namespace OnePointEntry.Functions.Form;

/// <summary>
/// One field of the web form: the enquiry's field (its name, also the input's id, its kind, whether it is
/// required, its bounds), and what only the page needs.
/// </summary>
/// <param name="Autocomplete">The browser's autofill token, so people fill in their details with one choice.</param>
/// <param name="HasHint">Whether the texts have a <c>field.{name}.hint</c>.</param>
public sealed record FormField(EnquiryField Field, string? Autocomplete = null, bool HasHint = false)
{
    public string Name => Field.Name;

    public EnquiryFieldKind Kind => Field.Kind;

    public bool Required => Field.Required;

    /// <summary>The longest text the API accepts for a field typed as text; null for one chosen or typed as a number or date.</summary>
    public int? MaxLength => Kind is EnquiryFieldKind.Text or EnquiryFieldKind.Message or EnquiryFieldKind.Email or EnquiryFieldKind.Phone ? Field.MaxLength : null;
}
