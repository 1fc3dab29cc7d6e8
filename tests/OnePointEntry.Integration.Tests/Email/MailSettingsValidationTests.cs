using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using OnePointEntry.Infrastructure.Email;
using OnePointEntry.Infrastructure.Graph;
using OnePointEntry.Integration.Tests.Graph;
using OnePointEntry.Mail;

namespace OnePointEntry.Integration.Tests.Email;

/// <summary>The settings of <c>AddGraphMail</c> are checked when the app starts, and a failure names the setting.</summary>
public sealed class MailSettingsValidationTests
{
    [Fact]
    public async Task Without_a_mailbox_the_app_refuses_to_start_and_names_the_setting()
    {
        using var host = MailTestHost.Build(new Dictionary<string, string?>());

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Graph__Mailbox", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Choosing_Azure_Communication_Services_without_its_settings_names_both_missing_settings()
    {
        using var host = MailTestHost.Build(
            new Dictionary<string, string?> { ["Graph:Mailbox"] = "delegations@onepointentry.test", ["MailSending:Adapter"] = "AzureCommunicationServices" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("MailSending__AcsEndpoint", failure.Message, StringComparison.Ordinal);
        Assert.Contains("MailSending__AcsSenderAddress", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_that_is_not_https_is_refused()
    {
        using var host = MailTestHost.Build(
            new Dictionary<string, string?>
            {
                ["Graph:Mailbox"] = "delegations@onepointentry.test",
                ["MailSending:Adapter"] = "AzureCommunicationServices",
                ["MailSending:AcsEndpoint"] = "http://ope-mail.communication.azure.com",
                ["MailSending:AcsSenderAddress"] = "DoNotReply@notify.onepointentry.test",
            });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("MailSending__AcsEndpoint", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("MailSending__AcsSenderAddress", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_only_the_mailbox_the_app_starts_reading_and_sending_through_Graph()
    {
        using var host = MailTestHost.Build(new Dictionary<string, string?> { ["Graph:Mailbox"] = "delegations@onepointentry.test" });

        await host.StartAsync();

        Assert.IsType<GraphMailbox>(host.Services.GetRequiredService<IMailbox>());
        Assert.IsType<GraphMailSender>(host.Services.GetRequiredService<IMailSender>());
        Assert.Same(host.Services.GetRequiredService<GraphServiceClient>(), host.Services.GetRequiredService<GraphServiceClient>());
        var options = host.Services.GetRequiredService<IOptions<GraphOptions>>().Value;
        Assert.Equal("https://graph.microsoft.com/v1.0", options.BaseUrl.AbsoluteUri);
        Assert.Equal("Processed", options.ProcessedFolderName);
        await host.StopAsync();
    }

    [Fact]
    public async Task With_Azure_Communication_Services_configured_the_app_sends_through_it()
    {
        using var host = MailTestHost.Build(
            new Dictionary<string, string?>
            {
                ["Graph:Mailbox"] = "delegations@onepointentry.test",
                ["MailSending:Adapter"] = "AzureCommunicationServices",
                ["MailSending:AcsEndpoint"] = "https://ope-mail.europe.communication.azure.com",
                ["MailSending:AcsSenderAddress"] = "DoNotReply@notify.onepointentry.test",
            });

        await host.StartAsync();

        Assert.IsType<AcsEmailSender>(host.Services.GetRequiredService<IMailSender>());
        await host.StopAsync();
    }
}
