using System.Globalization;
using System.Text.RegularExpressions;
using OnePointEntry.Geography;
using OnePointEntry.Text;
using OnePointEntry.Themes;

namespace OnePointEntry.Enquiries;

/// <summary>Checks a submitted enquiry form field by field and turns it into an <see cref="EnquirySubmission"/>.</summary>
public sealed partial class EnquiryFormValidator(CountryDirectory countries, ThemeTaxonomy themes)
{
    public EnquiryFormValidation Validate(EnquiryForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Fail(string field, string message)
        {
            if (!errors.TryGetValue(field, out var messages))
            {
                errors[field] = messages = [];
            }

            messages.Add(message);
        }

        foreach (var (field, problem) in form.Unreadable)
        {
            Fail(field, problem);
        }

        string? Text(string field, string? value, int maxLength, bool required, TextKind kind = TextKind.SingleLine)
        {
            if (value is not null && InputText.FindRefused(value, kind) is { } refused)
            {
                Fail(field, kind == TextKind.SingleLine
                    ? $"{field} must be one line of visible text; it holds {refused} (control characters, line breaks and invisible or direction-changing characters are refused)."
                    : $"{field} holds {refused}; control characters and direction-changing characters are refused (line breaks and tabs are fine).");
                return null;
            }

            var text = string.IsNullOrWhiteSpace(value) ? null : InputText.Normalise(kind == TextKind.MultiLine ? value.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() : value.Trim());
            if (text is null)
            {
                if (required && !errors.ContainsKey(field))
                {
                    Fail(field, $"{field} is required.");
                }

                return null;
            }

            if (text.Length > maxLength)
            {
                Fail(field, $"{field} must be at most {maxLength} characters; it has {text.Length}.");
                return null;
            }

            return text;
        }

        var organisation = Text(EnquiryFormFields.Organisation, form.Organisation, EnquiryFieldLimits.Organisation, required: true);
        var country = Text(EnquiryFormFields.Country, form.Country, EnquiryFieldLimits.Country, required: true);
        if (country is not null && countries.Find(country) is null)
        {
            Fail(EnquiryFormFields.Country, "country is not a country we know: give its ISO 3166-1 code (e.g. CN) or its name in English, Danish or Chinese.");
        }

        var city = Text(EnquiryFormFields.City, form.City, EnquiryFieldLimits.City, required: false);
        var contactName = Text(EnquiryFormFields.ContactName, form.ContactName, EnquiryFieldLimits.ContactName, required: false);
        var contactEmail = Text(EnquiryFormFields.ContactEmail, form.ContactEmail, EnquiryFieldLimits.ContactEmail, required: true);
        if (contactEmail is not null && !EmailAddresses.IsValid(contactEmail))
        {
            Fail(EnquiryFormFields.ContactEmail, "contactEmail is not a valid e-mail address.");
        }

        var phone = Text(EnquiryFormFields.Phone, form.Phone, EnquiryFieldLimits.Phone, required: false);
        if (phone is not null && !PhonePattern().IsMatch(phone))
        {
            Fail(EnquiryFormFields.Phone, "phone may hold only digits, spaces, a leading + and ( ) - . /, with at least 6 digits.");
        }

        int? delegationSize = null;
        var sizeText = string.IsNullOrWhiteSpace(form.DelegationSize) ? null : form.DelegationSize.Trim();
        if (sizeText is not null)
        {
            if (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                Fail(EnquiryFormFields.DelegationSize, "delegationSize must be a whole number of people.");
            }
            else if (size is < EnquiryFieldLimits.MinDelegationSize or > EnquiryFieldLimits.MaxDelegationSize)
            {
                Fail(EnquiryFormFields.DelegationSize, $"delegationSize must be between {EnquiryFieldLimits.MinDelegationSize} and {EnquiryFieldLimits.MaxDelegationSize}.");
            }
            else
            {
                delegationSize = size;
            }
        }

        var arrival = Date(EnquiryFormFields.ArrivalDate, form.ArrivalDate, Fail);
        var departure = Date(EnquiryFormFields.DepartureDate, form.DepartureDate, Fail);
        if (arrival is not null && departure is not null && departure < arrival)
        {
            Fail(EnquiryFormFields.DepartureDate, "departureDate must not be before arrivalDate.");
        }

        var purpose = Text(EnquiryFormFields.Purpose, form.Purpose, EnquiryFieldLimits.Purpose, required: true, TextKind.MultiLine);
        var themeIds = form.Themes.Select(id => id.Trim()).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var unknownThemes = themeIds.Where(id => !themes.IsKnown(id)).ToList();
        if (unknownThemes.Count > 0)
        {
            // The ids are echoed back as they came, so each is shown as one bounded line.
            Fail(EnquiryFormFields.Themes, $"themes has ids that are not in the taxonomy: {string.Join(", ", unknownThemes.Take(5).Select(id => DisplayText.SingleLine(id, MaxEchoedLength)))}.");
        }
        else if (themeIds.Count > EnquiryFieldLimits.Themes)
        {
            Fail(EnquiryFormFields.Themes, $"themes may name at most {EnquiryFieldLimits.Themes} themes.");
        }

        var referredBy = Text(EnquiryFormFields.ReferredBy, form.ReferredBy, EnquiryFieldLimits.ReferredBy, required: false);
        var language = string.IsNullOrWhiteSpace(form.Language) ? null : form.Language.Trim();
        if (language is not null)
        {
            var match = LanguagePattern().Match(language);
            if (match.Success)
            {
                language = match.Groups["code"].Value.ToLowerInvariant();
            }
            else
            {
                Fail(EnquiryFormFields.Language, "language must be an ISO 639-1 code such as da, en or zh.");
                language = null;
            }
        }

        if (errors.Count > 0)
        {
            return EnquiryFormValidation.Invalid(errors.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal));
        }

        return EnquiryFormValidation.Valid(new EnquirySubmission
        {
            Organisation = organisation!,
            Country = country!,
            City = city,
            ContactName = contactName,
            ContactEmail = contactEmail!,
            Phone = phone,
            DelegationSize = delegationSize,
            ArrivalDate = arrival,
            DepartureDate = departure,
            Purpose = purpose!,
            Themes = themeIds.Order(StringComparer.Ordinal).ToList(),
            ReferredBy = referredBy,
            Language = language,
        });
    }

    private static DateOnly? Date(string field, string? value, Action<string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        fail(field, $"{field} must be a date written as YYYY-MM-DD.");
        return null;
    }

    // How much of a wrong value an error message repeats.
    private const int MaxEchoedLength = 40;

    [GeneratedRegex(@"^\+?(?=(?:\D*\d){6})[0-9 ()\-./]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    // "zh", "zh-CN", "zh_Hans": the two-letter language is what the product uses.
    [GeneratedRegex(@"^(?<code>[A-Za-z]{2})(?:[-_][A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();
}
