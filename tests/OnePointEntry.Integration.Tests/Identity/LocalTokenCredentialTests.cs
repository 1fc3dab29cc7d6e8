using Azure.Core;
using Azure.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using OnePointEntry.Infrastructure.Identity;

namespace OnePointEntry.Integration.Tests.Identity;

public sealed class LocalTokenCredentialTests : IAsyncLifetime
{
    private const string GraphScope = "http://127.0.0.1/.default";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private TokenEndpointListener _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await TokenEndpointListener.StartAsync();

    public async Task DisposeAsync() => await _endpoint.DisposeAsync();

    [Fact]
    public async Task A_token_is_asked_for_at_the_origin_of_the_Graph_base_url_with_client_credentials_and_the_scope()
    {
        using var credential = new LocalTokenCredential(_endpoint.GraphBaseUrl, _time);

        var token = await credential.GetTokenAsync(new TokenRequestContext([GraphScope]), CancellationToken.None);

        Assert.Equal(new Uri(_endpoint.Origin, "/oauth2/v2.0/token"), credential.TokenEndpoint);
        var request = Assert.Single(_endpoint.Requests);
        Assert.Equal("client_credentials", request["grant_type"]);
        Assert.Equal("one-point-entry-local", request["client_id"]);
        Assert.Equal(GraphScope, request["scope"]);
        Assert.Equal("local-token-1", token.Token);
        Assert.Equal("Bearer", token.TokenType);
        Assert.Equal(_time.GetUtcNow().AddSeconds(3599), token.ExpiresOn);
    }

    [Fact]
    public void The_token_endpoint_is_at_the_origin_whatever_the_path_of_the_base_url()
    {
        Assert.Equal(new Uri("http://127.0.0.1:7072/oauth2/v2.0/token"), LocalTokenCredential.TokenEndpointFor(new Uri("http://127.0.0.1:7072/v1.0")));
        Assert.Equal(new Uri("http://localhost:9000/oauth2/v2.0/token"), LocalTokenCredential.TokenEndpointFor(new Uri("http://localhost:9000/graph/v1.0/")));
    }

    [Fact]
    public async Task A_token_is_kept_per_scope_until_shortly_before_it_expires()
    {
        using var credential = new LocalTokenCredential(_endpoint.GraphBaseUrl, _time);
        var graph = new TokenRequestContext([GraphScope]);

        var first = await credential.GetTokenAsync(graph, CancellationToken.None);
        _endpoint.Answer = (StatusCodes.Status200OK, """{"token_type":"Bearer","expires_in":3599,"access_token":"local-token-2"}""");
        var again = await credential.GetTokenAsync(graph, CancellationToken.None);
        var otherScope = await credential.GetTokenAsync(new TokenRequestContext(["https://communication.azure.com/.default"]), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(3599) - TimeSpan.FromMinutes(6));
        var beforeTheMargin = await credential.GetTokenAsync(graph, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(2));
        var withinTheMargin = await credential.GetTokenAsync(graph, CancellationToken.None);

        Assert.Equal(["local-token-1", "local-token-1", "local-token-2", "local-token-1", "local-token-2"], new[] { first, again, otherScope, beforeTheMargin, withinTheMargin }.Select(token => token.Token));
        Assert.Equal([GraphScope, "https://communication.azure.com/.default", GraphScope], _endpoint.Requests.Select(request => request["scope"]));
    }

    [Fact]
    public async Task A_short_lived_token_is_renewed_after_half_its_lifetime()
    {
        _endpoint.Answer = (StatusCodes.Status200OK, """{"token_type":"Bearer","expires_in":"60","access_token":"short"}""");
        using var credential = new LocalTokenCredential(_endpoint.GraphBaseUrl, _time);
        var graph = new TokenRequestContext([GraphScope]);

        await credential.GetTokenAsync(graph, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(29));
        await credential.GetTokenAsync(graph, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        await credential.GetTokenAsync(graph, CancellationToken.None);

        Assert.Equal(2, _endpoint.Requests.Count);
    }

    [Fact]
    public async Task A_stand_in_that_is_not_running_makes_the_credential_unavailable_naming_the_endpoint()
    {
        var nowhere = TokenEndpointListener.UnusedOrigin();
        using var credential = new LocalTokenCredential(new Uri(nowhere, "/v1.0"), _time);

        var failure = await Assert.ThrowsAsync<CredentialUnavailableException>(() => credential.GetTokenAsync(new TokenRequestContext([GraphScope]), CancellationToken.None).AsTask());

        Assert.Contains(new Uri(nowhere, "/oauth2/v2.0/token").AbsoluteUri, failure.Message, StringComparison.Ordinal);
        Assert.Contains("Graph__BaseUrl", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("""{"token_type":"Bearer","expires_in":3599}""", "no access_token")]
    [InlineData("""{"token_type":"Bearer","access_token":"t"}""", "no expires_in")]
    [InlineData("""{"token_type":"Bearer","expires_in":0,"access_token":"t"}""", "no expires_in")]
    public async Task An_answer_without_a_usable_token_fails_authentication_naming_the_endpoint_and_why(string body, string reason)
    {
        _endpoint.Answer = (StatusCodes.Status200OK, body);
        using var credential = new LocalTokenCredential(_endpoint.GraphBaseUrl, _time);

        var failure = await Assert.ThrowsAsync<AuthenticationFailedException>(() => credential.GetTokenAsync(new TokenRequestContext([GraphScope]), CancellationToken.None).AsTask());

        Assert.Contains(credential.TokenEndpoint.AbsoluteUri, failure.Message, StringComparison.Ordinal);
        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_fails_authentication_with_the_status_and_is_not_cached()
    {
        _endpoint.Answer = (StatusCodes.Status400BadRequest, """{"error":"invalid_client","error_description":"Unknown client."}""");
        using var credential = new LocalTokenCredential(_endpoint.GraphBaseUrl, _time);
        var graph = new TokenRequestContext([GraphScope]);

        var failure = await Assert.ThrowsAsync<AuthenticationFailedException>(() => credential.GetTokenAsync(graph, CancellationToken.None).AsTask());
        _endpoint.Answer = (StatusCodes.Status200OK, """{"token_type":"Bearer","expires_in":3599,"access_token":"after-the-refusal"}""");
        var token = await credential.GetTokenAsync(graph, CancellationToken.None);

        Assert.Contains("400", failure.Message, StringComparison.Ordinal);
        Assert.Contains("invalid_client", failure.Message, StringComparison.Ordinal);
        Assert.Equal("after-the-refusal", token.Token);
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0", "graph.microsoft.com")]
    [InlineData("v1.0", "v1.0")]
    public async Task An_address_that_is_not_loopback_is_never_asked(string baseUrl, string named)
    {
        using var credential = new LocalTokenCredential(new Uri(baseUrl, UriKind.RelativeOrAbsolute), _time);

        var failure = await Assert.ThrowsAsync<CredentialUnavailableException>(() => credential.GetTokenAsync(new TokenRequestContext(["https://graph.microsoft.com/.default"]), CancellationToken.None).AsTask());

        Assert.Contains($"Graph__BaseUrl ({named})", failure.Message, StringComparison.Ordinal);
        Assert.Contains("loopback", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_synchronous_call_gets_the_same_token()
    {
        using var credential = new LocalTokenCredential(_endpoint.GraphBaseUrl, _time);

        var token = credential.GetToken(new TokenRequestContext([GraphScope]), CancellationToken.None);

        Assert.Equal("local-token-1", token.Token);
        Assert.Single(_endpoint.Requests);
    }
}
