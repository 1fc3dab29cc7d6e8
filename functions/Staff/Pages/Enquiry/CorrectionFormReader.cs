using Microsoft.Extensions.Primitives;
using OnePointEntry.Enquiries.Fields;

namespace OnePointEntry.Functions.Staff.Pages.Enquiry;

/// <summary>
/// Reads the facts editor's post: for each correctable field the page wrote (known by its hidden <c>was.{field}</c>,
/// the value it showed), the value now in the form. Only a value that differs from what the page showed is a
/// correction, so a field someone else changed meanwhile is not written back by a person who never touched it.
/// </summary>
public static class CorrectionFormReader
{
    public const string VersionField = "version";
    public const string WasPrefix = "was.";

    public static CorrectionPost Read(IReadOnlyDictionary<string, StringValues> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        var was = new Dictionary<string, string>(StringComparer.Ordinal);
        var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in EnquiryFields.Correctable)
        {
            if (!form.TryGetValue(WasPrefix + field.Name, out var shown))
            {
                continue;
            }

            var before = Canonical(field, shown.ToArray());
            // Unticking every theme sends no "themes" at all: no value is then an empty list.
            var now = Canonical(field, form.TryGetValue(field.Name, out var values) ? values.ToArray() : []);
            typed[field.Name] = now;
            was[field.Name] = before;
            if (!string.Equals(before, now, StringComparison.Ordinal))
            {
                changes[field.Name] = now;
            }
        }

        var version = PostedForm.One(form, VersionField);
        return new CorrectionPost(version.Length == 0 ? null : version, typed, was, changes);
    }

    private static string Canonical(EnquiryField field, string?[] values)
    {
        if (field.Kind != EnquiryFieldKind.Themes)
        {
            return (values.FirstOrDefault() ?? string.Empty).Trim();
        }

        return string.Join(
            EnquiryFieldValues.ListSeparator,
            values.SelectMany(value => (value ?? string.Empty).Split(EnquiryFieldValues.ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(id => id.ToLowerInvariant())
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal));
    }
}
