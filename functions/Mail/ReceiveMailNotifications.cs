using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using OnePointEntry.Functions.Http;
using OnePointEntry.Mail;

namespace OnePointEntry.Functions.Mail;

/// <summary>
/// <c>POST /api/mail/notifications</c>: Microsoft Graph's change and lifecycle notifications about the shared
/// mailbox. Anonymous because Graph cannot send a function key; every notification is checked against the
/// subscription's clientState instead. Answers at once: the validation handshake by echoing the token,
/// notifications by queueing them (no Graph call inline).
/// </summary>
public sealed class ReceiveMailNotifications(MailNotificationReceiver receiver)
{
    /// <summary>
    /// Graph's validation tokens are short opaque strings; anything longer is not Graph, and an anonymous
    /// endpoint should not echo arbitrary amounts of a caller's text.
    /// </summary>
    public const int MaxValidationTokenLength = 1024;

    [Function(nameof(ReceiveMailNotifications))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "mail/notifications")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (request.Query["validationToken"].FirstOrDefault() is { } validationToken)
        {
            return validationToken.Length > MaxValidationTokenLength
                ? Problems.InvalidValidationToken(MaxValidationTokenLength)
                : new PlainTextResponse(StatusCodes.Status200OK, validationToken);
        }

        var (notifications, problem) = await MailNotificationReader.ReadAsync(request, cancellationToken);
        if (notifications is null)
        {
            return problem!;
        }

        await receiver.ReceiveAsync(notifications, cancellationToken);
        return new StatusCodeResult((int)HttpStatusCode.Accepted);
    }
}
