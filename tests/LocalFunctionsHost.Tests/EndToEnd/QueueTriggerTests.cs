using System.Net;
using System.Text;
using System.Text.Json;
using LocalFunctionsHost.Testing;
using LocalFunctionsHost.Tests.Infrastructure;

namespace LocalFunctionsHost.Tests.EndToEnd;

[Collection(SampleHostCollection.Name)]
public sealed class QueueTriggerTests(SampleHostFixture fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Base64_message_is_decoded_passed_with_its_metadata_deleted_and_the_output_enqueued()
    {
        var input = Azurite.Queue(fixture.Settings.InputQueue);
        var sent = (await input.SendMessageAsync(Base64("hello, queue ✓"))).Value;

        var stored = await Azurite.WaitForMessageAsync(fixture.Settings.OutputQueue, Wait);

        // The output binding's value is enqueued Base64-encoded, as the real host writes it.
        using var received = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(stored)));
        var root = received.RootElement;
        Assert.Equal("hello, queue ✓", root.GetProperty("Body").GetString());
        Assert.Equal("hello, queue ✓", root.GetProperty("QueueTrigger").GetString());
        Assert.Equal(sent.MessageId, root.GetProperty("Id").GetString());
        Assert.Equal("1", root.GetProperty("DequeueCount").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("PopReceipt").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("InsertionTime").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("ExpirationTime").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("NextVisibleTime").GetString()));

        await WaitUntilAsync(async () => (await input.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "the processed message to be deleted");
    }

    [Fact]
    public async Task Failing_message_is_retried_up_to_max_dequeue_count_then_moved_to_poison()
    {
        var body = Base64("cannot be processed");
        await Azurite.Queue(fixture.Settings.FailingQueue).SendMessageAsync(body);

        var poisoned = await Azurite.WaitForMessageAsync(fixture.Settings.FailingQueue + "-poison", Wait);

        Assert.Equal(body, poisoned);
        // maxDequeueCount is 3 in the sample's host.json.
        Assert.Equal(3, fixture.Host.CountLines(l => l.Contains("Executed 'Functions.AlwaysFails' (Failed", StringComparison.Ordinal)));
        Assert.Contains("has reached MaxDequeueCount of 3", fixture.Host.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await Azurite.Queue(fixture.Settings.FailingQueue).GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Message_that_is_not_base64_goes_to_poison_without_running_the_function()
    {
        const string notBase64 = "this is not base64!";
        var executedBefore = fixture.Host.CountLines(l => l.Contains("Executing 'Functions.ProcessQueue'", StringComparison.Ordinal));
        await Azurite.Queue(fixture.Settings.InputQueue).SendMessageAsync(notBase64);

        var poisoned = await Azurite.WaitForMessageAsync(fixture.Settings.InputQueue + "-poison", Wait);

        Assert.Equal(notBase64, poisoned);
        Assert.Contains("is not valid Base64", fixture.Host.Output, StringComparison.Ordinal);
        Assert.Equal(executedBefore, fixture.Host.CountLines(l => l.Contains("Executing 'Functions.ProcessQueue'", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Timer_function_runs_when_posted_to_the_admin_api()
    {
        using var client = fixture.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("admin/functions/Tick", UriKind.Relative))
        {
            Content = new StringContent("{\"input\":\"\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-functions-key", HostProcess.MasterKey);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = await Azurite.WaitForMessageAsync(fixture.Settings.TimerQueue, Wait);
        Assert.StartsWith("tick pastDue=False", Encoding.UTF8.GetString(Convert.FromBase64String(stored)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Tick", HttpStatusCode.Unauthorized)]
    [InlineData(HostProcess.FunctionKey, "Tick", HttpStatusCode.Unauthorized)]
    [InlineData(HostProcess.MasterKey, "NoSuchFunction", HttpStatusCode.NotFound)]
    [InlineData(HostProcess.MasterKey, "Hello", HttpStatusCode.BadRequest)]
    public async Task Admin_api_needs_the_master_key_and_a_non_http_function(string? key, string function, HttpStatusCode expected)
    {
        using var client = fixture.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"admin/functions/{function}", UriKind.Relative))
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(200);
        }
    }
}
