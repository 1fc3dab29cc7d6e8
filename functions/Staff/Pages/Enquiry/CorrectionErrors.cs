using System.Globalization;
using OnePointEntry.Enquiries.Fields;

namespace OnePointEntry.Functions.Staff.Pages.Enquiry;

/// <summary>
/// The corrections' problems (one English sentence per field, from <see cref="EnquiryFieldValues"/>) as the page
/// says them: in its language, by what the field holds, each linked to its field.
/// </summary>
public static class CorrectionErrors
{
    public static IReadOnlyList<PageError> Translate(IReadOnlyDictionary<string, string> problems, IReadOnlyDictionary<string, string> typed, WorkspaceText text)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(text);
        var errors = new List<PageError>();
        foreach (var field in EnquiryFields.Correctable)
        {
            if (!problems.ContainsKey(field.Name))
            {
                continue;
            }

            var value = typed.TryGetValue(field.Name, out var typedValue) ? typedValue : string.Empty;
            var message = field switch
            {
                _ when field == EnquiryFields.Organisation && value.Length == 0 => text["error.organisationRequired"],
                // A departure that is a date and still refused is before the arrival.
                _ when field == EnquiryFields.DepartureDate && DateOnly.TryParseExact(value, EnquiryFieldValues.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _) => text["error.departureBeforeArrival"],
                _ => text.Format($"error.{field.Kind}", ("max", field.MaxLength)),
            };
            errors.Add(new PageError(FactsEditorRenderer.IdOf(field.Name), WorkspaceChoices.Label(field.Name, text.Language), message));
        }

        errors.AddRange(problems.Keys
            .Where(name => EnquiryFields.Find(name) is null)
            .Select(name => new PageError("facts-title", name, text["error.unknownField"])));
        return errors;
    }
}
