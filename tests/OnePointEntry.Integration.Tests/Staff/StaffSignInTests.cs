using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using OnePointEntry.Functions.Http;
using OnePointEntry.Functions.Staff.Pages;
using OnePointEntry.Functions.Staff.SignIn;

namespace OnePointEntry.Integration.Tests.Staff;

public sealed class StaffSignInTests
{
    private static readonly StaffSignIn s_behindAuthentication = SignIn("True");
    private static readonly StaffSignIn s_withoutAuthentication = SignIn(null);

    [Fact]
    public void The_platforms_principal_names_the_member_and_their_roles()
    {
        var request = Request().SignedInAs("anna.larsen@onepointentry.example", StaffRole.TeamLead);

        var staff = s_behindAuthentication.SignedIn(request);

        Assert.NotNull(staff);
        Assert.Equal("anna.larsen@onepointentry.example", staff.Name);
        Assert.True(staff.Holds(StaffRole.TeamLead));
        Assert.True(staff.Holds(StaffRole.Staff));
    }

    [Fact]
    public void Without_app_service_authentication_a_principal_header_is_forged_and_nobody_is_signed_in()
    {
        var request = Request().SignedInAs("forged@onepointentry.example", StaffRole.TeamLead);

        Assert.Null(s_withoutAuthentication.SignedIn(request));
        var refusal = Assert.IsType<JsonResponse>(s_withoutAuthentication.ForApi(request, StaffRole.Staff).Refusal);
        Assert.Equal(401, refusal.StatusCode);
    }

    [Fact]
    public void The_api_answers_401_without_a_principal_and_403_without_the_role()
    {
        var anonymous = s_behindAuthentication.ForApi(Request(), StaffRole.Staff);
        var noRole = s_behindAuthentication.ForApi(Request().SignedInAs("guest@onepointentry.example", []), StaffRole.Staff);
        var staffOnly = s_behindAuthentication.ForApi(Request().SignedInAs("mei.chen@onepointentry.example", StaffRole.Staff), StaffRole.TeamLead);
        var granted = s_behindAuthentication.ForApi(Request().SignedInAs("mei.chen@onepointentry.example", StaffRole.Staff), StaffRole.Staff);

        Assert.Equal(401, Assert.IsType<JsonResponse>(anonymous.Refusal).StatusCode);
        Assert.Equal(403, Assert.IsType<JsonResponse>(noRole.Refusal).StatusCode);
        Assert.Equal(403, Assert.IsType<JsonResponse>(staffOnly.Refusal).StatusCode);
        Assert.Null(granted.Refusal);
        Assert.Equal("mei.chen@onepointentry.example", granted.Staff!.Name);
    }

    [Fact]
    public void A_page_sends_a_browser_without_a_sign_in_to_sign_in_and_back_to_the_same_page()
    {
        var request = Request("/api/workspace", "?state=ManualReview&q=%C3%B8");

        var refusal = Assert.IsType<ContentResponse>(Gate(s_behindAuthentication).Enter(request, StaffRole.Staff).Refusal);

        Assert.Equal(302, refusal.StatusCode);
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=%2Fapi%2Fworkspace%3Fstate%3DManualReview%26q%3D%25C3%25B8", refusal.Headers["Location"]);
    }

    [Fact]
    public void A_page_says_why_when_sign_in_is_not_set_up_or_the_role_is_missing()
    {
        var unavailable = Assert.IsType<ContentResponse>(Gate(s_withoutAuthentication).Enter(Request("/api/workspace", "?lang=da"), StaffRole.Staff).Refusal);
        var noRole = Assert.IsType<ContentResponse>(Gate(s_behindAuthentication).Enter(Request("/api/workspace", "?lang=en").SignedInAs("guest@onepointentry.example", []), StaffRole.Staff).Refusal);

        Assert.Equal(401, unavailable.StatusCode);
        Assert.Contains("Log-ind er ikke sat op", Encoding.UTF8.GetString(unavailable.Content.Span), StringComparison.Ordinal);
        Assert.Equal(403, noRole.StatusCode);
        Assert.Contains("Staff role", Encoding.UTF8.GetString(noRole.Content.Span), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("bnVsbA==")] // null
    [InlineData("eyJjbGFpbXMiOjF9")] // {"claims":1}
    [InlineData("eyJjbGFpbXMiOltdfQ==")] // {"claims":[]}: nobody named
    public void A_principal_that_is_not_the_platforms_shape_is_nobody(string header)
    {
        var request = Request();
        request.Headers[StaffSignIn.PrincipalHeader] = header;

        Assert.Null(s_behindAuthentication.SignedIn(request));
    }

    [Fact]
    public void A_principal_header_beyond_any_real_token_is_nobody()
    {
        var request = Request();
        request.Headers[StaffSignIn.PrincipalHeader] = new string('A', ClientPrincipal.MaxHeaderLength + 4);

        Assert.Null(s_behindAuthentication.SignedIn(request));
    }

    [Fact]
    public void Roles_come_from_the_claim_type_the_principal_names_and_unknown_roles_count_for_nothing()
    {
        const string json = """
            {"auth_typ":"aad","name_typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn","role_typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
             "claims":[{"typ":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn","val":"lars.holm@onepointentry.example"},
                       {"typ":"name","val":"Lars Holm"},
                       {"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"Staff"},
                       {"typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role","val":"Admin"},
                       {"typ":"roles","val":"1"}]}
            """;

        var staff = ClientPrincipal.Read(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)));

        Assert.NotNull(staff);
        Assert.Equal("lars.holm@onepointentry.example", staff.Name);
        Assert.Equal("Lars Holm", staff.DisplayName);
        Assert.Equal([StaffRole.Staff], staff.Roles);
    }

    private static WorkspaceGate Gate(StaffSignIn signIn) => new(signIn, NullLogger<WorkspaceGate>.Instance);

    private static StaffSignIn SignIn(string? enabled) => new(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [StaffSignIn.EnabledSetting] = enabled })
        .Build());

    private static HttpRequest Request(string path = "/api/staff/enquiries", string? query = null) => HttpRequests.Get(path, query);
}
