using System.Globalization;
using System.Text.RegularExpressions;
using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Geography;
using OnePointEntry.Text;
using OnePointEntry.Themes;

namespace OnePointEntry.Enquiries;

/// <summary>
/// Checks a submitted enquiry form field by field and turns it into an <see cref="EnquirySubmission"/>. Which
/// fields there are, whether each is required and how long it may be is <see cref="EnquiryFields"/>'; here is only
/// what each kind of field must look like.
/// </summary>
public sealed partial class EnquiryFormValidator(CountryDirectory countries, ThemeTaxonomy themes)
{
    public EnquiryFormValidation Validate(EnquiryForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (field, problem) in form.Unreadable)
        {
            Fail(errors, field, problem);
        }

        var values = new Dictionary<EnquiryField, string>();
        foreach (var field in EnquiryFields.Submitted.Where(field => field.Form is not null))
        {
            if (Check(field, field.Form!.Get(form), values, errors) is { } value)
            {
                values[field] = value;
            }
        }

        return errors.Count > 0
            ? EnquiryFormValidation.Invalid(errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal))
            : EnquiryFormValidation.Valid(EnquiryFields.SubmissionOf(field => values.GetValueOrDefault(field)));
    }

    /// <summary>The field's value in canonical text; null when it is empty or wrong (then <paramref name="errors"/> says why).</summary>
    private string? Check(EnquiryField field, string? input, Dictionary<EnquiryField, string> earlier, Dictionary<string, List<string>> errors)
    {
        var name = field.Name;
        switch (field.Kind)
        {
            case EnquiryFieldKind.Country:
                var country = Text(field, input, TextKind.SingleLine, errors);
                if (country is not null && countries.Find(country) is null)
                {
                    Fail(errors, name, $"{name} is not a country we know: give its ISO 3166-1 code (e.g. CN) or its name in English, Danish or Chinese.");
                }

                return country;
            case EnquiryFieldKind.Email:
                var email = Text(field, input, TextKind.SingleLine, errors);
                if (email is not null && !EmailAddresses.IsValid(email))
                {
                    Fail(errors, name, $"{name} is not a valid e-mail address.");
                }

                return email;
            case EnquiryFieldKind.Phone:
                var phone = Text(field, input, TextKind.SingleLine, errors);
                if (phone is not null && !PhonePattern().IsMatch(phone))
                {
                    Fail(errors, name, $"{name} may hold only digits, spaces, a leading + and ( ) - . /, with at least 6 digits.");
                }

                return phone;
            case EnquiryFieldKind.Message:
                return Text(field, input, TextKind.MultiLine, errors);
            case EnquiryFieldKind.Size:
                return Size(field, input, errors);
            case EnquiryFieldKind.Date:
                return Date(field, input, earlier, errors);
            case EnquiryFieldKind.Themes:
                return Themes(field, input, errors);
            case EnquiryFieldKind.Language:
                return Language(field, input, errors);
            case EnquiryFieldKind.Text:
                return Text(field, input, TextKind.SingleLine, errors);
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "A form carries no field of this kind into a submission.");
        }
    }

    private static string? Text(EnquiryField field, string? value, TextKind kind, Dictionary<string, List<string>> errors)
    {
        var name = field.Name;
        if (value is not null && InputText.FindRefused(value, kind) is { } refused)
        {
            Fail(errors, name, kind == TextKind.SingleLine
                ? $"{name} must be one line of visible text; it holds {refused} (control characters, line breaks and invisible or direction-changing characters are refused)."
                : $"{name} holds {refused}; control characters and direction-changing characters are refused (line breaks and tabs are fine).");
            return null;
        }

        var text = string.IsNullOrWhiteSpace(value) ? null : InputText.Normalise(kind == TextKind.MultiLine ? value.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() : value.Trim());
        if (text is null)
        {
            if (field.Required && !errors.ContainsKey(name))
            {
                Fail(errors, name, $"{name} is required.");
            }

            return null;
        }

        if (text.Length > field.MaxLength)
        {
            Fail(errors, name, $"{name} must be at most {field.MaxLength} characters; it has {text.Length}.");
            return null;
        }

        return text;
    }

    private static string? Size(EnquiryField field, string? value, Dictionary<string, List<string>> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var size))
        {
            Fail(errors, field.Name, $"{field.Name} must be a whole number of people.");
            return null;
        }

        if (size < EnquiryFieldLimits.MinDelegationSize || size > field.MaxLength)
        {
            Fail(errors, field.Name, $"{field.Name} must be between {EnquiryFieldLimits.MinDelegationSize} and {field.MaxLength}.");
            return null;
        }

        return CanonicalText.Of(size);
    }

    private static string? Date(EnquiryField field, string? value, Dictionary<EnquiryField, string> earlier, Dictionary<string, List<string>> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), CanonicalText.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Fail(errors, field.Name, $"{field.Name} must be a date written as YYYY-MM-DD.");
            return null;
        }

        if (field.NotBefore is { } first && earlier.TryGetValue(first, out var firstDate) && date < CanonicalText.DateOf(firstDate))
        {
            Fail(errors, field.Name, $"{field.Name} must not be before {first.Name}.");
            return null;
        }

        return CanonicalText.Of(date);
    }

    private string? Themes(EnquiryField field, string? value, Dictionary<string, List<string>> errors)
    {
        var ids = CanonicalText.ListOf(value).Distinct(StringComparer.Ordinal).ToList();
        var unknown = ids.Where(id => !themes.IsKnown(id)).ToList();
        if (unknown.Count > 0)
        {
            // The ids are echoed back as they came, so each is shown as one bounded line.
            Fail(errors, field.Name, $"{field.Name} has ids that are not in the taxonomy: {string.Join(", ", unknown.Take(5).Select(id => DisplayText.SingleLine(id, MaxEchoedLength)))}.");
            return null;
        }

        if (ids.Count > field.MaxLength)
        {
            Fail(errors, field.Name, $"{field.Name} may name at most {field.MaxLength} themes.");
            return null;
        }

        return CanonicalText.Of([.. ids.Order(StringComparer.Ordinal)]);
    }

    private static string? Language(EnquiryField field, string? value, Dictionary<string, List<string>> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var match = LanguagePattern().Match(value.Trim());
        if (!match.Success)
        {
            Fail(errors, field.Name, $"{field.Name} must be an ISO 639-1 code such as da, en or zh.");
            return null;
        }

        return match.Groups["code"].Value.ToLowerInvariant();
    }

    private static void Fail(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        messages.Add(message);
    }

    // How much of a wrong value an error message repeats.
    private const int MaxEchoedLength = 40;

    [GeneratedRegex(@"^\+?(?=(?:\D*\d){6})[0-9 ()\-./]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    // "zh", "zh-CN", "zh_Hans": the two-letter language is what the product uses.
    [GeneratedRegex(@"^(?<code>[A-Za-z]{2})(?:[-_][A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();
}
