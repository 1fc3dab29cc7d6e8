using System.Globalization;
using OnePointEntry.Enquiries;

namespace OnePointEntry.Functions.Form;

/// <summary>
/// Says in the page's language what is wrong with each field the API rejected. The API's own messages are
/// English and meant for developers; the field names are the contract, and the submitted value tells which
/// rule it broke. The page's script does the same for the problem+json it receives.
/// </summary>
public static class FormErrors
{
    public static IReadOnlyDictionary<string, string> Translate(IReadOnlyDictionary<string, string[]> errors, EnquiryForm form, FormText text)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(text);
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in FormFields.All.Where(field => errors.ContainsKey(field.Name)))
        {
            messages[field.Name] = MessageFor(field, form, text);
        }

        // A field the page does not show (a hand-written post) still gets a message, so nothing is lost.
        foreach (var name in errors.Keys.Where(name => !messages.ContainsKey(name)))
        {
            messages[name] = text["error.invalid"];
        }

        return messages;
    }

    private static string MessageFor(FormField field, EnquiryForm form, FormText text)
    {
        if (field.Kind == FormFieldKind.Themes)
        {
            return text.Format("error.themes", ("max", EnquiryFieldLimits.Themes));
        }

        var value = ValueOf(form, field.Name)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return text["error.required"];
        }

        if (field.MaxLength is { } max && value.Length > max)
        {
            return text.Format("error.tooLong", ("max", max));
        }

        return field.Name switch
        {
            EnquiryFormFields.ContactEmail => text["error.contactEmail"],
            EnquiryFormFields.Phone => text["error.phone"],
            EnquiryFormFields.Country => text["error.country"],
            EnquiryFormFields.DelegationSize => text.Format("error.delegationSize", ("min", EnquiryFieldLimits.MinDelegationSize), ("max", EnquiryFieldLimits.MaxDelegationSize)),
            EnquiryFormFields.ArrivalDate => text["error.date"],
            EnquiryFormFields.DepartureDate => IsDate(value) ? text["error.departureBeforeArrival"] : text["error.date"],
            _ => text["error.invalid"],
        };
    }

    private static bool IsDate(string value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>The submitted text of a field, as the page echoes it back.</summary>
    public static string? ValueOf(EnquiryForm form, string name)
    {
        ArgumentNullException.ThrowIfNull(form);
        return name switch
        {
            EnquiryFormFields.Organisation => form.Organisation,
            EnquiryFormFields.Country => form.Country,
            EnquiryFormFields.City => form.City,
            EnquiryFormFields.ContactName => form.ContactName,
            EnquiryFormFields.ContactEmail => form.ContactEmail,
            EnquiryFormFields.Phone => form.Phone,
            EnquiryFormFields.DelegationSize => form.DelegationSize,
            EnquiryFormFields.ArrivalDate => form.ArrivalDate,
            EnquiryFormFields.DepartureDate => form.DepartureDate,
            EnquiryFormFields.Purpose => form.Purpose,
            EnquiryFormFields.ReferredBy => form.ReferredBy,
            _ => null,
        };
    }
}
