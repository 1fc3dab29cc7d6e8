using OnePointEntry.Enquiries;

namespace OnePointEntry.Domain.Tests.Enquiries;

public sealed class EnquiryLifecycleTests
{
    [Theory]
    [InlineData(EnquiryStatus.Received, EnquiryStatus.Screened, true)]
    [InlineData(EnquiryStatus.Screened, EnquiryStatus.Routed, true)]
    [InlineData(EnquiryStatus.Routed, EnquiryStatus.Accepted, true)]
    [InlineData(EnquiryStatus.Accepted, EnquiryStatus.Mediated, true)]
    [InlineData(EnquiryStatus.Mediated, EnquiryStatus.VisitScheduled, true)]
    [InlineData(EnquiryStatus.VisitScheduled, EnquiryStatus.Completed, true)]
    [InlineData(EnquiryStatus.Screened, EnquiryStatus.Completed, false)]
    [InlineData(EnquiryStatus.Completed, EnquiryStatus.Declined, false)]
    [InlineData(EnquiryStatus.Declined, EnquiryStatus.Accepted, false)]
    [InlineData(EnquiryStatus.Received, EnquiryStatus.VisitScheduled, false)]
    public void Only_the_lifecycles_steps_are_allowed(EnquiryStatus from, EnquiryStatus to, bool allowed)
    {
        Assert.Equal(allowed, EnquiryLifecycle.CanChange(from, to));
    }

    [Fact]
    public void Every_status_has_its_next_steps_defined_and_a_delegation_counts_from_visit_scheduled_on()
    {
        Assert.All(Enum.GetValues<EnquiryStatus>(), status => Assert.NotNull(EnquiryLifecycle.Next(status)));
        Assert.Equal(
            [EnquiryStatus.VisitScheduled, EnquiryStatus.Completed],
            Enum.GetValues<EnquiryStatus>().Where(EnquiryLifecycle.IsFacilitated));
    }
}
