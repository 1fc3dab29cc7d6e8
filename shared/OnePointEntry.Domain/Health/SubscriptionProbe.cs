using OnePointEntry.Mail;

namespace OnePointEntry.Health;

/// <summary>
/// Whether the shared mailbox's change-notification subscription is alive (its expiry, as the
/// <c>KeepMailbox</c> timer last saved it, is still ahead): without it, mail arrives only with the delta
/// catch-up every 15 minutes.
/// </summary>
public sealed class SubscriptionProbe(IMailboxStateStore state, TimeProvider time) : IHealthProbe
{
    public string Name => "subscription";

    public bool Essential => false;

    public async Task<ProbeResult> CheckAsync(CancellationToken cancellationToken)
    {
        var mailbox = await state.ReadAsync(cancellationToken);
        var data = new Dictionary<string, object?> { ["subscriptionId"] = mailbox.SubscriptionId, ["expiresAt"] = mailbox.SubscriptionExpiresAt };
        return mailbox switch
        {
            { SubscriptionId: null } => new ProbeResult(HealthState.Unhealthy, "No subscription yet: KeepMailbox has not created one.", data),
            { SubscriptionExpiresAt: { } expiry } when expiry > time.GetUtcNow() => new ProbeResult(HealthState.Healthy, "The subscription is alive.", data),
            _ => new ProbeResult(HealthState.Unhealthy, "The subscription has expired: KeepMailbox has not renewed it.", data),
        };
    }
}
