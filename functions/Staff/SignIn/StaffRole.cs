namespace OnePointEntry.Functions.Staff.SignIn;

/// <summary>
/// The app roles of the Entra ID registration (their values, as they arrive in the principal's <c>roles</c> claims).
/// A team lead may do all that staff may, and also reassign screeners and erase personal data.
/// </summary>
public enum StaffRole
{
    Staff,
    TeamLead,
}
