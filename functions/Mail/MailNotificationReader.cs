using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OnePointEntry.Functions.Http;
using OnePointEntry.Mail;
using OnePointEntry.Text;

namespace OnePointEntry.Functions.Mail;

/// <summary>Reads Graph's notification collection (<c>{"value": [...]}</c>), taking only the fields the app uses.</summary>
public static class MailNotificationReader
{
    // Graph sends at most a few hundred notifications per post; each is well under 2 KB.
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The longest id, clientState or event name taken from a notification.</summary>
    public const int MaxFieldLength = 1_024;

    public static async Task<(IReadOnlyList<MailNotification>? Notifications, JsonResponse? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, Problems.BodyTooLarge(MaxBodyBytes));
        }

        var body = await HttpBodies.ReadLimitedAsync(request.Body, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return (null, Problems.BodyTooLarge(MaxBodyBytes));
        }

        var (document, problem) = JsonBodies.Parse(body);
        if (document is null)
        {
            return (null, problem);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
            {
                return (null, Problems.MalformedBody("A notification collection has a 'value' array."));
            }

            return ([.. value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object).Select(Read)], null);
        }
    }

    private static MailNotification Read(JsonElement item) => new(
        Text(item, "subscriptionId"),
        Text(item, "clientState"),
        item.TryGetProperty("resourceData", out var data) && data.ValueKind == JsonValueKind.Object ? Text(data, "id") : null,
        Text(item, "lifecycleEvent"));

    // Graph's ids are a few hundred characters of base64 at most; anything longer, on more than one line or not
    // text is not Graph's, and is read as missing (the notification is then dropped, not queued or logged as sent).
    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && JsonBodies.TryGetString(value, out var text)
            && text is { Length: <= MaxFieldLength } && InputText.FindRefused(text, TextKind.SingleLine) is null
            ? text
            : null;
}
