using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using OnePointEntry.Routing;

namespace OnePointEntry.Infrastructure.Routing;

/// <summary>
/// The team's Planner plan through Microsoft Graph. Planner has no idempotency key, so the title starts with the
/// enquiry's reference and the bucket is read first: a task found there (a retry after a lost answer) is used,
/// not made again. Then the description goes into the task's details, which Planner keeps apart and changes
/// only with the details' own ETag (<c>If-Match</c>). A new task costs three requests on its first attempt (create,
/// read the details' ETag, write the details), and one more per page of the bucket on a later attempt or when it
/// replaces another screener's task. A task found for the reference with someone else assigned (the
/// screening moved to another screener) is handed to the new assignee: one <c>PATCH</c> of its assignments.
/// </summary>
/// <remarks>
/// No JSON batching: each request needs the answer of the one before (the task's id, then the ETag), and
/// <c>$batch</c> cannot carry a value from one answer into the next request. A batch would also hide a 429 for
/// one request inside a 200 for the batch, where the client's retry handler does not see it.
/// The create is retried by the client on 429 and 503 only (the request was refused, nothing was made), not on
/// 504: after a gateway timeout the task may exist, and the queue's retry finds it in the bucket instead.
/// </remarks>
public sealed partial class GraphScreeningTaskBoard(
    GraphServiceClient graph,
    GraphUserDirectory users,
    IOptions<PlannerOptions> options,
    ILogger<GraphScreeningTaskBoard> logger) : IScreeningTaskBoard
{
    /// <summary>Planner's limit for a task's title.</summary>
    public const int MaxTitleLength = 255;

    /// <summary>Where a new assignee goes in the "Assigned to" view: Planner's hint for "first".</summary>
    public const string AssigneeOrderHint = " !";

    private PlannerOptions Options => options.Value;

    public async Task<string> CreateTaskAsync(ScreeningTask task, bool mayExist, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrWhiteSpace(task.Reference);
        string id;
        // The bucket is read only when the task may be in it: reading it costs a request per page of every task the
        // team has, which grows with the enquiries, so a first attempt does without.
        if (mayExist && await FindAsync(task.Reference, cancellationToken) is { } found)
        {
            id = found.Id!;
            LogFound(logger, task.Reference, id);
            await HandOverAsync(found, task.AssigneeId, cancellationToken);
        }
        else
        {
            id = await CreateAsync(task, cancellationToken);
            LogCreated(logger, task.Reference, id);
        }

        await WriteDetailsAsync(id, task.Notes, cancellationToken);
        return id;
    }

    /// <summary>The title as the board shows it: starting with the reference (bracketed or not), at most 255 characters.</summary>
    public static string TitleFor(ScreeningTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var title = task.Title.Trim();
        if (!IsFor(title, task.Reference))
        {
            title = $"[{task.Reference}] {title}";
        }

        return title.Length <= MaxTitleLength ? title : title[..(MaxTitleLength - 1)] + "…";
    }

    /// <summary>True when the title starts with the reference, alone or in brackets, and not with a longer one.</summary>
    public static bool IsFor(string title, string reference)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(reference);
        var rest = title.StartsWith('[') ? title.AsSpan(1) : title.AsSpan();
        if (!rest.StartsWith(reference, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        rest = rest[reference.Length..];
        return rest.IsEmpty || !char.IsLetterOrDigit(rest[0]) && rest[0] is not '-' and not '_';
    }

    private async Task<PlannerTask?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        var page = await graph.Planner.Buckets[Options.BucketId].Tasks.GetAsync(cancellationToken: cancellationToken);
        while (page is not null)
        {
            if (page.Value?.FirstOrDefault(existing => existing.Title is { } title && IsFor(title, reference) && existing.Id is { Length: > 0 }) is { } found)
            {
                return found;
            }

            if (page.OdataNextLink is not { Length: > 0 } next)
            {
                return null;
            }

            page = await graph.Planner.Buckets[Options.BucketId].Tasks.WithUrl(next).GetAsync(cancellationToken: cancellationToken);
        }

        return null;
    }

    private async Task<string> CreateAsync(ScreeningTask task, CancellationToken cancellationToken)
    {
        var assignee = await users.ObjectIdOfAsync(task.AssigneeId, cancellationToken);
        var assignments = new PlannerAssignments();
        assignments.AdditionalData[assignee] = new PlannerAssignment { OdataType = "#microsoft.graph.plannerAssignment", OrderHint = AssigneeOrderHint };
        var body = new PlannerTask
        {
            PlanId = Options.PlanId,
            BucketId = Options.BucketId,
            Title = TitleFor(task),
            DueDateTime = task.DueAt.ToUniversalTime(),
            Assignments = assignments,
        };
        var created = await graph.Planner.Tasks.PostAsync(
            body,
            request => request.Options.Add(new RetryHandlerOption { ShouldRetry = (_, _, response) => IsRefusal(response.StatusCode) }),
            cancellationToken);
        return created?.Id is { Length: > 0 } id ? id : throw new InvalidOperationException("Graph created the Planner task without an id.");
    }

    /// <summary>
    /// Makes <paramref name="assigneeId"/> the task's only assignee, unless they are already: the others' assignments
    /// are set to null, which is how Planner removes one. A 412 (the task changed since the bucket was read) is
    /// answered by reading the task again, once.
    /// </summary>
    private async Task HandOverAsync(PlannerTask found, string assigneeId, CancellationToken cancellationToken)
    {
        var assignee = await users.ObjectIdOfAsync(assigneeId, cancellationToken);
        var task = found;
        for (var attempt = 1; ; attempt++)
        {
            var assigned = task.Assignments?.AdditionalData.Keys.ToList() ?? [];
            if (assigned.Count == 1 && string.Equals(assigned[0], assignee, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var assignments = new PlannerAssignments();
            foreach (var other in assigned.Where(other => !string.Equals(other, assignee, StringComparison.OrdinalIgnoreCase)))
            {
                assignments.AdditionalData[other] = null!;
            }

            if (!assigned.Contains(assignee, StringComparer.OrdinalIgnoreCase))
            {
                assignments.AdditionalData[assignee] = new PlannerAssignment { OdataType = "#microsoft.graph.plannerAssignment", OrderHint = AssigneeOrderHint };
            }

            var etag = task.AdditionalData.TryGetValue("@odata.etag", out var value) && value is string text
                ? text
                : throw new InvalidOperationException($"Graph returned Planner task {task.Id} without an ETag.");
            try
            {
                await graph.Planner.Tasks[task.Id].PatchAsync(
                    new PlannerTask { Assignments = assignments },
                    request =>
                    {
                        request.Headers.Add("If-Match", etag);
                        request.Headers.Add("Prefer", "return=minimal");
                    },
                    cancellationToken);
                LogHandedOver(logger, task.Id!);
                return;
            }
            catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.PreconditionFailed && attempt == 1)
            {
                task = await graph.Planner.Tasks[task.Id].GetAsync(cancellationToken: cancellationToken)
                    ?? throw new InvalidOperationException($"Graph answered Planner task {found.Id} with an empty body.");
            }
        }
    }

    /// <summary>
    /// Answers after which the create is certainly undone and may be sent again. Kiota's retry handler asks this for
    /// every answer, 201 included, so it must say yes only to these.
    /// </summary>
    private static bool IsRefusal(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;

    /// <summary>
    /// Reads the details for their ETag and writes the description (shown on the card) unless it is there already.
    /// A 412 (someone changed the details in between) is answered by reading them again, once.
    /// </summary>
    private async Task WriteDetailsAsync(string taskId, string notes, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var details = await graph.Planner.Tasks[taskId].Details.GetAsync(cancellationToken: cancellationToken)
                ?? throw new InvalidOperationException($"Graph answered the details of Planner task {taskId} with an empty body.");
            if (details.Description == notes)
            {
                return;
            }

            var etag = details.AdditionalData.TryGetValue("@odata.etag", out var value) && value is string text
                ? text
                : throw new InvalidOperationException($"Graph returned the details of Planner task {taskId} without an ETag.");
            try
            {
                await graph.Planner.Tasks[taskId].Details.PatchAsync(
                    new PlannerTaskDetails { Description = notes, PreviewType = PlannerPreviewType.Description },
                    request =>
                    {
                        request.Headers.Add("If-Match", etag);
                        request.Headers.Add("Prefer", "return=minimal");
                    },
                    cancellationToken);
                return;
            }
            catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.PreconditionFailed && attempt == 1)
            {
                LogDetailsChanged(logger, taskId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Planner task for {Reference} created: {TaskId}")]
    private static partial void LogCreated(ILogger logger, string reference, string taskId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Planner task for {Reference} exists already ({TaskId}); not made again")]
    private static partial void LogFound(ILogger logger, string reference, string taskId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Planner task {TaskId} handed to its new assignee")]
    private static partial void LogHandedOver(ILogger logger, string taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The details of Planner task {TaskId} changed while being written; reading them again")]
    private static partial void LogDetailsChanged(ILogger logger, string taskId);
}
