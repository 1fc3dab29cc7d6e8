namespace Microsoft365StandIn.Subscriptions;

/// <summary>The end of a validation handshake: null <see cref="Failure"/> when the endpoint echoed the token in time.</summary>
internal sealed record ValidationOutcome(string? Failure)
{
    public static ValidationOutcome Passed { get; } = new(Failure: null);
}
