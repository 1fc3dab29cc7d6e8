using System.Globalization;
using OnePointEntry.Enquiries;
using OnePointEntry.Enquiries.Fields;

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
        if (field.Kind == EnquiryFieldKind.Themes)
        {
            return text.Format("error.themes", ("max", field.Field.MaxLength));
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

        return field.Kind switch
        {
            EnquiryFieldKind.Email => text["error.contactEmail"],
            EnquiryFieldKind.Phone => text["error.phone"],
            EnquiryFieldKind.Country => text["error.country"],
            EnquiryFieldKind.Size => text.Format("error.delegationSize", ("min", EnquiryFieldLimits.MinDelegationSize), ("max", field.Field.MaxLength)),
            // A date that is one but was refused comes before the date it must not precede.
            EnquiryFieldKind.Date => field.Field.NotBefore is not null && IsDate(value) ? text["error.departureBeforeArrival"] : text["error.date"],
            _ => text["error.invalid"],
        };
    }

    private static bool IsDate(string value) =>
        DateOnly.TryParseExact(value, CanonicalText.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>The submitted text of a field, as the page echoes it back.</summary>
    public static string? ValueOf(EnquiryForm form, string name)
    {
        ArgumentNullException.ThrowIfNull(form);
        return EnquiryFields.Named(name)?.Form?.Get(form);
    }
}
