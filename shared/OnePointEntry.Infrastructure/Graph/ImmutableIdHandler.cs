namespace OnePointEntry.Infrastructure.Graph;

/// <summary>
/// Asks Outlook for immutable ids on every Graph request (<c>Prefer: IdType="ImmutableId"</c>). A message's
/// default id changes when it is moved, so the id a notification or the delta query queued would no longer
/// find the message once another delivery had filed it into "Processed"; an immutable id stays the same for
/// the message's life in the mailbox. Subscriptions created with the header also notify with immutable ids.
/// </summary>
internal sealed class ImmutableIdHandler : DelegatingHandler
{
    internal const string PreferImmutableId = "IdType=\"ImmutableId\"";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.TryGetValues("Prefer", out var values) || !values.Contains(PreferImmutableId, StringComparer.OrdinalIgnoreCase))
        {
            request.Headers.TryAddWithoutValidation("Prefer", PreferImmutableId);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
