using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LocalFunctionsHost.Testing;

namespace OnePointEntry.EndToEnd.Tests;

[Collection(FunctionAppCollection.Name)]
public sealed class HealthTests(FunctionAppFixture app)
{
    [Fact]
    public async Task The_anonymous_probe_answers_healthy_with_nothing_more()
    {
        using var response = await app.Client.GetAsync(new Uri("api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"Healthy"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_details_need_a_function_key_and_report_each_check()
    {
        using var anonymous = await app.Client.GetAsync(new Uri("api/health/details", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/health/details", UriKind.Relative));
        request.Headers.Add("x-functions-key", HostProcess.FunctionKey);
        using var response = await app.Client.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var checks = body.GetProperty("checks").EnumerateArray().ToDictionary(check => check.GetProperty("name").GetString()!, check => check.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks["storage"]);
        Assert.Equal("Healthy", checks["graph"]);
        Assert.Contains("subscription", checks.Keys);
        // Other tests here drive messages to the poison queues on purpose: healthy or degraded, never failing.
        Assert.True(checks["poison-queues"] is "Healthy" or "Degraded", checks["poison-queues"]);
    }
}
