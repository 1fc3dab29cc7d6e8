namespace OnePointEntry.Functions.Form;

/// <summary>How a field of the enquiry form is entered in the page.</summary>
public enum FormFieldKind
{
    Text,
    Email,
    Telephone,
    Number,
    Date,
    LongText,
    Country,
    Themes,
}
