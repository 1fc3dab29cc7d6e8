using System.Globalization;
using Microsoft.AspNetCore.Http;
using OnePointEntry.Functions.Form;

namespace OnePointEntry.Functions.Staff.Pages;

/// <summary>
/// The languages the workspace speaks (Danish and English) and how one is chosen: <c>?lang=</c>, else the
/// browser's Accept-Language (read as the web form reads it), else English. Anything but Danish is English.
/// </summary>
public static class WorkspaceLanguage
{
    public const string Danish = FormLanguage.Danish;
    public const string English = FormLanguage.English;

    public static IReadOnlyList<string> All { get; } = [Danish, English];

    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Choose(request.Query["lang"].FirstOrDefault(), request.Headers.AcceptLanguage.ToString());
    }

    public static string Choose(string? requested, string? acceptLanguage)
    {
        var explicitChoice = FormLanguage.Normalise(requested);
        var language = explicitChoice is Danish or English ? explicitChoice : FormLanguage.Choose(null, acceptLanguage);
        return language == Danish ? Danish : English;
    }

    /// <summary>The culture whose collation sorts the page's lists (Danish with Æ Ø Å last).</summary>
    public static CultureInfo Culture(string language) => FormLanguage.Culture(language);
}
