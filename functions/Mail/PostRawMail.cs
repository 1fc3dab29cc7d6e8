using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
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

        if (request.ContentLength > MailReader.MaxRawBytes)
        {
            return Problems.BodyTooLarge(MailReader.MaxRawBytes);
        }

        // The server's own default (30 MB) is below what Exchange delivers; the limit here is the mail's.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = MailReader.MaxRawBytes + 1L;
        }

        await using var raw = await MailSpool.ReadAsync(request.Body, MailReader.MaxRawBytes, cancellationToken);
        if (!raw.IsComplete)
        {
            return Problems.BodyTooLarge(MailReader.MaxRawBytes);
        }

        if (raw.Length == 0)
        {
            return Problems.MalformedBody("The body is empty: send the whole e-mail.");
        }

        var result = await reader.TakeInRawAsync(raw, cancellationToken);
        return AcceptedEnquiry.Response(result.Reference);
    }
}
