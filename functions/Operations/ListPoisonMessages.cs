using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Functions.Http;
using OnePointEntry.Queues;

namespace OnePointEntry.Functions.Operations;

/// <summary>
/// <c>GET /api/operations/poison-messages[?queue=...]</c>: the messages that failed on every attempt, with
/// their error, newest first, for operators (function key).
/// </summary>
public sealed class ListPoisonMessages(IPoisonMessageLog poisonMessages)
{
    [Function(nameof(ListPoisonMessages))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "operations/poison-messages")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var queue = request.Query["queue"].FirstOrDefault();
        var messages = await poisonMessages.ListAsync(string.IsNullOrWhiteSpace(queue) ? null : queue, cancellationToken).ToListAsync(cancellationToken);
        return new JsonResponse(StatusCodes.Status200OK, messages);
    }
}
