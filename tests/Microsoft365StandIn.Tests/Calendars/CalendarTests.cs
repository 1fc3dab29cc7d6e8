using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;
using Microsoft365StandIn.Tests.Support;

namespace Microsoft365StandIn.Tests.Calendars;

/// <summary>Screeners' calendars: transactionId idempotency, the filter on it, and getSchedule reflecting what was booked.</summary>
public sealed class CalendarTests : IAsyncLifetime
{
    private const string Screener = "mei.chen@onepointentry.example";

    private StandInServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await StandInServer.StartAsync();
        _server.AddUser(Screener, displayName: "Mei Chen");
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_repeated_transactionId_gives_back_the_first_event_and_books_nothing_more()
    {
        var graph = GraphClients.For(_server);

        var first = await graph.Users[Screener].Events.PostAsync(Booking("tx-1", "Screening OPE-2612-7K3F"));
        var again = await graph.Users[Screener].Events.PostAsync(Booking("tx-1", "Screening OPE-2612-7K3F, retried"));
        var found = await graph.Users[Screener].Events.GetAsync(request => request.QueryParameters.Filter = "transactionId eq 'tx-1'");

        Assert.Equal(first!.Id, again!.Id);
        Assert.Equal("Screening OPE-2612-7K3F", again.Subject);
        Assert.Equal(first.Id, Assert.Single(found!.Value!).Id);
        var booked = Assert.Single(_server.EventsOf(Screener));
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero), booked.Start);
        Assert.Equal(["Screening"], booked.Categories);
    }

    [Fact]
    public async Task In_conflict_mode_a_repeated_transactionId_is_a_409()
    {
        _server.AnswersRepeatedTransactionWithConflict = true;
        var graph = GraphClients.For(_server);
        await graph.Users[Screener].Events.PostAsync(Booking("tx-1", "Screening"));

        var conflict = await Assert.ThrowsAsync<ODataError>(() => graph.Users[Screener].Events.PostAsync(Booking("tx-1", "Screening")));

        Assert.Equal(409, conflict.ResponseStatusCode);
        Assert.Single(_server.Events);
    }

    [Fact]
    public async Task getSchedule_shows_the_events_booked_and_the_staged_busy_blocks()
    {
        var graph = GraphClients.For(_server);
        await graph.Users[Screener].Events.PostAsync(Booking("tx-1", "Screening"));
        _server.StageBusy(Screener, new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 8, 11, 0, 0, TimeSpan.Zero), "oof");

        var schedule = await graph.Users[Screener].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(
            new GetSchedulePostRequestBody
            {
                Schedules = [Screener, "nobody@onepointentry.example"],
                StartTime = new DateTimeTimeZone { DateTime = "2026-12-08T08:00:00", TimeZone = "UTC" },
                EndTime = new DateTimeTimeZone { DateTime = "2026-12-08T12:00:00", TimeZone = "UTC" },
                AvailabilityViewInterval = 30,
            },
            request => request.Headers.Add("Prefer", "outlook.timezone=\"UTC\""));

        var mine = schedule!.Value![0];
        Assert.Equal("00203300", mine.AvailabilityView);
        Assert.Equal([FreeBusyStatus.Busy, FreeBusyStatus.Oof], mine.ScheduleItems!.Select(item => item.Status));
        Assert.Equal("2026-12-08T09:00:00.0000000", mine.ScheduleItems![0].Start!.DateTime);
        Assert.Equal("ErrorMailRecipientNotFound", schedule.Value[1].Error!.ResponseCode);
    }

    [Fact]
    public async Task One_getSchedule_answers_every_address_asked_for_in_the_order_asked()
    {
        var team = Enumerable.Range(1, 20).Select(i => $"screener{i:D2}@onepointentry.example").ToList();
        foreach (var member in team)
        {
            _server.AddUser(member);
        }

        _server.StageBusy("screener13@onepointentry.example", new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 8, 10, 0, 0, TimeSpan.Zero));
        var asked = team.AsEnumerable().Reverse().ToList();

        var schedule = await GraphClients.For(_server).Users[Screener].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(
            new GetSchedulePostRequestBody
            {
                Schedules = asked,
                StartTime = new DateTimeTimeZone { DateTime = "2026-12-08T08:00:00", TimeZone = "UTC" },
                EndTime = new DateTimeTimeZone { DateTime = "2026-12-08T12:00:00", TimeZone = "UTC" },
                AvailabilityViewInterval = 60,
            });

        Assert.Equal(asked, schedule!.Value!.Select(item => item.ScheduleId));
        Assert.All(schedule.Value!, item => Assert.Null(item.Error));
        Assert.Equal("0200", schedule.Value!.Single(item => item.ScheduleId == "screener13@onepointentry.example").AvailabilityView);
        Assert.Equal(19, schedule.Value!.Count(item => item.AvailabilityView == "0000"));
    }

    [Fact]
    public async Task Times_come_in_the_zone_the_client_prefers()
    {
        var graph = GraphClients.For(_server);
        var created = await graph.Users[Screener].Events.PostAsync(Booking("tx-1", "Screening"));

        var local = await graph.Users[Screener].Events[created!.Id].GetAsync(request => request.Headers.Add("Prefer", "outlook.timezone=\"Europe/Copenhagen\""));

        Assert.Equal(("2026-12-08T10:00:00.0000000", "Europe/Copenhagen"), (local!.Start!.DateTime, local.Start.TimeZone));
    }

    [Fact]
    public async Task The_calendar_of_a_user_not_in_the_directory_is_ErrorInvalidUser()
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => GraphClients.For(_server).Users["nobody@onepointentry.example"].Events.PostAsync(Booking("tx", "x")));

        Assert.Equal((404, "ErrorInvalidUser"), (error.ResponseStatusCode, error.Error?.Code));
    }

    private static Event Booking(string transactionId, string subject) => new()
    {
        Subject = subject,
        Body = new ItemBody { ContentType = BodyType.Html, Content = "<p>Screen the enquiry.</p>" },
        Start = new DateTimeTimeZone { DateTime = "2026-12-08T09:00:00.0000000", TimeZone = "UTC" },
        End = new DateTimeTimeZone { DateTime = "2026-12-08T09:30:00.0000000", TimeZone = "UTC" },
        TransactionId = transactionId,
        ShowAs = FreeBusyStatus.Busy,
        Categories = ["Screening"],
    };
}
