using System.Text.RegularExpressions;
using OnePointEntry.Themes;

namespace OnePointEntry.Directories;

/// <summary>
/// What a staff member or partner must be before it is stored: the rules the <c>seed</c> command checks
/// every entry against, in one place so any other way in (an admin endpoint later) checks the same.
/// </summary>
public static partial class DirectoryRules
{
    public const int MaxIdLength = 200;

    /// <summary>Every problem with <paramref name="member"/>; empty when it can be stored.</summary>
    public static IReadOnlyList<DirectoryProblem> Check(StaffMember member, ThemeTaxonomy? taxonomy = null)
    {
        ArgumentNullException.ThrowIfNull(member);
        var problems = new List<DirectoryProblem>();
        if (string.IsNullOrWhiteSpace(member.Id))
        {
            problems.Add(new("id", "id is required (the person's user principal name or Microsoft Graph user id)"));
        }
        else if (!IsUserId(member.Id))
        {
            problems.Add(new("id", $"id '{member.Id}' is neither a user principal name (name@domain) nor a Microsoft Graph user id (a GUID)"));
        }

        RequireText(problems, "name", member.Name);
        CheckLanguages(problems, member.Languages);
        CheckThemes(problems, member.Themes, taxonomy ?? ThemeTaxonomy.Default, required: false);
        if (member.WeeklyScreeningCapacity < 0)
        {
            problems.Add(new("weeklyScreeningCapacity", $"weeklyScreeningCapacity {member.WeeklyScreeningCapacity} is negative (0 or more screenings a week)"));
        }

        return problems;
    }

    /// <summary>Every problem with <paramref name="partner"/>; empty when it can be stored.</summary>
    public static IReadOnlyList<DirectoryProblem> Check(Partner partner, ThemeTaxonomy? taxonomy = null, KnownMunicipalities? municipalities = null)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var problems = new List<DirectoryProblem>();
        if (string.IsNullOrWhiteSpace(partner.Id))
        {
            problems.Add(new("id", "id is required (a slug such as glostrup-kommune)"));
        }
        else if (partner.Id.Length > MaxIdLength || !Slug().IsMatch(partner.Id))
        {
            problems.Add(new("id", $"id '{partner.Id}' is not a slug (lower-case letters and digits joined by single hyphens, e.g. glostrup-kommune)"));
        }

        RequireText(problems, "name", partner.Name);
        if (!Enum.IsDefined(partner.Kind))
        {
            problems.Add(new("kind", $"kind {(int)partner.Kind} is not one of {string.Join(", ", Enum.GetNames<PartnerKind>())}"));
        }

        if (partner.Municipality is not null)
        {
            CheckMunicipality(problems, partner.Municipality, municipalities ?? KnownMunicipalities.Default);
        }

        CheckThemes(problems, partner.Themes, taxonomy ?? ThemeTaxonomy.Default, required: true);
        CheckLanguages(problems, partner.Languages);
        if (partner.Contact is { } contact)
        {
            RequireText(problems, "contact.name", contact.Name);
            if (string.IsNullOrWhiteSpace(contact.Email))
            {
                problems.Add(new("contact.email", "contact.email is required"));
            }
            else if (!EmailAddresses.IsValid(contact.Email))
            {
                problems.Add(new("contact.email", $"contact.email '{contact.Email}' is not a valid e-mail address"));
            }

            if (contact.Phone is not null && !Phone().IsMatch(contact.Phone))
            {
                problems.Add(new("contact.phone", $"contact.phone '{contact.Phone}' is not a phone number (digits, spaces, '+', '-', at least 6 digits)"));
            }
        }

        for (var i = 0; i < partner.Aliases.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(partner.Aliases[i]))
            {
                problems.Add(new($"aliases[{i}]", "an alias is empty"));
            }
        }

        return problems;
    }

    /// <summary>An ISO 639-1 code as the app writes it: two lower-case letters (<c>zh</c>, <c>da</c>).</summary>
    public static bool IsLanguageCode(string? code) => code is { Length: 2 } && code.All(char.IsAsciiLetterLower);

    /// <summary>
    /// A user principal name or a Graph user id, usable as a table row key (none of <c>/ \ # ?</c> or
    /// control characters).
    /// </summary>
    public static bool IsUserId(string? id) =>
        id is not null && id.Length <= MaxIdLength && !id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c))
        && (Guid.TryParseExact(id, "D", out _) || EmailAddresses.IsValid(id));

    private static void RequireText(List<DirectoryProblem> problems, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(field, $"{field} is required"));
        }
    }

    private static void CheckLanguages(List<DirectoryProblem> problems, IReadOnlyList<string> languages)
    {
        if (languages.Count == 0)
        {
            problems.Add(new("languages", "languages is empty (at least one ISO 639-1 code, e.g. \"da\")"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < languages.Count; i++)
        {
            var code = languages[i];
            if (!IsLanguageCode(code))
            {
                problems.Add(new($"languages[{i}]", $"language '{code}' is not an ISO 639-1 code (two lower-case letters, e.g. \"zh\")"));
            }
            else if (!seen.Add(code))
            {
                problems.Add(new($"languages[{i}]", $"language '{code}' is listed twice"));
            }
        }
    }

    private static void CheckThemes(List<DirectoryProblem> problems, IReadOnlyList<string> themes, ThemeTaxonomy taxonomy, bool required)
    {
        if (required && themes.Count == 0)
        {
            problems.Add(new("themes", "themes is empty (a partner nobody can be matched with by theme is never suggested)"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < themes.Count; i++)
        {
            var theme = themes[i];
            if (!taxonomy.IsKnown(theme))
            {
                problems.Add(new($"themes[{i}]", $"theme '{theme}' is not in the theme taxonomy ({string.Join(", ", taxonomy.Themes.Select(known => known.Id))})"));
            }
            else if (!seen.Add(theme))
            {
                problems.Add(new($"themes[{i}]", $"theme '{theme}' is listed twice"));
            }
        }
    }

    private static void CheckMunicipality(List<DirectoryProblem> problems, string municipality, KnownMunicipalities municipalities)
    {
        if (municipalities.IsKnown(municipality))
        {
            return;
        }

        var suggestion = municipalities.Suggest(municipality);
        problems.Add(new("municipality", suggestion is null
            ? $"municipality '{municipality}' is not a Danish or Skåne municipality (the local name without \"Kommune\", e.g. \"Glostrup\")"
            : $"municipality '{municipality}' should be written '{suggestion}' (the local name without \"Kommune\")"));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();

    [GeneratedRegex(@"^\+?(?:[ ()-]*[0-9]){6,15}[ ()-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
