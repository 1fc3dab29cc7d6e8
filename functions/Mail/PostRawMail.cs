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
    private const long MaxDrainedBytes = 100L * 1024 * 1024;

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

        // The server's own default (30 MB) is below what Exchange delivers; the mail's limit is enforced while
        // reading, and the server's is the Functions host's, so that a longer body can be drained.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = MaxDrainedBytes;
        }

        if (request.ContentLength > MailReader.MaxRawBytes)
        {
            await HttpBodies.DrainAsync(request.Body, MaxDrainedBytes, cancellationToken);
            return Problems.BodyTooLarge(MailReader.MaxRawBytes);
        }

        await using var raw = await MailSpool.ReadAsync(request.Body, MailReader.MaxRawBytes, cancellationToken);
        if (!raw.IsComplete)
        {
            // Too long: the rest is drained (as far as the Functions host's own 100 MB limit) so that the relay
            // reads the 413 rather than a connection broken while it is still sending.
            await HttpBodies.DrainAsync(request.Body, MaxDrainedBytes, cancellationToken);
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
