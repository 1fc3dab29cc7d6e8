using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;
using OnePointEntry.Routing;
using OnePointEntry.Scheduling;

namespace OnePointEntry.Infrastructure.Routing;

/// <summary>
/// Screeners' Outlook calendars through Microsoft Graph, app-only (application permissions Calendars.ReadWrite,
/// limited to the screeners by an application access policy). All times go to and come from Graph in UTC, named
/// as such (<c>timeZone: "UTC"</c> and <c>Prefer: outlook.timezone="UTC"</c>); Outlook shows them in each
/// person's own zone. Throttling and 503/504 are retried by the Graph client's retry handler; a retried
/// booking is safe because it carries the same <c>transactionId</c>.
/// </summary>
public sealed partial class GraphScreeningCalendar(GraphServiceClient graph, GraphUserDirectory users, ILogger<GraphScreeningCalendar> logger)
    : IScreeningCalendar
{
    public const string Category = "Screening";
    public const int ReminderMinutes = 15;
    public const int AvailabilityViewInterval = 30;

    private const string Utc = "UTC";
    private const string PreferUtc = "outlook.timezone=\"UTC\"";
    private const string GraphDateTime = "yyyy-MM-dd'T'HH:mm:ss.fffffff";

    /// <summary>
    /// The schedule items that keep the screener from a half hour of reading: <c>busy</c>, <c>oof</c> and
    /// <c>tentative</c> (a tentative meeting is likely to happen, and a screening block on top of it would be
    /// declined in practice). <c>free</c>, <c>workingElsewhere</c> and <c>unknown</c> do not: working from
    /// elsewhere is still working, which is all screening needs, and Graph's own availabilityView counts it as
    /// free (0) too.
    /// </summary>
    public static bool IsBusy(FreeBusyStatus? status) => status is FreeBusyStatus.Busy or FreeBusyStatus.Oof or FreeBusyStatus.Tentative;

    /// <summary>How many schedules one getSchedule request asks for; more are asked in further requests.</summary>
    public const int MaxSchedulesPerRequest = 20;

    /// <summary><c>POST users/{staffId}/calendar/getSchedule</c> for the screener's own address over the window.</summary>
    public async Task<IReadOnlyList<TimeInterval>> GetBusyAsync(string staffId, TimeInterval window, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        var address = await users.AddressOfAsync(staffId, cancellationToken);
        var response = await GetScheduleAsync(staffId, [address], window, cancellationToken);
        var schedule = response?.Value?.FirstOrDefault(item => string.Equals(item.ScheduleId, address, StringComparison.OrdinalIgnoreCase))
            ?? response?.Value?.FirstOrDefault()
            ?? throw new InvalidOperationException($"Graph's getSchedule answer held no schedule for {address}.");
        if (schedule.Error is { } error)
        {
            // Treating an unreadable calendar as free would book over whatever is in it.
            throw new InvalidOperationException($"Graph could not read the schedule of {address}: {error.ResponseCode} {error.Message}");
        }

        var busy = BusyOf(schedule);
        LogScheduleRead(logger, busy.Count, window.Start, window.End);
        return busy;
    }

    /// <summary>
    /// One <c>POST users/{first screener}/calendar/getSchedule</c> naming every screener's address, up to
    /// <see cref="MaxSchedulesPerRequest"/> a request (Graph's limit per request). Asked in a screener's name, as the
    /// application access policy allows, not the shared mailbox's. A schedule Graph answers with an error, or whose
    /// address cannot be found, is left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<TimeInterval>>> GetBusyAsync(IReadOnlyCollection<string> staffIds, TimeInterval window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(staffIds);
        var found = new Dictionary<string, IReadOnlyList<TimeInterval>>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in staffIds.Distinct(StringComparer.OrdinalIgnoreCase).Chunk(MaxSchedulesPerRequest))
        {
            var addresses = await Task.WhenAll(chunk.Select(id => AddressOrNullAsync(id, cancellationToken)));
            var asked = chunk.Zip(addresses).Where(pair => pair.Second is not null).Select(pair => (StaffId: pair.First, Address: pair.Second!)).ToList();
            if (asked.Count == 0)
            {
                continue;
            }

            var response = await GetScheduleAsync(asked[0].StaffId, [.. asked.Select(pair => pair.Address)], window, cancellationToken);
            foreach (var (staffId, address) in asked)
            {
                var schedule = response?.Value?.FirstOrDefault(item => string.Equals(item.ScheduleId, address, StringComparison.OrdinalIgnoreCase));
                if (schedule is null || schedule.Error is not null)
                {
                    LogScheduleMissing(logger, schedule?.Error?.ResponseCode ?? "NoSchedule");
                    continue;
                }

                found[staffId] = BusyOf(schedule);
            }
        }

        LogSchedulesRead(logger, found.Count, window.Start, window.End);
        return found;
    }

    private async Task<string?> AddressOrNullAsync(string staffId, CancellationToken cancellationToken)
    {
        try
        {
            return await users.AddressOfAsync(staffId, cancellationToken);
        }
        catch (ODataError error)
        {
            LogScheduleMissing(logger, error.Error?.Code ?? error.ResponseStatusCode.ToString(CultureInfo.InvariantCulture));
            return null;
        }
    }

    private Task<GetSchedulePostResponse?> GetScheduleAsync(string asker, List<string> addresses, TimeInterval window, CancellationToken cancellationToken) =>
        graph.Users[asker].Calendar.GetSchedule.PostAsGetSchedulePostResponseAsync(
            new GetSchedulePostRequestBody
            {
                Schedules = addresses,
                StartTime = ToGraph(window.Start),
                EndTime = ToGraph(window.End),
                AvailabilityViewInterval = AvailabilityViewInterval,
            },
            request => request.Headers.Add("Prefer", PreferUtc),
            cancellationToken);

    private static List<TimeInterval> BusyOf(ScheduleInformation schedule)
    {
        var busy = new List<TimeInterval>();
        foreach (var item in schedule.ScheduleItems ?? [])
        {
            if (IsBusy(item.Status) && FromGraph(item.Start) is { } start && FromGraph(item.End) is { } end && end > start)
            {
                busy.Add(new TimeInterval(start, end));
            }
        }

        busy.Sort((left, right) => left.Start.CompareTo(right.Start));
        return busy;
    }

    /// <summary>
    /// <c>POST users/{staffId}/events</c> with the appointment's <c>transactionId</c>. For a repeated transactionId
    /// Graph gives back the event already made; should it answer <c>409 Conflict</c> instead (its documentation
    /// names neither), the event is looked up by its transactionId.
    /// </summary>
    public async Task<string> BookAsync(ScreeningAppointment appointment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(appointment);
        var item = new Event
        {
            Subject = appointment.Subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = appointment.HtmlBody },
            Start = ToGraph(appointment.Start),
            End = ToGraph(appointment.End),
            TransactionId = appointment.TransactionId,
            ShowAs = FreeBusyStatus.Busy,
            IsReminderOn = true,
            ReminderMinutesBeforeStart = ReminderMinutes,
            Categories = [Category],
            Importance = Importance.Normal,
            Sensitivity = Sensitivity.Normal,
        };
        try
        {
            var created = await graph.Users[appointment.StaffId].Events.PostAsync(item, cancellationToken: cancellationToken);
            var id = created?.Id is { Length: > 0 } createdId ? createdId : throw new InvalidOperationException("Graph created the event without an id.");
            LogBooked(logger, appointment.Start, appointment.TransactionId);
            return id;
        }
        catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.Conflict)
        {
            var existing = await FindByTransactionIdAsync(appointment.StaffId, appointment.TransactionId, cancellationToken)
                ?? throw new InvalidOperationException($"Graph refused event {appointment.TransactionId} as a conflict but has no event with that transactionId.", error);
            LogAlreadyBooked(logger, appointment.TransactionId);
            return existing;
        }
    }

    /// <summary>
    /// <c>DELETE users/{staffId}/events/{id}</c>. The screening block has no attendees, so deleting it is all a
    /// cancellation is (<c>cancel</c> is for meetings with attendees). A 404 means it is gone already: the screener
    /// deleted it, or an earlier attempt did.
    /// </summary>
    public async Task CancelAsync(string staffId, string eventId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        try
        {
            await graph.Users[staffId].Events[eventId].DeleteAsync(cancellationToken: cancellationToken);
            LogCancelled(logger, eventId);
        }
        catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            LogAlreadyGone(logger, eventId);
        }
    }

    /// <summary><c>GET users/{staffId}/events?$filter=transactionId eq '…'</c>, then <see cref="CancelAsync"/> for what it finds.</summary>
    public async Task CancelBookingAsync(string staffId, string transactionId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(staffId);
        ArgumentException.ThrowIfNullOrWhiteSpace(transactionId);
        if (await FindByTransactionIdAsync(staffId, transactionId, cancellationToken) is { } eventId)
        {
            await CancelAsync(staffId, eventId, cancellationToken);
        }
    }

    private async Task<string?> FindByTransactionIdAsync(string staffId, string transactionId, CancellationToken cancellationToken)
    {
        var events = await graph.Users[staffId].Events.GetAsync(
            request =>
            {
                request.QueryParameters.Filter = $"transactionId eq '{transactionId.Replace("'", "''", StringComparison.Ordinal)}'";
                request.QueryParameters.Select = ["id", "transactionId"];
            },
            cancellationToken);
        return events?.Value?.FirstOrDefault(item => item.TransactionId == transactionId)?.Id;
    }

    private static DateTimeTimeZone ToGraph(DateTimeOffset value) => new()
    {
        DateTime = value.UtcDateTime.ToString(GraphDateTime, CultureInfo.InvariantCulture),
        TimeZone = Utc,
    };

    /// <summary>Graph's date and time in the zone it names (UTC as asked; a Windows or IANA zone name otherwise).</summary>
    internal static DateTimeOffset? FromGraph(DateTimeTimeZone? value)
    {
        if (value?.DateTime is not { Length: > 0 } text)
        {
            return null;
        }

        var local = DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Unspecified);
        var zone = value.TimeZone;
        if (string.IsNullOrEmpty(zone) || zone.Equals(Utc, StringComparison.OrdinalIgnoreCase) || zone.Equals("Coordinated Universal Time", StringComparison.OrdinalIgnoreCase))
        {
            return new DateTimeOffset(local, TimeSpan.Zero);
        }

        var info = TimeZoneInfo.FindSystemTimeZoneById(zone);
        return new DateTimeOffset(local, info.GetUtcOffset(local)).ToUniversalTime();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Read a screener's schedule: {Count} busy blocks between {From} and {To}")]
    private static partial void LogScheduleRead(ILogger logger, int count, DateTimeOffset from, DateTimeOffset to);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Read {Count} screeners' schedules between {From} and {To}")]
    private static partial void LogSchedulesRead(ILogger logger, int count, DateTimeOffset from, DateTimeOffset to);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A screener's schedule could not be read ({ErrorCode}); their availability is left unknown")]
    private static partial void LogScheduleMissing(ILogger logger, string errorCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Booked a screening at {Start} (transaction {TransactionId})")]
    private static partial void LogBooked(ILogger logger, DateTimeOffset start, string transactionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Took screening event {EventId} out of a screener's calendar")]
    private static partial void LogCancelled(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Screening event {EventId} was gone from the calendar already")]
    private static partial void LogAlreadyGone(ILogger logger, string eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The screening was booked before (transaction {TransactionId}); using that event")]
    private static partial void LogAlreadyBooked(ILogger logger, string transactionId);
}
