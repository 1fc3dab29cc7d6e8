using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OnePointEntry.Functions.Http;
using OnePointEntry.Mail;

namespace OnePointEntry.Functions.Mail;

/// <summary>Reads Graph's notification collection (<c>{"value": [...]}</c>), taking only the fields the app uses.</summary>
public static class MailNotificationReader
{
    // Graph sends at most a few hundred notifications per post; each is well under 2 KB.
    public const int MaxBodyBytes = 1024 * 1024;

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

        try
        {
            using var document = JsonDocument.Parse(body);
            if (!document.RootElement.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
            {
                return (null, Problems.MalformedBody("A notification collection has a 'value' array."));
            }

            return ([.. value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object).Select(Read)], null);
        }
        catch (JsonException)
        {
            return (null, Problems.MalformedBody("The body is not valid JSON."));
        }
    }

    private static MailNotification Read(JsonElement item) => new(
        Text(item, "subscriptionId"),
        Text(item, "clientState"),
        item.TryGetProperty("resourceData", out var data) && data.ValueKind == JsonValueKind.Object ? Text(data, "id") : null,
        Text(item, "lifecycleEvent"));

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
