using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft365StandIn.Tests.Support;

namespace Microsoft365StandIn.Tests.Tokens;

/// <summary>Bearer tokens as Graph checks them, and the token endpoint the app's local credential uses.</summary>
public sealed class TokenTests : IAsyncLifetime
{
    private StandInServer _server = null!;

    public async Task InitializeAsync() => _server = await StandInServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_request_without_a_token_is_refused_as_Graph_refuses_it()
    {
        using var client = GraphClients.Raw(_server, withToken: false);
        client.DefaultRequestHeaders.Add("client-request-id", "my-request");

        using var response = await client.GetAsync($"v1.0/users/{_server.Mailbox}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("InvalidAuthenticationToken", error["code"]!.GetValue<string>());
        Assert.Equal("Access token is empty.", error["message"]!.GetValue<string>());
        Assert.Equal("my-request", error["innerError"]!["client-request-id"]!.GetValue<string>());
        Assert.Equal(response.Headers.GetValues("request-id").Single(), error["innerError"]!["request-id"]!.GetValue<string>());
        Assert.Equal("my-request", response.Headers.GetValues("client-request-id").Single());
        Assert.NotNull(error["innerError"]!["date"]);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("expired")]
    public async Task A_token_the_stand_in_did_not_issue_or_that_expired_is_refused(string kind)
    {
        var issued = _server.IssueToken();
        var token = kind == "forged" ? issued[..^4] + "AAAA" : _server.IssueToken(lifetime: TimeSpan.FromSeconds(-1));
        using var client = GraphClients.Raw(_server, withToken: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync($"v1.0/users/{_server.Mailbox}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal(("InvalidAuthenticationToken", "Access token validation failure."), (error["code"]!.GetValue<string>(), error["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_token_for_another_service_is_refused_as_Graph_refuses_an_invalid_audience()
    {
        using var client = GraphClients.Raw(_server, withToken: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _server.IssueToken(scope: "https://communication.azure.com/.default"));

        using var response = await client.GetAsync($"v1.0/users/{_server.Mailbox}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal("InvalidAuthenticationToken", error["code"]!.GetValue<string>());
        Assert.Contains("Invalid audience", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/.default")]
    [InlineData("http://127.0.0.1:7072/.default")]
    public async Task A_token_for_Graph_or_for_the_stand_ins_own_address_is_accepted(string scope)
    {
        using var client = GraphClients.Raw(_server, withToken: false);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _server.IssueToken(scope: scope));

        using var response = await client.GetAsync($"v1.0/users/{_server.Mailbox}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_token_endpoint_issues_a_bearer_token_for_client_credentials_that_Graph_accepts()
    {
        using var client = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "ope-functions",
            ["scope"] = "https://graph.microsoft.com/.default",
        });

        using var response = await client.PostAsync(_server.TokenEndpoint, form);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", body["token_type"]!.GetValue<string>());
        Assert.Equal(3599, body["expires_in"]!.GetValue<int>());
        Assert.Equal(3599, body["ext_expires_in"]!.GetValue<int>());
        var user = await GraphClients.For(_server).Users[_server.Mailbox].GetAsync();
        Assert.Equal(_server.MailboxUserId, user!.Id);
    }

    [Theory]
    [InlineData("authorization_code", "https://graph.microsoft.com/.default", "unsupported_grant_type")]
    [InlineData("client_credentials", "https://graph.microsoft.com/Mail.Read", "invalid_scope")]
    [InlineData("client_credentials", "", "invalid_request")]
    public async Task The_token_endpoint_refuses_what_Entra_refuses(string grantType, string scope, string error)
    {
        using var client = new HttpClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = grantType, ["client_id"] = "ope", ["scope"] = scope });

        using var response = await client.PostAsync(_server.TokenEndpoint, form);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, body["error"]!.GetValue<string>());
        Assert.StartsWith("AADSTS", body["error_description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotEmpty(body["error_codes"]!.AsArray());
    }

    [Fact]
    public async Task A_token_from_the_tenant_path_of_the_endpoint_works_for_Graph_and_a_missing_one_is_an_ODataError_for_the_SDK()
    {
        var tenantEndpoint = new Uri(_server.BaseUrl, "7f3c9a51-0d2e-4b8a-9c61-5e0f4d2b8a17/oauth2/v2.0/token");
        using var credential = new StandInTokenCredential(tenantEndpoint);
        var user = await GraphClients.For(_server, credential: credential).Users[_server.Mailbox].GetAsync();
        Assert.Equal(_server.MailboxUserId, user!.Id);
        Assert.Contains(GraphClients.Scope, credential.RequestedScopes);

        var withoutToken = new Microsoft.Graph.GraphServiceClient(new HttpClient(), new Microsoft.Kiota.Abstractions.Authentication.AnonymousAuthenticationProvider(), _server.GraphBaseUrl.AbsoluteUri);
        var error = await Assert.ThrowsAsync<ODataError>(() => withoutToken.Users[_server.Mailbox].GetAsync());

        Assert.Equal((401, "InvalidAuthenticationToken"), (error.ResponseStatusCode, error.Error?.Code));
    }
}
