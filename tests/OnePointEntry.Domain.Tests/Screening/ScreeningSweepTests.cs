using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;
using OnePointEntry.Enquiries;
using OnePointEntry.Screening;

namespace OnePointEntry.Domain.Tests.Screening;

public sealed class ScreeningSweepTests
{
    [Fact]
    public async Task Enquiries_waiting_longer_than_the_patience_in_this_and_last_month_are_queued_again()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        var stalledNow = Enquiry(new DateOnly(2026, 12, 1), time.GetUtcNow().AddMinutes(-30));
        var fresh = Enquiry(new DateOnly(2026, 12, 1), time.GetUtcNow().AddMinutes(-2));
        var stalledLastMonth = Enquiry(new DateOnly(2026, 11, 30), time.GetUtcNow().AddHours(-20));
        var store = new Mock<IEnquiryStore>(MockBehavior.Strict);
        store.Setup(s => s.ListAsync("2026-12", EnquiryStatus.Received, It.IsAny<CancellationToken>())).Returns(new[] { stalledNow, fresh }.ToAsyncEnumerable());
        store.Setup(s => s.ListAsync("2026-11", EnquiryStatus.Received, It.IsAny<CancellationToken>())).Returns(new[] { stalledLastMonth }.ToAsyncEnumerable());
        var queued = new List<EnquiryReference>();
        var queue = new Mock<IScreeningQueue>();
        queue.Setup(q => q.SendAsync(It.IsAny<EnquiryReference>(), It.IsAny<CancellationToken>())).Callback((EnquiryReference r, CancellationToken _) => queued.Add(r)).Returns(Task.CompletedTask);

        var count = await new ScreeningSweep(store.Object, queue.Object, time, NullLogger<ScreeningSweep>.Instance).RequeueStalledAsync(CancellationToken.None);

        Assert.Equal(2, count);
        Assert.Equal([stalledNow.Reference, stalledLastMonth.Reference], queued);
    }

    private static Enquiry Enquiry(DateOnly month, DateTimeOffset receivedAt) => new()
    {
        Reference = EnquiryReference.New(month),
        Source = EnquirySource.WebForm,
        ReceivedAt = receivedAt,
        Submission = TestData.ValidSubmission(),
    };
}
