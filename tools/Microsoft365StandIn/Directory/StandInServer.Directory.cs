using Microsoft365StandIn.Directory;

namespace Microsoft365StandIn;

/// <summary>The tenant's directory, for tests.</summary>
public sealed partial class StandInServer
{
    /// <summary>Every user of the directory: the shared mailbox and the staff.</summary>
    public IReadOnlyList<DirectoryUser> Users => Locked(() => (IReadOnlyList<DirectoryUser>)[.. _state.Data.Users]);

    /// <summary>
    /// Adds a user with this address (UPN and mail), its object id given or derived from the address, and a display
    /// name (the address's local part when none); returns the object id. An address already there keeps its user.
    /// </summary>
    public string AddUser(string mail, string? id = null, string? displayName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mail);
        return Locked(() =>
        {
            if (_state.FindUser(mail) is { } known)
            {
                return known.Id;
            }

            var user = new DirectoryUser(id ?? State.Ids.ObjectIdFor(mail), displayName ?? mail.Split('@')[0], mail, mail);
            AddUser(_state, user);
            return user.Id;
        });
    }
}
