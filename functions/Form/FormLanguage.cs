using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace OnePointEntry.Functions.Form;

/// <summary>
/// The languages the web form speaks (Danish, English, Simplified Chinese) and how one is chosen: an explicit
/// choice (<c>?lang=</c> or the form's <c>language</c> field) wins, else the browser's Accept-Language by its
/// q-values, else English.
/// </summary>
public static class FormLanguage
{
    public const string Danish = "da";
    public const string English = "en";
    public const string Chinese = "zh";

    public static IReadOnlyList<string> All { get; } = [Danish, English, Chinese];

    /// <summary>The page's language from an explicit choice, then the Accept-Language header.</summary>
    public static string Choose(string? requested, string? acceptLanguage) =>
        Normalise(requested) ?? FromAcceptLanguage(acceptLanguage) ?? English;

    /// <summary>
    /// One of <see cref="All"/> for a language tag that means it ("zh-CN", "zh_Hans", "DA"), else null. A
    /// traditional-script or Taiwanese/Hong Kong tag still means Chinese: the page is simplified, which
    /// those readers read better than the alternatives.
    /// </summary>
    public static string? Normalise(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var primary = tag.Trim().Split('-', '_')[0].ToLowerInvariant();
        return All.FirstOrDefault(language => language == primary);
    }

    /// <summary>The value of <c>&lt;html lang&gt;</c>: Chinese is marked as written in the simplified script.</summary>
    public static string HtmlTag(string language) => language == Chinese ? "zh-Hans" : language;

    /// <summary>The culture whose collation sorts lists in the page (Chinese by pinyin, Danish with Æ Ø Å last).</summary>
    public static CultureInfo Culture(string language) => language switch
    {
        Danish => CultureInfo.GetCultureInfo("da-DK"),
        Chinese => CultureInfo.GetCultureInfo("zh-CN"),
        _ => CultureInfo.GetCultureInfo("en-GB"),
    };

    private static string? FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || !StringWithQualityHeaderValue.TryParseList([header], out var ranges))
        {
            return null;
        }

        // Highest q first; among equals the order the browser gave. A q of 0 means "not this one".
        return ranges
            .Select((range, index) => (Language: Normalise(range.Value.Value), Quality: range.Quality ?? 1.0, Index: index))
            .Where(range => range.Language is not null && range.Quality > 0)
            .OrderByDescending(range => range.Quality)
            .ThenBy(range => range.Index)
            .Select(range => range.Language)
            .FirstOrDefault();
    }
}
