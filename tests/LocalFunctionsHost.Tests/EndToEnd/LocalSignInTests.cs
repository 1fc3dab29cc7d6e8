using System.Net;
using System.Text.Json;
using LocalFunctionsHost.Auth;
using LocalFunctionsHost.Tests.Infrastructure;

namespace LocalFunctionsHost.Tests.EndToEnd;

/// <summary>The host started with --local-sign-in plays App Service Authentication for the sample app.</summary>
public sealed class LocalSignInTests(LocalSignInHostFixture fixture) : IClassFixture<LocalSignInHostFixture>
{
    private const string Email = LocalSignInHostFixture.Email;

    [Fact]
    public async Task Start_up_says_local_sign_in_is_on_for_whom_and_prints_the_sign_in_link()
    {
        var on = await fixture.Host.WaitForLineAsync(l => l.StartsWith("Local sign-in is on", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var link = await fixture.Host.WaitForLineAsync(l => l.StartsWith("Sign in: ", StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        Assert.Contains($"{LocalSignInHostFixture.DisplayName} <{Email}>", on, StringComparison.Ordinal);
        Assert.Contains("Staff, TeamLead", on, StringComparison.Ordinal);
        Assert.Equal($"Sign in: {fixture.Host.BaseUrl}.auth/login/aad?post_login_redirect_uri=/api/workspace", link);
        // The log itself never names the user.
        Assert.DoesNotContain(fixture.Host.Output.Split(Environment.NewLine), l => l.StartsWith('[') && l.Contains(Email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Worker_runs_with_WEBSITE_AUTH_ENABLED_True()
    {
        using var client = fixture.Host.CreateBrowserClient();

        var seen = await PrincipalSeenByTheAppAsync(client);

        Assert.Equal("True", seen.AuthEnabled);
    }

    [Fact]
    public async Task Forged_principal_headers_never_reach_the_worker()
    {
        using var client = fixture.Host.CreateBrowserClient();

        var seen = await PrincipalSeenByTheAppAsync(client, forge: true);

        Assert.Empty(seen.RequestHeaders);
        Assert.Empty(seen.MetadataHeaders);
        await fixture.Host.WaitForLineAsync(l => l.Contains("removed 4 X-MS-CLIENT-PRINCIPAL* header(s)", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task After_login_the_worker_receives_the_configured_user_in_the_request_and_in_the_invocation()
    {
        using var client = fixture.Host.CreateBrowserClient();
        using (var login = await client.GetAsync(new Uri("/.auth/login/aad?post_login_redirect_uri=/sample/principal", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Found, login.StatusCode);
            Assert.Equal("/sample/principal", login.Headers.Location?.OriginalString);
        }

        var seen = await PrincipalSeenByTheAppAsync(client, forge: true);

        foreach (var headers in new[] { seen.RequestHeaders, seen.MetadataHeaders })
        {
            Assert.Equal(4, headers.Count);
            Assert.Equal(Email, headers["X-MS-CLIENT-PRINCIPAL-NAME"]);
            Assert.Equal(ClientPrincipal.ObjectIdFor(Email), headers["X-MS-CLIENT-PRINCIPAL-ID"]);
            Assert.Equal("aad", headers["X-MS-CLIENT-PRINCIPAL-IDP"]);
            using var principal = JsonDocument.Parse(Convert.FromBase64String(headers["X-MS-CLIENT-PRINCIPAL"]));
            Assert.Equal("preferred_username", principal.RootElement.GetProperty("name_typ").GetString());
            Assert.Equal(
                [("preferred_username", Email), ("name", LocalSignInHostFixture.DisplayName), ("roles", "Staff"), ("roles", "TeamLead")],
                principal.RootElement.GetProperty("claims").EnumerateArray()
                    .Select(c => (c.GetProperty("typ").GetString(), c.GetProperty("val").GetString()))
                    .Where(c => c.Item1 != "http://schemas.microsoft.com/identity/claims/objectidentifier"));
        }
    }

    [Fact]
    public async Task Login_sets_an_http_only_lax_session_cookie_for_the_whole_site()
    {
        using var client = fixture.Host.CreateBrowserClient();

        using var login = await client.GetAsync(new Uri("/.auth/login/aad?post_login_redirect_uri=/api/workspace", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, login.StatusCode);
        Assert.Equal("/api/workspace", login.Headers.Location?.OriginalString);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("AppServiceAuthSession=", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("evil.example")]
    public async Task Login_and_logout_do_not_redirect_to_another_site(string target)
    {
        using var client = fixture.Host.CreateBrowserClient();

        using var login = await client.GetAsync(new Uri($"/.auth/login/aad?post_login_redirect_uri={Uri.EscapeDataString(target)}", UriKind.Relative));
        using var logout = await client.GetAsync(new Uri($"/.auth/logout?post_logout_redirect_uri={Uri.EscapeDataString(target)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Found, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Found, logout.StatusCode);
        Assert.Equal("/", logout.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Logout_clears_the_cookie_and_ends_the_session_even_for_a_copy_of_it()
    {
        using var client = fixture.Host.CreateBrowserClient();
        string session;
        using (var login = await client.GetAsync(new Uri("/.auth/login/aad", UriKind.Relative)))
        {
            Assert.Equal("/", login.Headers.Location?.OriginalString);
            var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
            session = cookie["AppServiceAuthSession=".Length..cookie.IndexOf(';', StringComparison.Ordinal)];
        }

        using var logout = await client.GetAsync(new Uri("/.auth/logout?post_logout_redirect_uri=/sample/hello", UriKind.Relative));
        using var me = await client.GetAsync(new Uri("/.auth/me", UriKind.Relative));
        var seen = await PrincipalSeenByTheAppAsync(client);
        using var replay = fixture.Host.CreateBrowserClient();
        using var replayed = new HttpRequestMessage(HttpMethod.Get, new Uri("/.auth/me", UriKind.Relative));
        replayed.Headers.Add("Cookie", $"AppServiceAuthSession={session}");
        using var replayedMe = await replay.SendAsync(replayed);

        Assert.Equal(HttpStatusCode.Found, logout.StatusCode);
        Assert.Equal("/sample/hello", logout.Headers.Location?.OriginalString);
        Assert.Contains("expires=Thu, 01 Jan 1970", Assert.Single(logout.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.Empty(seen.RequestHeaders);
        Assert.Equal(HttpStatusCode.Unauthorized, replayedMe.StatusCode);
    }

    [Fact]
    public async Task Me_is_401_without_a_session_and_Easy_Auths_array_with_one()
    {
        using var client = fixture.Host.CreateBrowserClient();

        using var anonymous = await client.GetAsync(new Uri("/.auth/me", UriKind.Relative));
        using (await client.GetAsync(new Uri("/.auth/login/aad", UriKind.Relative)))
        {
        }

        using var signedIn = await client.GetAsync(new Uri("/.auth/me", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal("application/json", signedIn.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await signedIn.Content.ReadAsStringAsync());
        var entry = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("aad", entry.GetProperty("provider_name").GetString());
        Assert.Equal(Email, entry.GetProperty("user_id").GetString());
        Assert.Contains(entry.GetProperty("user_claims").EnumerateArray(), c => c.GetProperty("typ").GetString() == "name" && c.GetProperty("val").GetString() == LocalSignInHostFixture.DisplayName);
    }

    [Fact]
    public async Task A_made_up_session_cookie_signs_nobody_in()
    {
        using var client = fixture.Host.CreateBrowserClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/.auth/me", UriKind.Relative));
        request.Headers.Add("Cookie", "AppServiceAuthSession=bWFkZS11cA");

        using var me = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    /// <summary>What the sample app's Principal function saw; <paramref name="forge"/> sends a client's own principal headers.</summary>
    internal static async Task<PrincipalSeen> PrincipalSeenByTheAppAsync(HttpClient client, bool forge = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("sample/principal", UriKind.Relative));
        if (forge)
        {
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL", "eyJhdXRoX3R5cCI6ImFhZCIsImNsYWltcyI6W119");
            request.Headers.Add("x-ms-client-principal-name", "forged@onepointentry.example");
            request.Headers.Add("X-Ms-Client-Principal-Id", Guid.Empty.ToString());
            request.Headers.Add("X-MS-CLIENT-PRINCIPAL-IDP", "aad");
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        return new PrincipalSeen(
            root.GetProperty("authEnabled").GetString(),
            root.GetProperty("requestHeaders").Deserialize<Dictionary<string, string>>()!,
            root.GetProperty("metadataHeaders").Deserialize<Dictionary<string, string>>()!);
    }
}
