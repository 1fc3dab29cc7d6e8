using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using OnePointEntry.Functions.Http;
using OnePointEntry.Text;
using OnePointEntry.Workspace;

namespace OnePointEntry.Functions.Staff.Worklist;

/// <summary>
/// Reads the worklist's filters from the query string: <c>state</c> (a <see cref="WorkState"/> name), <c>q</c>,
/// <c>screener</c>, <c>country</c> (ISO code), <c>theme</c> (taxonomy id), <c>month</c> (<c>yyyy-MM</c>) and
/// <c>page</c>. An empty parameter is no filter; a malformed one is a <c>400</c> naming it.
/// </summary>
public static partial class WorklistQueryReader
{
    public const int MaxText = 200;

    public static (WorklistQuery? Query, JsonResponse? Problem) Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? Text(string name)
        {
            var value = query[name].ToString().Trim();
            if (value.Length == 0)
            {
                return null;
            }

            if (FieldText.Problem(name, value, MaxText, TextKind.SingleLine) is { } problem)
            {
                errors[name] = [problem];
                return null;
            }

            return value;
        }

        WorkState? state = null;
        if (Text("state") is { } stateText)
        {
            if (Enum.TryParse<WorkState>(stateText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(stateText[0]))
            {
                state = parsed;
            }
            else
            {
                errors["state"] = [$"state must be one of: {string.Join(", ", Enum.GetNames<WorkState>())}."];
            }
        }

        var country = Text("country");
        if (country is not null && !CountryCode().IsMatch(country))
        {
            errors["country"] = ["country must be an ISO 3166-1 alpha-2 code, such as CN or SE."];
        }

        var month = Text("month");
        if (month is not null && !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors["month"] = ["month must be written yyyy-MM, such as 2026-11."];
        }

        var page = 1;
        if (Text("page") is { } pageText && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
        {
            errors["page"] = ["page must be a whole number from 1."];
        }

        var search = Text("q");
        var screener = Text("screener");
        var theme = Text("theme");
        return errors.Count > 0
            ? (null, Problems.InvalidWorklistQuery(errors))
            : (new WorklistQuery(state, search, screener, country?.ToUpperInvariant(), theme?.ToLowerInvariant(), month, page), null);
    }

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex CountryCode();
}
