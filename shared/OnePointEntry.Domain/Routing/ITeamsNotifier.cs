namespace OnePointEntry.Routing;

/// <summary>
/// The team's Teams channel, through its Workflows webhook: app-only Microsoft Graph cannot post to channels.
/// </summary>
public interface ITeamsNotifier
{
    Task PostAsync(TeamsCard card, CancellationToken cancellationToken);
}
