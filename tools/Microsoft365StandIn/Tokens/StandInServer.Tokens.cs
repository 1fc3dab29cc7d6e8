namespace Microsoft365StandIn;

/// <summary>Tokens, for tests.</summary>
public sealed partial class StandInServer
{
    /// <summary>A token the stand-in accepts, as its token endpoint would issue it.</summary>
    public string IssueToken(string clientId = StandInTokenCredential.DefaultClientId, string scope = "https://graph.microsoft.com/.default", TimeSpan? lifetime = null) =>
        _services.Tokens.Issue(clientId, scope, lifetime);

    /// <summary>A credential that gets its tokens from this stand-in's token endpoint.</summary>
    public StandInTokenCredential CreateCredential(string clientId = StandInTokenCredential.DefaultClientId) => new(TokenEndpoint, clientId);
}
