using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Functions.Http;
using OnePointEntry.Infrastructure.Mail;

namespace OnePointEntry.Functions.Mail;

/// <summary>
/// <c>POST /api/mail/raw</c> (function key): a whole e-mail as <c>message/rfc822</c>, for relays and tests,
/// taken in exactly as mail from the shared mailbox is.
/// </summary>
public sealed class PostRawMail(MailReader reader)
{
    [Function(nameof(PostRawMail))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "mail/raw")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("message/rfc822", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.UnsupportedMediaType(request.ContentType, "message/rfc822");
        }

        var raw = request.ContentLength > MailReader.MaxRawBytes ? null : await HttpBodies.ReadLimitedAsync(request.Body, MailReader.MaxRawBytes, cancellationToken);
        if (raw is null)
        {
            return Problems.BodyTooLarge(MailReader.MaxRawBytes);
        }

        var result = await reader.TakeInRawAsync(raw, cancellationToken);
        return AcceptedEnquiry.Response(result.Reference);
    }
}
