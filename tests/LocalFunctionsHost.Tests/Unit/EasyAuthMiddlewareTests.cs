using System.Text;
using System.Text.Json;
using LocalFunctionsHost.Auth;
using LocalFunctionsHost.Settings;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalFunctionsHost.Tests.Unit;

public sealed class EasyAuthMiddlewareTests
{
    private const string Email = "mei.chen@onepointentry.example";

    private readonly LocalSignInUser _user = LocalSignInUser.Create(Email, "Mei Chén", null);
    private readonly SessionStore _sessions = new();
    private HttpContext? _reachedApp;

    [Fact]
    public async Task Principal_headers_sent_by_the_client_are_removed_whatever_their_case()
    {
        var context = Request("/sample/principal");
        context.Request.Headers["X-MS-CLIENT-PRINCIPAL"] = "eyJmb3JnZWQiOnRydWV9";
        context.Request.Headers["x-ms-client-principal-name"] = "someone.else@onepointentry.example";
        context.Request.Headers["X-Ms-Client-Principal-Id"] = Guid.Empty.ToString();
        context.Request.Headers["X-MS-CLIENT-PRINCIPAL-IDP"] = "aad";
        context.Request.Headers["X-MS-CLIENT-PRINCIPAL-ANYTHING"] = "x";
        context.Request.Headers["X-Other"] = "kept";

        await Middleware().InvokeAsync(context);

        Assert.Same(context, _reachedApp);
        Assert.DoesNotContain(context.Request.Headers.Keys, k => k.StartsWith("X-MS-CLIENT-PRINCIPAL", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("kept", context.Request.Headers["X-Other"]);
    }

    [Fact]
    public async Task A_valid_session_cookie_adds_the_principal_of_the_configured_user_in_place_of_the_clients()
    {
        var context = Request("/sample/principal", _sessions.Start());
        context.Request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"] = "someone.else@onepointentry.example";

        await Middleware().InvokeAsync(context);

        var headers = context.Request.Headers;
        Assert.Equal(Email, headers["X-MS-CLIENT-PRINCIPAL-NAME"]);
        Assert.Equal(ClientPrincipal.ObjectIdFor(Email), headers["X-MS-CLIENT-PRINCIPAL-ID"]);
        Assert.Equal("aad", headers["X-MS-CLIENT-PRINCIPAL-IDP"]);
        Assert.Equal(new ClientPrincipal(_user).HeaderValue, headers["X-MS-CLIENT-PRINCIPAL"]);
    }

    [Fact]
    public async Task A_made_up_session_cookie_adds_nothing()
    {
        var context = Request("/sample/principal", "made-up-session");

        await Middleware().InvokeAsync(context);

        Assert.Same(context, _reachedApp);
        Assert.DoesNotContain(context.Request.Headers.Keys, k => k.StartsWith("X-MS-CLIENT-PRINCIPAL", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Principal_header_is_Base64_of_Easy_Auths_json_for_Entra_ID()
    {
        var principal = new ClientPrincipal(LocalSignInUser.Create(Email, "Mei Chén", "Staff,TeamLead"));

        using var json = JsonDocument.Parse(Convert.FromBase64String(principal.HeaderValue));
        var root = json.RootElement;

        Assert.Equal("aad", root.GetProperty("auth_typ").GetString());
        Assert.Equal("preferred_username", root.GetProperty("name_typ").GetString());
        Assert.Equal("roles", root.GetProperty("role_typ").GetString());
        Assert.Equal(
            [
                ("preferred_username", Email),
                ("name", "Mei Chén"),
                ("http://schemas.microsoft.com/identity/claims/objectidentifier", ClientPrincipal.ObjectIdFor(Email)),
                ("roles", "Staff"),
                ("roles", "TeamLead"),
            ],
            root.GetProperty("claims").EnumerateArray().Select(c => (c.GetProperty("typ").GetString(), c.GetProperty("val").GetString())));
        // Raw UTF-8, as Easy Auth writes it, rather than \u escapes.
        Assert.Contains("Mei Chén", Encoding.UTF8.GetString(Convert.FromBase64String(principal.HeaderValue)), StringComparison.Ordinal);
    }

    [Fact]
    public void Object_id_is_a_guid_that_stays_the_same_for_an_e_mail()
    {
        var id = ClientPrincipal.ObjectIdFor(Email);

        Assert.True(Guid.TryParse(id, out _));
        Assert.Equal(id, ClientPrincipal.ObjectIdFor(Email.ToUpperInvariant()));
        Assert.NotEqual(id, ClientPrincipal.ObjectIdFor("ana.silva@onepointentry.example"));
    }

    [Fact]
    public async Task Login_sets_an_http_only_lax_session_cookie_and_redirects_to_the_local_path()
    {
        var context = Request("/.auth/login/aad", query: "?post_login_redirect_uri=%2Fapi%2Fworkspace%3Fview%3Dmine");

        await Middleware().InvokeAsync(context);

        Assert.Null(_reachedApp);
        Assert.Equal(StatusCodes.Status302Found, context.Response.StatusCode);
        Assert.Equal("/api/workspace?view=mine", context.Response.Headers.Location);
        var cookie = context.Response.Headers.SetCookie.ToString();
        Assert.StartsWith("AppServiceAuthSession=", cookie, StringComparison.Ordinal);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.True(_sessions.IsValid(cookie["AppServiceAuthSession=".Length..cookie.IndexOf(';', StringComparison.Ordinal)]));
    }

    [Theory]
    [InlineData("/api/workspace", true)]
    [InlineData("/", true)]
    [InlineData("/sample/hello?name=Ada#top", true)]
    [InlineData("//evil.example", false)]
    [InlineData("//evil.example/api/workspace", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example", false)]
    [InlineData("https://evil.example/api/workspace", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("api/workspace", false)]
    [InlineData("/\t/evil.example", false)]
    [InlineData("/api/\r\nSet-Cookie: x=1", false)]
    [InlineData("/ä", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_a_path_on_this_site_is_a_redirect_target(string? target, bool allowed)
    {
        Assert.Equal(allowed, LocalRedirect.IsLocalPath(target));
        Assert.Equal(allowed ? target : "/", LocalRedirect.Target(target));
    }

    [Fact]
    public async Task Logout_ends_the_session_clears_the_cookie_and_redirects()
    {
        var session = _sessions.Start();
        var context = Request("/.auth/logout", session, "?post_logout_redirect_uri=https://evil.example");

        await Middleware().InvokeAsync(context);

        Assert.Equal(StatusCodes.Status302Found, context.Response.StatusCode);
        Assert.Equal("/", context.Response.Headers.Location);
        Assert.Contains("AppServiceAuthSession=;", context.Response.Headers.SetCookie.ToString(), StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", context.Response.Headers.SetCookie.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(_sessions.IsValid(session));
    }

    [Fact]
    public async Task Me_is_401_without_a_session_and_the_users_claims_with_one()
    {
        var anonymous = Request("/.auth/me");
        await Middleware().InvokeAsync(anonymous);

        var signedIn = Request("/.auth/me", _sessions.Start());
        var body = new MemoryStream();
        signedIn.Response.Body = body;
        await Middleware().InvokeAsync(signedIn);

        Assert.Equal(StatusCodes.Status401Unauthorized, anonymous.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, signedIn.Response.StatusCode);
        using var json = JsonDocument.Parse(body.ToArray());
        var entry = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("aad", entry.GetProperty("provider_name").GetString());
        Assert.Equal(Email, entry.GetProperty("user_id").GetString());
        Assert.Contains(entry.GetProperty("user_claims").EnumerateArray(), c => c.GetProperty("typ").GetString() == "roles" && c.GetProperty("val").GetString() == "TeamLead");
    }

    [Theory]
    [InlineData("GET", "/.auth/login/github", StatusCodes.Status404NotFound)]
    [InlineData("GET", "/.auth/refresh", StatusCodes.Status404NotFound)]
    [InlineData("POST", "/.auth/login/aad", StatusCodes.Status405MethodNotAllowed)]
    public async Task Other_auth_requests_are_answered_here_and_never_reach_the_app(string method, string path, int status)
    {
        var context = Request(path);
        context.Request.Method = method;

        await Middleware().InvokeAsync(context);

        Assert.Null(_reachedApp);
        Assert.Equal(status, context.Response.StatusCode);
    }

    private EasyAuthMiddleware Middleware() => new(
        context =>
        {
            _reachedApp = context;
            return Task.CompletedTask;
        },
        new ClientPrincipal(_user),
        _sessions,
        NullLogger<EasyAuthMiddleware>.Instance);

    private static DefaultHttpContext Request(string path, string? session = null, string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Get;
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query.Length == 0 ? null : query);
        if (session is not null)
        {
            context.Request.Headers.Cookie = $"{EasyAuthMiddleware.CookieName}={session}";
        }

        return context;
    }
}
