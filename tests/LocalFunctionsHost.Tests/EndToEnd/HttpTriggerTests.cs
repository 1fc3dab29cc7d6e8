using System.Net;
using System.Net.Http.Headers;
using System.Text;
using LocalFunctionsHost.Testing;
using LocalFunctionsHost.Tests.Infrastructure;

namespace LocalFunctionsHost.Tests.EndToEnd;

[Collection(SampleHostCollection.Name)]
public sealed class HttpTriggerTests(SampleHostFixture fixture) : IDisposable
{
    private readonly HttpClient _client = fixture.Host.CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public void Host_completes_the_handshake_and_lists_every_function()
    {
        var output = fixture.Host.Output;
        Assert.Contains("Worker: process start to StartStream", output, StringComparison.Ordinal);
        Assert.Contains("to 9 functions loaded", output, StringComparison.Ordinal);
        foreach (var name in new[] { "Hello", "GetItem", "Echo", "Principal", "Fail", "Crash", "ProcessQueue", "AlwaysFails", "Tick" })
        {
            Assert.Contains($"    {name}: ", output, StringComparison.Ordinal);
        }

        Assert.Contains("[GET] " + fixture.Host.BaseUrl + "sample/items/{id:int} (Function)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_function_answers_without_a_key()
    {
        using var response = await _client.GetAsync(new Uri("sample/hello?name=Ada", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, Ada", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Route_prefix_comes_from_host_json()
    {
        using var response = await _client.GetAsync(new Uri("api/hello", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong-key", HttpStatusCode.Unauthorized)]
    [InlineData(HostProcess.FunctionKey, HttpStatusCode.OK)]
    [InlineData(HostProcess.MasterKey, HttpStatusCode.OK)]
    public async Task Function_level_needs_the_function_or_master_key_in_the_code_query(string? key, HttpStatusCode expected)
    {
        var path = key is null ? "sample/items/42" : $"sample/items/42?code={key}";
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Function_key_in_the_header_is_accepted_and_route_values_reach_the_function()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("sample/items/42", UriKind.Relative));
        request.Headers.Add("x-functions-key", HostProcess.FunctionKey);
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"id\":42,\"path\":\"/sample/items/42\"}", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Admin_level_rejects_the_function_key()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("sample/crash", UriKind.Relative));
        request.Headers.Add("x-functions-key", HostProcess.FunctionKey);
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Route_constraint_that_does_not_match_is_404()
    {
        using var response = await _client.GetAsync(new Uri($"sample/items/abc?code={HostProcess.FunctionKey}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Function_that_throws_answers_500_and_is_logged_as_failed()
    {
        using var response = await _client.GetAsync(new Uri("sample/fail", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        await fixture.Host.WaitForLineAsync(l => l.Contains("Executed 'Functions.Fail' (Failed", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Unknown_route_is_404()
    {
        using var response = await _client.GetAsync(new Uri("sample/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Method_the_function_does_not_accept_is_405()
    {
        using var response = await _client.DeleteAsync(new Uri("sample/hello", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Request_and_response_pass_through_unchanged()
    {
        var body = "{\"text\":\"héllo, wörld\"}" + new string('x', 100_000);
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri("sample/echo?a=1&b=two", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Test", "from-the-client");
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("sample-value", Header(response, "X-Sample"));
        Assert.Equal("PUT", Header(response, "X-Echo-Method"));
        Assert.Equal("from-the-client", Header(response, "X-Echo-Header"));
        Assert.Equal("?a=1&b=two", Header(response, "X-Echo-Query"));
        Assert.Equal(new MediaTypeHeaderValue("application/x-sample") { CharSet = "utf-8" }, response.Content.Headers.ContentType);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/.auth/login/aad?post_login_redirect_uri=/sample/hello")]
    [InlineData("/.auth/logout")]
    [InlineData("/.auth/me")]
    public async Task Without_local_sign_in_auth_paths_are_404(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("Local sign-in", fixture.Host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_local_sign_in_principal_headers_pass_through_unchanged_and_auth_is_not_enabled()
    {
        var seen = await LocalSignInTests.PrincipalSeenByTheAppAsync(_client, forge: true);

        Assert.Null(seen.AuthEnabled);
        foreach (var headers in new[] { seen.RequestHeaders, seen.MetadataHeaders })
        {
            Assert.Equal("forged@onepointentry.example", headers["X-MS-CLIENT-PRINCIPAL-NAME"]);
            Assert.Equal(Guid.Empty.ToString(), headers["X-MS-CLIENT-PRINCIPAL-ID"]);
            Assert.Equal("aad", headers["X-MS-CLIENT-PRINCIPAL-IDP"]);
            Assert.Equal("eyJhdXRoX3R5cCI6ImFhZCIsImNsYWltcyI6W119", headers["X-MS-CLIENT-PRINCIPAL"]);
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "(missing)";
}
