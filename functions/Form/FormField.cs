namespace OnePointEntry.Functions.Form;

/// <summary>One field of the web form, named as <c>POST /api/enquiries</c> names it.</summary>
/// <param name="Name">The field name of <see cref="OnePointEntry.Enquiries.EnquiryFormFields"/>, also the input's id.</param>
/// <param name="MaxLength">The longest value the API accepts, in characters.</param>
/// <param name="Autocomplete">The browser's autofill token, so people fill in their details with one choice.</param>
/// <param name="HasHint">Whether the texts have a <c>field.{name}.hint</c>.</param>
public sealed record FormField(
    string Name,
    FormFieldKind Kind,
    bool Required = false,
    int? MaxLength = null,
    string? Autocomplete = null,
    bool HasHint = false);
