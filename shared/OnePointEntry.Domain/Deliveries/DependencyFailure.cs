namespace OnePointEntry.Deliveries;

/// <summary>What went wrong when a channel was asked to deliver, as far as it matters for trying again.</summary>
/// <param name="Dependency">Who failed, in an operator's words: <c>Microsoft Graph</c>, <c>Teams</c>, <c>Azure Communication Services</c>, <c>storage</c>.</param>
/// <param name="RetryAfter">How long the service asked to be left alone (429/503 Retry-After), if it said.</param>
/// <param name="Permanent">True when trying again cannot help (the request itself was refused: 400, 403, 404).</param>
public sealed record DependencyFailure(string Dependency, TimeSpan? RetryAfter, bool Permanent);
