using System.Net;
using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Graph.Models;
using Microsoft365StandIn;
using OnePointEntry.Infrastructure.Routing;
using OnePointEntry.Routing;
using OnePointEntry.Scheduling;

namespace OnePointEntry.Integration.Tests.Routing;

/// <summary>The real Graph SDK and <see cref="GraphScreeningCalendar"/> over HTTP against <see cref="StandInServer"/>.</summary>
public sealed class GraphScreeningCalendarTests : IDisposable
{
    private const string Screener = "mette.lund@onepointentry.test";
    private const string SomeoneElse = "someone.else@onepointentry.test";
    private static readonly DateTimeOffset s_monday = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private readonly StandInServer _m365 = StandInServer.Start();
    private readonly IHost _host;

    public GraphScreeningCalendarTests()
    {
        _m365.AddUser(Screener);
        _m365.AddUser(SomeoneElse);
        _host = RoutingTestHost.Build(_m365);
        Calendar = _host.Services.GetRequiredService<IScreeningCalendar>();
    }

    private IScreeningCalendar Calendar { get; }

    [Fact]
    public async Task Many_screeners_calendars_are_read_twenty_to_a_getSchedule_and_one_that_cannot_be_read_is_left_out()
    {
        var team = Enumerable.Range(1, 24).Select(i => $"screener{i:D2}@onepointentry.test").ToList();
        foreach (var member in team)
        {
            _m365.AddUser(member);
        }

        _m365.StageBusy("screener07@onepointentry.test", s_monday.AddHours(8), s_monday.AddHours(9));
        _m365.StageBusy("screener23@onepointentry.test", s_monday.AddHours(10), s_monday.AddHours(11), "oof");

        var schedules = await Calendar.GetBusyAsync([.. team, "left.last.year@onepointentry.test"], new TimeInterval(s_monday, s_monday.AddDays(2)), CancellationToken.None);

        var requests = _m365.RequestsTo("POST", "/calendar/getSchedule$");
        Assert.Equal([20, 5], requests.Select(request => request.Json!["schedules"]!.AsArray().Count));
        Assert.Equal(team.Order(StringComparer.Ordinal), schedules.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([new TimeInterval(s_monday.AddHours(8), s_monday.AddHours(9))], schedules["screener07@onepointentry.test"]);
        Assert.Equal([new TimeInterval(s_monday.AddHours(10), s_monday.AddHours(11))], schedules["SCREENER23@onepointentry.test"]);
        Assert.Empty(schedules["screener01@onepointentry.test"]);
    }

    [Fact]
    public async Task Busy_intervals_come_from_getSchedule_for_the_screeners_address_in_UTC()
    {
        _m365.StageBusy(Screener, s_monday.AddHours(8), s_monday.AddHours(9.5));
        _m365.StageBusy(Screener, s_monday.AddHours(10), s_monday.AddHours(11), "tentative");
        _m365.StageBusy(Screener, s_monday.AddHours(12), s_monday.AddHours(13), "oof");
        _m365.StageBusy(Screener, s_monday.AddHours(13), s_monday.AddHours(14), "free");
        _m365.StageBusy(Screener, s_monday.AddHours(14), s_monday.AddHours(15), "workingElsewhere");
        _m365.StageBusy(Screener, s_monday.AddDays(5), s_monday.AddDays(5).AddHours(1));
        _m365.StageBusy(SomeoneElse, s_monday.AddHours(9), s_monday.AddHours(10));

        var busy = await Calendar.GetBusyAsync(Screener, new TimeInterval(s_monday, s_monday.AddDays(2)), CancellationToken.None);

        Assert.Equal(
            [
                new TimeInterval(s_monday.AddHours(8), s_monday.AddHours(9.5)),
                new TimeInterval(s_monday.AddHours(10), s_monday.AddHours(11)),
                new TimeInterval(s_monday.AddHours(12), s_monday.AddHours(13)),
            ],
            busy);
        var request = Assert.Single(_m365.RequestsTo("POST", $"^/users/{Screener}/calendar/getSchedule$"));
        var body = request.Json!;
        Assert.Equal([Screener], body["schedules"]!.AsArray().Select(node => node!.GetValue<string>()));
        Assert.Equal("2026-03-02T00:00:00.0000000", body["startTime"]?["dateTime"]?.GetValue<string>());
        Assert.Equal("UTC", body["startTime"]?["timeZone"]?.GetValue<string>());
        Assert.Equal("2026-03-04T00:00:00.0000000", body["endTime"]?["dateTime"]?.GetValue<string>());
        Assert.Equal(30, body["availabilityViewInterval"]?.GetValue<int>());
        Assert.Contains("outlook.timezone=\"UTC\"", request.Headers["Prefer"], StringComparison.Ordinal);
        var issued = await _host.Services.GetRequiredService<TokenCredential>().GetTokenAsync(new TokenRequestContext([new Uri(_m365.GraphBaseUrl, "/.default").AbsoluteUri]), CancellationToken.None);
        Assert.Equal($"Bearer {issued.Token}", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task A_screener_known_by_object_id_is_looked_up_once_for_the_address()
    {
        var id = _m365.AddUser(Screener);
        _m365.StageBusy(Screener, s_monday.AddHours(9), s_monday.AddHours(10));
        var window = new TimeInterval(s_monday, s_monday.AddDays(1));

        var first = await Calendar.GetBusyAsync(id, window, CancellationToken.None);
        var second = await Calendar.GetBusyAsync(id, window, CancellationToken.None);

        Assert.Single(first);
        Assert.Equal(first, second);
        Assert.Single(_m365.RequestsTo("GET", $"^/users/{id}$"));
        Assert.All(_m365.RequestsTo("POST", "/getSchedule$"), request => Assert.Equal(Screener, request.Json!["schedules"]![0]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(FreeBusyStatus.Busy, true)]
    [InlineData(FreeBusyStatus.Oof, true)]
    [InlineData(FreeBusyStatus.Tentative, true)]
    [InlineData(FreeBusyStatus.WorkingElsewhere, false)]
    [InlineData(FreeBusyStatus.Free, false)]
    [InlineData(FreeBusyStatus.Unknown, false)]
    public void Which_schedule_statuses_count_as_busy(FreeBusyStatus status, bool busy) =>
        Assert.Equal(busy, GraphScreeningCalendar.IsBusy(status));

    [Fact]
    public async Task Booking_sends_the_event_in_UTC_with_the_transactionId_and_shows_it_busy_with_a_reminder()
    {
        var appointment = Appointment();

        var id = await Calendar.BookAsync(appointment, CancellationToken.None);

        var booked = Assert.Single(_m365.EventsOf(Screener));
        Assert.Equal(booked.Id, id);
        Assert.Equal(appointment.Start, booked.Start);
        Assert.Equal(appointment.End, booked.End);
        Assert.Equal(appointment.Subject, booked.Subject);
        Assert.Equal("html", booked.BodyContentType);
        Assert.Equal(appointment.HtmlBody, booked.Body);
        Assert.Equal("busy", booked.ShowAs);
        Assert.Equal(["Screening"], booked.Categories);
        Assert.True(booked.IsReminderOn);
        Assert.Equal(15, booked.ReminderMinutesBeforeStart);
        var request = Assert.Single(_m365.RequestsTo("POST", $"^/users/{Screener}/events$"));
        Assert.Equal(appointment.TransactionId, request.Json!["transactionId"]?.GetValue<string>());
        Assert.Equal("2026-03-02T09:00:00.0000000", request.Json["start"]?["dateTime"]?.GetValue<string>());
        Assert.Equal("UTC", request.Json["start"]?["timeZone"]?.GetValue<string>());
    }

    [Fact]
    public async Task Booking_again_with_the_same_transactionId_returns_the_first_event_and_leaves_one()
    {
        var first = await Calendar.BookAsync(Appointment(), CancellationToken.None);

        // A retry after a lost answer picks another slot: the transactionId still finds the first event.
        var again = await Calendar.BookAsync(Appointment() with { Start = s_monday.AddHours(11), End = s_monday.AddHours(11.5) }, CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Single(_m365.EventsOf(Screener));
        Assert.Equal(2, _m365.RequestsTo("POST", "/events$").Count);
    }

    [Fact]
    public async Task A_booking_is_taken_out_by_its_id_or_its_transactionId_and_one_gone_already_is_no_error()
    {
        var first = await Calendar.BookAsync(Appointment(), CancellationToken.None);
        await Calendar.CancelAsync(Screener, first, CancellationToken.None);
        Assert.Empty(_m365.EventsOf(Screener));
        await Calendar.CancelAsync(Screener, first, CancellationToken.None);

        // Booked again after it was deleted (the screening given back): the same transactionId makes a new event.
        var second = await Calendar.BookAsync(Appointment(), CancellationToken.None);
        Assert.NotEqual(first, second);
        await Calendar.CancelBookingAsync(Screener, Appointment().TransactionId, CancellationToken.None);
        Assert.Empty(_m365.EventsOf(Screener));
        await Calendar.CancelBookingAsync(Screener, Appointment().TransactionId, CancellationToken.None);
        // The second delete by id was answered 404; the second by transactionId found nothing to delete.
        Assert.Equal(3, _m365.RequestsTo("DELETE", "/events/").Count);
    }

    [Fact]
    public async Task A_conflict_for_a_repeated_transactionId_is_answered_with_the_event_found_by_it()
    {
        var first = await Calendar.BookAsync(Appointment(), CancellationToken.None);
        _m365.AnswersRepeatedTransactionWithConflict = true;

        var again = await Calendar.BookAsync(Appointment(), CancellationToken.None);

        Assert.Equal(first, again);
        Assert.Single(_m365.EventsOf(Screener));
        var lookUp = Assert.Single(_m365.RequestsTo("GET", $"^/users/{Screener}/events$"));
        Assert.Equal($"transactionId eq '{Appointment().TransactionId}'", lookUp.Query["$filter"].ToString());
    }

    [Fact]
    public async Task A_lost_answer_to_the_booking_is_retried_by_the_client_and_still_leaves_one_event()
    {
        _m365.LoseNextAnswer("POST", "/events$");

        var id = await Calendar.BookAsync(Appointment(), CancellationToken.None);

        Assert.Equal(id, Assert.Single(_m365.EventsOf(Screener)).Id);
        Assert.Equal(2, _m365.RequestsTo("POST", "/events$").Count);
    }

    [Theory]
    [InlineData(429, "ApplicationThrottled")]
    [InlineData(503, "ServiceUnavailable")]
    public async Task Throttling_or_unavailability_then_success_books_exactly_one_event(int status, string code)
    {
        _m365.FailNext("POST", "/events$", status, code, retryAfter: TimeSpan.Zero);

        var id = await Calendar.BookAsync(Appointment(), CancellationToken.None);

        Assert.Equal(id, Assert.Single(_m365.EventsOf(Screener)).Id);
        var attempts = _m365.RequestsTo("POST", "/events$");
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Json!["transactionId"]?.GetValue<string>(), attempts[1].Json!["transactionId"]?.GetValue<string>());
    }

    [Fact]
    public async Task An_unreadable_schedule_is_an_error_not_a_free_calendar()
    {
        _m365.FailNext("POST", "/getSchedule$", (int)HttpStatusCode.Forbidden, "ErrorAccessDenied");

        await Assert.ThrowsAsync<Microsoft.Graph.Models.ODataErrors.ODataError>(
            () => Calendar.GetBusyAsync(Screener, new TimeInterval(s_monday, s_monday.AddDays(1)), CancellationToken.None));
    }

    private static ScreeningAppointment Appointment() => new(
        Screener,
        "[OPE-2611-7K3F] Screen: Liaoyang Municipal Government (CN), priority High",
        "<html><body><h2>[OPE-2611-7K3F] Screen</h2><pre>&lt;script&gt;alert(1)&lt;/script&gt;</pre></body></html>",
        s_monday.AddHours(9),
        s_monday.AddHours(9.5),
        "5b0c3f5e-8f0e-4c59-9d0a-3c1f7a7a2b11");

    public void Dispose()
    {
        _host.Dispose();
        _m365.Dispose();
    }
}
