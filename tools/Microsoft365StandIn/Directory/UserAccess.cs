using Microsoft365StandIn.Graph;
using Microsoft365StandIn.State;

namespace Microsoft365StandIn.Directory;

/// <summary>
/// How Graph answers for the user segment of <c>/users/{user}/...</c> routes: an unknown user is
/// <c>404 ErrorInvalidUser</c>; the app's access (an Exchange application access policy, as README says) reaches
/// mail only in the shared mailbox, so the mail routes of another user are <c>403 ErrorAccessDenied</c>.
/// </summary>
internal static class UserAccess
{
    public static GraphResponse? Unknown(StandInState state, string key, out DirectoryUser user)
    {
        user = state.FindUser(key)!;
        return user is null ? GraphResponse.Error(404, "ErrorInvalidUser", $"The requested user '{key}' is invalid.") : null;
    }

    public static GraphResponse? NotTheMailbox(StandInState state, string key)
    {
        if (Unknown(state, key, out var user) is { } unknown)
        {
            return unknown;
        }

        return state.IsMailbox(user) ? null : GraphResponse.Error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
    }
}
