using System.Collections.Concurrent;
using Microsoft.Graph;

namespace OnePointEntry.Infrastructure.Routing;

/// <summary>
/// A screener is known by Graph user id or user principal name (<c>StaffId</c>), but getSchedule needs an SMTP
/// address and a Planner assignment needs the user's object id. When the one given is not the one needed, the
/// other is read once (<c>GET users/{key}?$select=id,mail,userPrincipalName</c>) and kept for the process's life.
/// </summary>
public sealed class GraphUserDirectory(GraphServiceClient graph)
{
    private readonly ConcurrentDictionary<string, GraphUser> _users = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The user's SMTP address: the key itself when it is one.</summary>
    public async Task<string> AddressOfAsync(string staffId, CancellationToken cancellationToken) =>
        staffId.Contains('@', StringComparison.Ordinal) ? staffId : (await LookUpAsync(staffId, cancellationToken)).Address;

    /// <summary>The user's object id: the key itself when it is a GUID.</summary>
    public async Task<string> ObjectIdOfAsync(string staffId, CancellationToken cancellationToken) =>
        Guid.TryParse(staffId, out var id) ? id.ToString() : (await LookUpAsync(staffId, cancellationToken)).Id;

    private async Task<GraphUser> LookUpAsync(string staffId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        if (_users.TryGetValue(staffId, out var known))
        {
            return known;
        }

        var user = await graph.Users[staffId].GetAsync(request => request.QueryParameters.Select = ["id", "mail", "userPrincipalName"], cancellationToken)
            ?? throw new InvalidOperationException($"Graph answered the look-up of user {staffId} with an empty body.");
        var found = new GraphUser(
            user.Id ?? throw new InvalidOperationException($"Graph returned user {staffId} without an id."),
            user.Mail ?? user.UserPrincipalName ?? throw new InvalidOperationException($"User {staffId} has neither a mail address nor a user principal name."));
        _users[staffId] = found;
        return found;
    }

    private sealed record GraphUser(string Id, string Address);
}
