using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using OnePointEntry.Deliveries;
using OnePointEntry.Enquiries;
using OnePointEntry.Workspace;

namespace OnePointEntry.Domain.Tests.Workspace;

public sealed class WorklistTests
{
    private static readonly DateTimeOffset s_received = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly List<WorklistEntry> _open = [];
    private readonly List<Delivery> _failed = [];
    private readonly InMemoryEnquiryStore _store = new();
    private readonly Worklist _worklist;

    public WorklistTests()
    {
        var index = new Mock<IWorklistIndex>();
        index.Setup(i => i.ListOpenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => _open);
        var deliveries = new Mock<IDeliveryStore>();
        deliveries.Setup(d => d.ListFailedAsync(It.IsAny<CancellationToken>())).Returns(() => _failed.ToAsyncEnumerable());
        _worklist = new Worklist(index.Object, new Outbox(deliveries.Object, Mock.Of<IDeliveryQueue>(), TimeProvider.System, NullLogger<Outbox>.Instance), _store);
    }

    [Theory]
    [InlineData(EnquiryStatus.NeedsManualReview, WorkState.ManualReview)]
    [InlineData(EnquiryStatus.ScreeningFailed, WorkState.ManualReview)]
    [InlineData(EnquiryStatus.RoutingFailed, WorkState.RoutingFailed)]
    [InlineData(EnquiryStatus.Routed, WorkState.AwaitingDecision)]
    [InlineData(EnquiryStatus.Accepted, WorkState.InMediation)]
    [InlineData(EnquiryStatus.Mediated, WorkState.InMediation)]
    [InlineData(EnquiryStatus.VisitScheduled, WorkState.UpcomingVisit)]
    public void Statuses_that_need_someone_have_a_state_of_work(EnquiryStatus status, WorkState state) =>
        Assert.Equal(state, WorkStates.Of(status));

    [Theory]
    [InlineData(EnquiryStatus.Received)]
    [InlineData(EnquiryStatus.Screened)]
    [InlineData(EnquiryStatus.Declined)]
    [InlineData(EnquiryStatus.Completed)]
    public void Statuses_with_the_machine_or_closed_are_not_on_the_worklist(EnquiryStatus status) =>
        Assert.Null(WorkStates.Of(status));

    [Fact]
    public async Task Counts_are_per_state_and_a_page_lists_one_state_soonest_due_first()
    {
        Add("Later Org", WorkState.ManualReview, due: s_received.AddDays(3));
        Add("Sooner Org", WorkState.ManualReview, due: s_received.AddDays(1));
        Add("Undated Org", WorkState.ManualReview, due: null);
        Add("Waiting Org", WorkState.AwaitingDecision, due: s_received);

        var page = await _worklist.ReadAsync(new WorklistQuery(State: WorkState.ManualReview), CancellationToken.None);

        Assert.Equal(["Sooner Org", "Later Org", "Undated Org"], page.Entries.Select(entry => entry.Organisation));
        Assert.Equal((3, 1, 0), (page.Counts[WorkState.ManualReview], page.Counts[WorkState.AwaitingDecision], page.Counts[WorkState.UpcomingVisit]));
    }

    [Fact]
    public async Task Filters_combine_and_the_search_finds_a_reference_an_organisation_or_the_senders_domain()
    {
        var liaoyang = Add("Liaoyang Municipal Government", WorkState.ManualReview, country: "CN", themes: ["fur-industry"], screener: "mei@ope", domain: "ly.gov.cn");
        Add("Minnesota Medtech Association", WorkState.ManualReview, country: "US", themes: ["life-science-medtech"], screener: "chen@ope", domain: "mnmedtech.org");

        Assert.Equal([liaoyang], (await Read(new WorklistQuery(Search: liaoyang.ToString().ToLowerInvariant()))));
        Assert.Equal([liaoyang], (await Read(new WorklistQuery(Search: "municipal"))));
        Assert.Equal([liaoyang], (await Read(new WorklistQuery(Search: "gov.cn"))));
        Assert.Equal([liaoyang], (await Read(new WorklistQuery(Search: "@ly.gov.cn"))));
        Assert.Equal([liaoyang], (await Read(new WorklistQuery(CountryCode: "cn", Theme: "fur-industry", ScreenerId: "MEI@ope"))));
        Assert.Empty(await Read(new WorklistQuery(CountryCode: "CN", ScreenerId: "chen@ope")));
        Assert.Empty(await Read(new WorklistQuery(Month: "2026-11")));
    }

    [Fact]
    public async Task Pages_hold_twenty_five_and_a_page_past_the_end_shows_the_last()
    {
        for (var i = 0; i < 60; i++)
        {
            Add($"Org {i:D2}", WorkState.AwaitingDecision, due: s_received.AddHours(i));
        }

        var third = await _worklist.ReadAsync(new WorklistQuery(Page: 9), CancellationToken.None);

        Assert.Equal((3, 3, 60, 10), (third.Page, third.PageCount, third.Total, third.Entries.Count));
        Assert.Equal("Org 50", third.Entries[0].Organisation);
    }

    [Fact]
    public async Task An_enquiry_with_a_delivery_that_failed_is_listed_under_it_as_well()
    {
        var open = Add("Open Org", WorkState.AwaitingDecision);
        var closed = EnquiryReference.New(new DateOnly(2026, 11, 3));
        await _store.AddAsync(
            new Enquiry { Reference = closed, Source = EnquirySource.WebForm, ReceivedAt = s_received, Status = EnquiryStatus.Declined, Submission = TestData.ValidSubmission() },
            [],
            [],
            CancellationToken.None);
        _failed.Add(FailedDelivery(new DeliveryId(open.ToString(), DeliveryKind.ScreeningCard)));
        _failed.Add(FailedDelivery(new DeliveryId(open.ToString(), DeliveryKind.ScreeningTask, "mei@ope")));
        _failed.Add(FailedDelivery(new DeliveryId(closed.ToString(), DeliveryKind.Acknowledgement)));
        _failed.Add(FailedDelivery(new DeliveryId("report-2026-11", DeliveryKind.ReportMail)));

        var page = await _worklist.ReadAsync(new WorklistQuery(State: WorkState.DeliveryFailed), CancellationToken.None);

        Assert.Equal([closed.ToString(), open.ToString()], page.Entries.Select(entry => entry.Reference.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal((1, 2), (page.Counts[WorkState.AwaitingDecision], page.Counts[WorkState.DeliveryFailed]));
    }

    private async Task<IEnumerable<EnquiryReference>> Read(WorklistQuery query) =>
        (await _worklist.ReadAsync(query, CancellationToken.None)).Entries.Select(entry => entry.Reference);

    private EnquiryReference Add(string organisation, WorkState state, DateTimeOffset? due = null, string? country = null, string[]? themes = null, string? screener = null, string? domain = null)
    {
        var reference = EnquiryReference.New(new DateOnly(2026, 12, 1));
        _open.Add(new WorklistEntry
        {
            Reference = reference,
            Status = EnquiryStatus.Routed,
            State = state,
            Due = due,
            ReceivedAt = s_received,
            Organisation = organisation,
            CountryCode = country,
            Themes = themes ?? [],
            ScreenerId = screener,
            SenderDomain = domain,
        });
        return reference;
    }

    private static Delivery FailedDelivery(DeliveryId id) => new() { Id = id, State = DeliveryState.DeliveryFailed, RecordedAt = s_received };
}
