namespace Microsoft365StandIn.Tokens;

/// <summary>The service a token must be meant for, as its <c>aud</c> claim says.</summary>
internal enum TokenAudience
{
    /// <summary>Microsoft Graph: its resource URI or app id, or the stand-in's own loopback address (the app asks for a token for <c>Graph__BaseUrl</c>'s origin).</summary>
    Graph,

    /// <summary>Azure Communication Services: <c>https://communication.azure.com</c>.</summary>
    CommunicationServices,
}
