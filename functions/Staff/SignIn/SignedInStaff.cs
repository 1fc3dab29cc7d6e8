namespace OnePointEntry.Functions.Staff.SignIn;

/// <summary>A member of staff as App Service Authentication vouches for them.</summary>
/// <param name="Name">Who, as written in the audit: the sign-in name (normally the work e-mail address).</param>
/// <param name="DisplayName">The person's name for the page's greeting, or the sign-in name.</param>
/// <param name="Roles">The app roles Entra ID assigned to them.</param>
public sealed record SignedInStaff(string Name, string DisplayName, IReadOnlySet<StaffRole> Roles)
{
    public bool Holds(StaffRole role) =>
        Roles.Contains(role) || (role == StaffRole.Staff && Roles.Contains(StaffRole.TeamLead));
}
