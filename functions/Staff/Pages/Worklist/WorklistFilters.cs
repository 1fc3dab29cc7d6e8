using Microsoft.AspNetCore.Http;

namespace OnePointEntry.Functions.Staff.Pages.Worklist;

/// <summary>The worklist's filters as typed into the page (kept as they were, also when they cannot be used), for the filter form and the links.</summary>
public sealed record WorklistFilters(string State, string Search, string Screener, string Country, string Theme, string Month, string Page)
{
    public static WorklistFilters From(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string Read(string name) => query[name].ToString().Trim();
        return new(Read("state"), Read("q"), Read("screener"), Read("country"), Read("theme"), Read("month"), Read("page"));
    }

    /// <summary>The worklist's address with these filters, the state and page changed as given.</summary>
    public string Link(string language, string? state, int? page = null) =>
        WorkspacePaths.With(
            WorkspacePaths.Worklist,
            language,
            ("state", state),
            ("q", Search),
            ("screener", Screener),
            ("country", Country),
            ("theme", Theme),
            ("month", Month),
            ("page", page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null));

    /// <summary>The worklist's address with these filters, without the language (for the language links).</summary>
    public string Here() =>
        WorkspacePaths.Worklist + QueryString.Create(new (string Name, string Value)[]
        {
            ("state", State), ("q", Search), ("screener", Screener), ("country", Country), ("theme", Theme), ("month", Month), ("page", Page),
        }.Where(parameter => parameter.Value.Length > 0).Select(parameter => new KeyValuePair<string, string?>(parameter.Name, parameter.Value))).ToUriComponent();
}
