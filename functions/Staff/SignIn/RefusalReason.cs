namespace OnePointEntry.Functions.Staff.SignIn;

public enum RefusalReason
{
    /// <summary>The app is not behind App Service Authentication: nobody can sign in.</summary>
    SignInUnavailable,

    /// <summary>Signed in, but without the Staff role.</summary>
    StaffRequired,

    /// <summary>Signed in, but the action is a team lead's.</summary>
    TeamLeadRequired,
}
