using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft365StandIn;
using OnePointEntry.Routing;
using OnePointEntry.Scheduling;
using Xunit.Abstractions;

namespace OnePointEntry.Integration.Tests.Routing;

/// <summary>
/// What one routed enquiry's deliveries cost in Graph requests on their first attempt: the calendar (read, book), the
/// task (create, read and write its details; the bucket is not searched on a first attempt) and the card.
/// </summary>
public sealed class RoutingRequestCountTests(ITestOutputHelper output) : IDisposable
{
    private const string Screener = "0b6f4c5e-2a1d-4f7e-9c3b-8d2e1f0a5b6c";
    private static readonly DateTimeOffset s_now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly StandInServer _m365 = StandInServer.Start();

    [Fact]
    public async Task One_routed_enquiry_costs_five_Graph_requests_and_one_webhook_post()
    {
        using var host = RoutingTestHost.Build(_m365);
        var calendar = host.Services.GetRequiredService<IScreeningCalendar>();
        var board = host.Services.GetRequiredService<IScreeningTaskBoard>();
        var teams = host.Services.GetRequiredService<ITeamsNotifier>();
        _m365.AddUser("mette.lund@onepointentry.test", Screener);

        // The first enquiry for a screener known by object id looks the address up once.
        await RouteAsync("OPE-2611-AAAA", calendar, board, teams);
        var first = _m365.Requests.Count;
        await RouteAsync("OPE-2611-BBBB", calendar, board, teams);
        var second = _m365.Requests.Count - first;

        output.WriteLine($"Graph requests: first enquiry for a screener {first} (with the user look-up), each later one {second}; Teams webhook posts: {_m365.TeamsRequests.Count / 2} per enquiry");
        foreach (var request in _m365.Requests.Skip(first))
        {
            output.WriteLine($"  {request.Method} {request.Path}");
        }

        Assert.Equal(6, first);
        Assert.Equal(5, second);
        Assert.Empty(_m365.RequestsTo("GET", "/planner/buckets/"));
        Assert.Equal(2, _m365.PostedMessages.Count);
        Assert.Equal(2, _m365.EventsOf(Screener).Count);
        Assert.Equal(2, _m365.PlannerTasks.Count);
    }

    private static async Task RouteAsync(string reference, IScreeningCalendar calendar, IScreeningTaskBoard board, ITeamsNotifier teams)
    {
        var busy = await calendar.GetBusyAsync(Screener, new TimeInterval(s_now, s_now.AddDays(2)), CancellationToken.None);
        var start = busy.Count == 0 ? s_now.AddHours(1) : busy.Max(interval => interval.End);
        var slot = new TimeInterval(start, start.AddMinutes(30));
        await calendar.BookAsync(new ScreeningAppointment(Screener, $"[{reference}] Screen", "<p>brief</p>", slot.Start, slot.End, Guid.NewGuid().ToString()), CancellationToken.None);
        await board.CreateTaskAsync(new ScreeningTask(reference, Screener, $"[{reference}] Screen", "brief", s_now.AddDays(2)), mayExist: false, CancellationToken.None);
        await teams.PostAsync(new TeamsCard($"[{reference}] Screen", "Screening for Mette Lund.", [new("Reference", reference)], new Uri($"https://ope.example.net/api/enquiries/{reference}")), CancellationToken.None);
    }

    public void Dispose()
    {
        _m365.Dispose();
    }
}
