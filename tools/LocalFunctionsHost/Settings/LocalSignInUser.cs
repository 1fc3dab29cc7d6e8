using System.Text.RegularExpressions;

namespace LocalFunctionsHost.Settings;

/// <summary>
/// The one user that <c>--local-sign-in</c> signs in, the way App Service Authentication would
/// after a Microsoft Entra ID sign-in.
/// </summary>
internal sealed partial class LocalSignInUser
{
    public static readonly IReadOnlyList<string> DefaultRoles = ["Staff", "TeamLead"];

    private LocalSignInUser(string email, string displayName, IReadOnlyList<string> roles)
    {
        Email = email;
        DisplayName = displayName;
        Roles = roles;
    }

    /// <summary>The user's e-mail, which Entra ID gives as <c>preferred_username</c>.</summary>
    public string Email { get; }

    public string DisplayName { get; }

    /// <summary>App role values, as Entra ID puts them in <c>roles</c> claims.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>Checks the options' values; throws <see cref="ArgumentException"/> with a message meant for the user.</summary>
    /// <param name="email">The value of <c>--local-sign-in</c>.</param>
    /// <param name="displayName">The value of <c>--local-sign-in-name</c>; null for the e-mail.</param>
    /// <param name="roles">The value of <c>--local-sign-in-roles</c>, comma-separated; null for <see cref="DefaultRoles"/>.</param>
    public static LocalSignInUser Create(string email, string? displayName, string? roles)
    {
        ArgumentNullException.ThrowIfNull(email);
        // ASCII only: the e-mail travels in the X-MS-CLIENT-PRINCIPAL-NAME header.
        if (!EmailPattern().IsMatch(email))
        {
            throw new ArgumentException($"--local-sign-in needs an e-mail address such as ada@example.com, not '{email}'.");
        }

        if (displayName is not null && (string.IsNullOrWhiteSpace(displayName) || displayName.Any(char.IsControl)))
        {
            throw new ArgumentException("--local-sign-in-name must not be empty or contain control characters.");
        }

        return new LocalSignInUser(email, displayName?.Trim() ?? email, roles is null ? DefaultRoles : ParseRoles(roles));
    }

    private static List<string> ParseRoles(string text)
    {
        var roles = new List<string>();
        foreach (var part in text.Split(','))
        {
            var role = part.Trim();
            if (role.Length == 0 || !role.All(char.IsAsciiLetter))
            {
                throw new ArgumentException(
                    $"--local-sign-in-roles must be a comma-separated list of role names made of letters (e.g. Staff,TeamLead), not '{text}'.");
            }

            if (!roles.Contains(role, StringComparer.Ordinal))
            {
                roles.Add(role);
            }
        }

        return roles;
    }

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$")]
    private static partial Regex EmailPattern();
}
