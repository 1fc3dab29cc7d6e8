using System.Globalization;

namespace OnePointEntry.Enquiries.Fields;

/// <summary>
/// The one way each kind of value is written as text: a day as <c>yyyy-MM-dd</c>, a number in invariant digits, a
/// list as its items joined by commas (theme ids never hold one). Corrections are stored in it, and the records'
/// <see cref="FieldAccessor{T}"/>s speak it.
/// </summary>
public static class CanonicalText
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string ListSeparator = ",";

    public static string? Of(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static string? Of(int? number) => number?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The items joined; null for none, as an empty list is no value.</summary>
    public static string? Of(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items.Count == 0 ? null : string.Join(ListSeparator, items);
    }

    public static DateOnly? DateOf(string? text) =>
        string.IsNullOrEmpty(text) ? null : DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    public static int? NumberOf(string? text) =>
        string.IsNullOrEmpty(text) ? null : int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The items of a list, trimmed, without empty ones.</summary>
    public static IReadOnlyList<string> ListOf(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
