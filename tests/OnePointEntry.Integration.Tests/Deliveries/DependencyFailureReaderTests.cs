using Azure;
using Microsoft.Graph.Models.ODataErrors;
using OnePointEntry.Deliveries;
using OnePointEntry.Infrastructure.Deliveries;
using OnePointEntry.Infrastructure.Email;

namespace OnePointEntry.Integration.Tests.Deliveries;

public sealed class DependencyFailureReaderTests
{
    private readonly DependencyFailureReader _reader = new();

    [Fact]
    public void Graphs_throttling_names_Graph_with_its_Retry_After_and_code_and_may_be_tried_again()
    {
        var error = new ODataError
        {
            ResponseStatusCode = 429,
            Error = new MainError { Code = "ApplicationThrottled", Message = "Mailbox concurrency limit" },
            ResponseHeaders = new Dictionary<string, IEnumerable<string>> { ["Retry-After"] = ["7"] },
        };

        var failure = _reader.Read(error);

        Assert.Equal(new DependencyFailure(DependencyFailureReader.Graph, TimeSpan.FromSeconds(7), false, "HTTP 429 ApplicationThrottled: Mailbox concurrency limit"), failure);
    }

    [Theory]
    [InlineData(400, true)]
    [InlineData(403, true)]
    [InlineData(404, true)]
    [InlineData(401, false)]
    [InlineData(500, false)]
    [InlineData(503, false)]
    public void A_request_Graph_refused_for_what_it_is_is_permanent(int status, bool permanent) =>
        Assert.Equal(permanent, _reader.Read(new ODataError { ResponseStatusCode = status }).Permanent);

    [Fact]
    public void Retries_that_ran_out_are_described_by_the_last_answer_not_the_whole_body()
    {
        var last = new HttpRequestException("HTTP request failed with status code: ServiceUnavailable.{\"error\":{\"code\":\"ServiceUnavailable\"}}");
        var failure = _reader.Read(new AggregateException("Too many retries performed.", new HttpRequestException("first"), last));

        Assert.Equal(DependencyFailureReader.Graph, failure.Dependency);
        Assert.False(failure.Permanent);
        Assert.Equal("HTTP request failed with status code: ServiceUnavailable (after 2 tries)", failure.Description);
    }

    [Fact]
    public void The_Teams_webhooks_refusal_names_Teams()
    {
        var failure = _reader.Read(new RequestFailedException(502, "Bad gateway"));

        Assert.Equal(DependencyFailureReader.Teams, failure.Dependency);
        Assert.False(failure.Permanent);
    }

    [Fact]
    public void Storage_and_Communication_Services_are_named_as_such()
    {
        Assert.Equal(DependencyFailureReader.Storage, _reader.Read(new RequestFailedException(503, "busy", "ServerBusy", null)).Dependency);
        Assert.Equal(DependencyFailureReader.CommunicationServices, _reader.Read(new MailSendFailedException("failed", "op-1", "Failed", "EmailDroppedAllRecipientsSuppressed")).Dependency);
        Assert.Equal(DependencyFailureReader.Network, _reader.Read(new HttpRequestException("connection refused")).Dependency);
        Assert.Equal(DependencyFailureReader.App, _reader.Read(new InvalidOperationException("a bug")).Dependency);
    }
}
