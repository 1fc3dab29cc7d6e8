namespace OnePointEntry.Functions.Staff.SignIn;

/// <summary>Why a request may not act as staff.</summary>
public enum RefusalReason
{
    /// <summary>The app is not behind App Service Authentication: nobody can sign in.</summary>
    SignInUnavailable,

    /// <summary>Nobody is signed in (the platform vouches for no one).</summary>
    NotSignedIn,

    /// <summary>Signed in, but without the Staff role.</summary>
    StaffRequired,

    /// <summary>Signed in, but the action is a team lead's.</summary>
    TeamLeadRequired,
}
