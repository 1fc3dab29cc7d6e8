using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft365StandIn;
using OnePointEntry.Infrastructure.Routing;
using OnePointEntry.Routing;

namespace OnePointEntry.Integration.Tests.Routing;

/// <summary>The real Graph SDK and <see cref="GraphScreeningTaskBoard"/> over HTTP against <see cref="StandInServer"/>'s Planner.</summary>
public sealed class GraphScreeningTaskBoardTests : IDisposable
{
    private const string Reference = "OPE-2611-7K3F";
    private const string ScreenerId = "0b6f4c5e-2a1d-4f7e-9c3b-8d2e1f0a5b6c";
    private static readonly DateTimeOffset s_due = new(2026, 3, 4, 15, 0, 0, TimeSpan.Zero);

    private readonly StandInServer _m365 = StandInServer.Start();
    private readonly IHost _host;

    public GraphScreeningTaskBoardTests()
    {
        _host = RoutingTestHost.Build(_m365);
        Board = _host.Services.GetRequiredService<IScreeningTaskBoard>();
    }

    private IScreeningTaskBoard Board { get; }

    [Fact]
    public async Task Creates_the_task_in_the_bucket_assigned_due_and_with_the_notes_as_its_description()
    {
        var id = await Board.CreateTaskAsync(Task(), CancellationToken.None);

        var task = Assert.Single(_m365.PlannerTasks);
        Assert.Equal(task.Id, id);
        Assert.Equal(StandInServer.PlanId, task.PlanId);
        Assert.Equal(StandInServer.ScreeningBucketId, task.BucketId);
        Assert.Equal(Task().Title, task.Title);
        Assert.Equal(s_due, task.DueAt);
        var assignment = Assert.Single(task.Assignments);
        Assert.Equal(ScreenerId, assignment.Key);
        Assert.Equal("#microsoft.graph.plannerAssignment", assignment.Value?["@odata.type"]?.GetValue<string>());
        Assert.Equal(" !", assignment.Value?["orderHint"]?.GetValue<string>());
        Assert.Equal(Task().Notes, task.Description);
        Assert.Equal("description", task.PreviewType);

        var create = Assert.Single(_m365.RequestsTo("POST", "^/planner/tasks$")).Json!;
        Assert.Equal("2026-03-04T15:00:00+00:00", create["dueDateTime"]?.GetValue<string>());
        var patch = Assert.Single(_m365.RequestsTo("PATCH", $"^/planner/tasks/{id}/details$"));
        var get = Assert.Single(_m365.RequestsTo("GET", $"^/planner/tasks/{id}/details$"));
        Assert.StartsWith("W/\"", patch.Headers["If-Match"], StringComparison.Ordinal);
        Assert.True(get.ReceivedAt <= patch.ReceivedAt);
    }

    [Fact]
    public async Task A_task_already_in_the_bucket_for_the_reference_is_used_instead_of_a_second()
    {
        _m365.StagePlannerTask("[OPE-2611-7K3FX] Screen: another enquiry");
        var existing = _m365.StagePlannerTask($"[{Reference}] Screen: made before the answer was lost", ScreenerId);

        var id = await Board.CreateTaskAsync(Task(), CancellationToken.None);

        Assert.Equal(existing, id);
        Assert.Equal(2, _m365.PlannerTasks.Count);
        Assert.Empty(_m365.RequestsTo("POST", "^/planner/tasks$"));
        Assert.Equal(Task().Notes, _m365.PlannerTasks.Single(task => task.Id == existing).Description);
    }

    [Fact]
    public async Task A_task_for_the_reference_assigned_to_someone_else_is_handed_to_the_new_screener_alone()
    {
        const string Before = "7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6";
        var existing = _m365.StagePlannerTask($"[{Reference}] Screen: routed to the screener before", Before);

        var id = await Board.CreateTaskAsync(Task(), CancellationToken.None);
        await Board.CreateTaskAsync(Task(), CancellationToken.None);

        Assert.Equal(existing, id);
        Assert.Equal([ScreenerId], Assert.Single(_m365.PlannerTasks).Assignments.Select(assignment => assignment.Key));
        var handOver = Assert.Single(_m365.RequestsTo("PATCH", $"^/planner/tasks/{id}$"));
        Assert.StartsWith("W/\"", handOver.Headers["If-Match"], StringComparison.Ordinal);
        // Planner removes an assignment given as null.
        Assert.True(handOver.Json!["assignments"]!.AsObject().TryGetPropertyValue(Before, out var removed) && removed is null);
    }

