using Azure.Core;

namespace OnePointEntry.Testing;

/// <summary>The app's credential in tests: a fixed token, and the scopes it was asked for.</summary>
public sealed class TestTokenCredential : TokenCredential
{
    public const string Token = "test-access-token";

    private readonly List<string> _scopes = [];
    private readonly Lock _lock = new();

    public IReadOnlyList<string> RequestedScopes
    {
        get
        {
            lock (_lock)
            {
                return [.. _scopes];
            }
        }
    }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _scopes.AddRange(requestContext.Scopes);
        }

        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
