using Azure;
using Azure.Identity;
using Microsoft.Graph.Models.ODataErrors;
using OnePointEntry.Functions.Http;

namespace OnePointEntry.Integration.Tests;

public sealed class HttpFailureTests
{
    public static TheoryData<Exception, bool> Failures() => new()
    {
        { new RequestFailedException(503, "Server busy"), true },
        { new RequestFailedException(0, "Connection refused"), true },
        { new RequestFailedException(409, "Conflict"), false },
        { new ODataError { ResponseStatusCode = 429 }, true },
        { new ODataError { ResponseStatusCode = 503 }, true },
        { new ODataError { ResponseStatusCode = 404 }, true },
        { new ODataError { ResponseStatusCode = 400 }, false },
        { new CredentialUnavailableException("No managed identity here"), true },
        { new HttpRequestException("Connection refused"), true },
        { new InvalidOperationException("A bug"), false },
        { new InvalidOperationException("Wrapped", new TimeoutException()), true },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Failures_a_retry_may_get_past_are_a_503_and_bugs_a_500(Exception exception, bool unavailable)
    {
        Assert.Equal(unavailable, HttpFailureMiddleware.IsUnavailable(exception));
    }
}
