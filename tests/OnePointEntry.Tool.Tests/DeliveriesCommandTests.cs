using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OnePointEntry.Deliveries;
using OnePointEntry.Mail;

namespace OnePointEntry.Tool.Tests;

public sealed class DeliveriesCommandTests : IAsyncLifetime
{
    private static readonly DeliveryId Failed = new("OPE-2611-7K3F", DeliveryKind.Acknowledgement);
    private static readonly DeliveryId Delivered = new("OPE-2611-7K3F", DeliveryKind.ScreeningCard, "anna@onepointentry.example");

    private readonly SeedStorage _storage = new();

    public async Task InitializeAsync()
    {
        using var storage = _storage.Open();
        var store = storage.Services.GetRequiredService<IDeliveryStore>();
        var now = DateTimeOffset.UtcNow;
        var mail = new OutgoingMail { To = ["wang.lei@example.cn"], Subject = "Reference OPE-2611-7K3F", HtmlBody = "<p>Thank you, Wang Lei.</p>" };
        await store.TryAddAsync(Delivery.OfMail(Failed, mail, now), CancellationToken.None);
        var recorded = (await store.FindAsync(Failed, CancellationToken.None))!;
        await store.TryUpdateAsync(recorded with { State = DeliveryState.DeliveryFailed, Attempts = 10, LastError = "Microsoft Graph: ODataError: ErrorInvalidRecipients" }, CancellationToken.None);
        await store.TryAddAsync(Delivery.OfCard(Delivered, new Routing.TeamsCard("Screening", "Due Friday", [], null), now), CancellationToken.None);
        var card = (await store.FindAsync(Delivered, CancellationToken.None))!;
        await store.TryUpdateAsync(card with { State = DeliveryState.Delivered, DeliveredAt = now, Card = null }, CancellationToken.None);
    }

    public Task DisposeAsync() => _storage.DisposeAsync();

    [Fact]
    public async Task List_prints_the_failed_deliveries_with_their_error_and_no_personal_data()
    {
        var (code, output, _) = await RunAsync("list");

        Assert.Equal(0, code);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(Failed + "\tDeliveryFailed\t10 attempt(s)", line, StringComparison.Ordinal);
        Assert.Contains("ErrorInvalidRecipients", line, StringComparison.Ordinal);
        Assert.DoesNotContain("wang", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task List_of_a_subject_prints_all_its_deliveries()
    {
        var (code, output, _) = await RunAsync("list", "--subject", "OPE-2611-7K3F");

        Assert.Equal(0, code);
        Assert.Equal(2, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(Delivered + "\tDelivered", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resend_queues_a_failed_delivery_once_and_leaves_the_others_alone()
    {
        var (code, output, _) = await RunAsync("resend", Failed.ToString(), Delivered.ToString());

        Assert.Equal(0, code);
        Assert.Contains(Failed + "\tPending\tqueued", output, StringComparison.Ordinal);
        Assert.Contains(Delivered + "\tDelivered\tnot failed", output, StringComparison.Ordinal);
        Assert.Equal([DeliveryMessage.Create(Failed)], await _storage.QueuedDeliveriesAsync());
        var (_, afterwards, _) = await RunAsync("list");
        Assert.Contains("No delivery has failed.", afterwards, StringComparison.Ordinal);

        var (again, _, _) = await RunAsync("resend", Failed.ToString());
        Assert.Equal(0, again);
        Assert.Single(await _storage.QueuedDeliveriesAsync());
    }

    [Fact]
    public async Task Resending_an_unknown_delivery_is_exit_code_1()
    {
        var (code, _, error) = await RunAsync("resend", "OPE-2611-ZZZZ~Acknowledgement");

        Assert.Equal(1, code);
        Assert.Contains("no delivery OPE-2611-ZZZZ~Acknowledgement", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("send")]
    [InlineData("resend")]
    [InlineData("resend", "OPE-2611-7K3F")]
    [InlineData("resend", "OPE-2611-7K3F~Nonsense")]
    [InlineData("list", "--subject", "a/b")]
    [InlineData("list", "--all")]
    public async Task Bad_usage_is_exit_code_2_without_opening_storage(params string[] args)
    {
        var opened = _storage.Opened;

        var (code, _, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains("usage: ope deliveries", error, StringComparison.Ordinal);
        Assert.Equal(opened, _storage.Opened);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await _storage.DeliveriesCommand().RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }
}