    [Fact]
    public async Task Creating_twice_leaves_one_task_and_writes_the_details_once()
    {
        var first = await Board.CreateTaskAsync(Task(), CancellationToken.None);
        var second = await Board.CreateTaskAsync(Task(), CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Single(_m365.PlannerTasks);
        Assert.Single(_m365.RequestsTo("PATCH", "/details$"));
    }

    [Fact]
    public async Task A_create_whose_answer_is_lost_is_not_repeated_by_the_client_and_the_retry_finds_it()
    {
        _m365.LoseNextAnswer("POST", "^/planner/tasks$");

        await Assert.ThrowsAsync<ODataError>(() => Board.CreateTaskAsync(Task(), CancellationToken.None));
        var id = await Board.CreateTaskAsync(Task(), CancellationToken.None);

        Assert.Equal(id, Assert.Single(_m365.PlannerTasks).Id);
        Assert.Single(_m365.RequestsTo("POST", "^/planner/tasks$"));
        Assert.Equal(Task().Notes, _m365.PlannerTasks[0].Description);
    }

    [Theory]
    [InlineData(429, "TooManyRequests")]
    [InlineData(503, "ServiceUnavailable")]
    public async Task Throttling_or_unavailability_then_success_gives_exactly_one_task(int status, string code)
    {
        _m365.FailNext("POST", "^/planner/tasks$", status, code, retryAfter: TimeSpan.Zero);
        _m365.FailNext("PATCH", "/details$", status, code, retryAfter: TimeSpan.Zero);

        var id = await Board.CreateTaskAsync(Task(), CancellationToken.None);

        var task = Assert.Single(_m365.PlannerTasks);
        Assert.Equal(id, task.Id);
        Assert.Equal(Task().Notes, task.Description);
        Assert.Equal(2, _m365.RequestsTo("POST", "^/planner/tasks$").Count);
    }

    [Fact]
    public async Task A_screener_known_by_address_is_assigned_by_object_id()
    {
        var id = _m365.AddUser("mette.lund@onepointentry.test");

        await Board.CreateTaskAsync(Task() with { AssigneeId = "mette.lund@onepointentry.test" }, CancellationToken.None);

        Assert.Equal(id, Assert.Single(Assert.Single(_m365.PlannerTasks).Assignments).Key);
    }

    [Theory]
    [InlineData("[OPE-2611-7K3F] Screen", true)]
    [InlineData("OPE-2611-7K3F Screen", true)]
    [InlineData("OPE-2611-7K3F", true)]
    [InlineData("[OPE-2611-7K3FX] Screen", false)]
    [InlineData("OPE-2611-7K3F-2 Screen", false)]
    [InlineData("Screen OPE-2611-7K3F", false)]
    public void A_title_is_for_the_reference_when_it_starts_with_it(string title, bool expected) =>
        Assert.Equal(expected, GraphScreeningTaskBoard.IsFor(title, Reference));

    [Fact]
    public void A_title_without_the_reference_gets_it_and_a_long_one_is_cut_to_Planners_limit()
    {
        var title = GraphScreeningTaskBoard.TitleFor(Task() with { Title = "Screen: " + new string('x', 400) });

        Assert.StartsWith($"[{Reference}] Screen: ", title, StringComparison.Ordinal);
        Assert.Equal(255, title.Length);
    }

    private static ScreeningTask Task() => new(
        Reference,
        ScreenerId,
        $"[{Reference}] Screen: Liaoyang Municipal Government (CN), priority High",
        "Reference: OPE-2611-7K3F\nOrganisation: Liaoyang Municipal Government\n\nSuggested partners:\n- Glostrup Kommune: theme overlap\n",
        s_due);

    public void Dispose()
    {
        _host.Dispose();
        _m365.Dispose();
    }
}
