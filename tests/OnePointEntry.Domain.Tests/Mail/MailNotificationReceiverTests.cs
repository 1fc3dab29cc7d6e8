using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using OnePointEntry.Mail;

namespace OnePointEntry.Domain.Tests.Mail;

public sealed class MailNotificationReceiverTests
{
    private const string Secret = "the-subscriptions-client-state";
    private readonly Mock<IMailQueue> _queue = new(MockBehavior.Strict);
    private readonly MailNotificationReceiver _receiver;

    public MailNotificationReceiverTests()
    {
        _receiver = new MailNotificationReceiver(_queue.Object, new MailNotificationOptions(Secret, new Uri("https://ope.example/api/mail/notifications")), NullLogger<MailNotificationReceiver>.Instance);
    }

    [Fact]
    public async Task Genuine_notifications_are_queued_and_forged_ones_dropped()
    {
        _queue.Setup(q => q.SendMessageAsync("AAMk-1", It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _queue.Setup(q => q.SendLifecycleEventAsync("missed", It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var queued = await _receiver.ReceiveAsync(
        [
            new MailNotification("sub-1", Secret, "AAMk-1", null),
            new MailNotification("sub-1", "guess", "AAMk-2", null),
            new MailNotification("sub-1", null, "AAMk-3", null),
            new MailNotification("sub-1", Secret + "x", "AAMk-4", null),
            new MailNotification("sub-1", Secret, null, "missed"),
        ], CancellationToken.None);

        Assert.Equal(2, queued);
        _queue.Verify(q => q.SendMessageAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
        _queue.Verify(q => q.SendLifecycleEventAsync("missed", It.IsAny<CancellationToken>()), Times.Once);
    }
}
