using Microsoft.Graph;
using Microsoft.Graph.Authentication;

namespace Microsoft365StandIn.Tests.Support;

/// <summary>The real Graph SDK against a stand-in, with a token from its token endpoint and the SDK's default handlers (retry included).</summary>
internal static class GraphClients
{
    public const string Scope = "https://graph.microsoft.com/.default";

    public static GraphServiceClient For(StandInServer server, bool immutableIds = true, StandInTokenCredential? credential = null)
    {
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        if (immutableIds)
        {
            handlers.Add(new PreferImmutableIds());
        }

        var authentication = new AzureIdentityAuthenticationProvider(credential ?? server.CreateCredential(), [server.BaseUrl.Host], observabilityOptions: null, isCaeEnabled: false, scopes: [Scope]);
        return new GraphServiceClient(GraphClientFactory.Create(handlers), authentication, server.GraphBaseUrl.AbsoluteUri);
    }

    /// <summary>A plain client for the stand-in's root, with a valid bearer token unless told otherwise.</summary>
    public static HttpClient Raw(StandInServer server, bool withToken = true)
    {
        var client = new HttpClient { BaseAddress = server.BaseUrl };
        if (withToken)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", server.IssueToken());
        }

        return client;
    }

    private sealed class PreferImmutableIds : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.TryAddWithoutValidation("Prefer", "IdType=\"ImmutableId\"");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
