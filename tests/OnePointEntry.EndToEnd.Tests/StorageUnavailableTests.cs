using System.Net;
using System.Net.Http.Json;
using LocalFunctionsHost.Testing;
using Microsoft365StandIn;

namespace OnePointEntry.EndToEnd.Tests;

public sealed class StorageUnavailableTests
{
    [Fact]
    public async Task When_storage_cannot_be_reached_a_submission_is_answered_503_with_retry_after_and_a_problem()
    {
        var closedPort = HostProcess.FreePort();
        var storage = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{closedPort}/devstoreaccount1;";
        await using var standIn = await StandInServer.StartAsync(FunctionAppFixture.StandInOptions());
        await using var host = await HostProcess.StartOnFreePortAsync(AppPaths.HostAssembly, AppPaths.AppDirectory, port => FunctionAppFixture.Settings(storage, standIn, port));
        using var client = host.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(100);

        using var response = await client.PostAsJsonAsync(new Uri("api/enquiries", UriKind.Relative), new { organisation = "Porto Alegre Climate Network", country = "BR", contactEmail = "rede@example.br", purpose = "Climate adaptation" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
    }
}
