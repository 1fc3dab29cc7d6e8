using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LocalFunctionsHost.Testing;

namespace OnePointEntry.EndToEnd.Tests.Hostile;

/// <summary>Builds the hostile requests: a valid enquiry with one part spoiled, raw mail, staff requests, notifications.</summary>
public static class Inputs
{
    public const string UnknownReference = "OPE-2611-7K3F";

    /// <summary>
    /// Spam cues that screening counts (three of them: spam). The suite's enquiries are stored like any other and
    /// then set aside for a person, so they never take the screeners' weekly capacity that the flow tests'
    /// enquiries are routed by.
    /// </summary>
    public const string NotForScreening = "casino poker lottery";

    public static string Unique() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>A valid enquiry's fields, unique so that no two cases are the same submission.</summary>
    public static Dictionary<string, object?> Form() => new()
    {
        ["organisation"] = "Aarhus Hostile Input Association",
        ["country"] = "DK",
        ["contactEmail"] = $"case-{Unique()}@example.org",
        ["purpose"] = $"A study visit about district heating and water supply. Case {Unique()}. {NotForScreening}",
        ["language"] = "en",
    };

    /// <summary>The valid enquiry as JSON with <paramref name="field"/> set to <paramref name="value"/> (serialised).</summary>
    public static HttpRequestMessage Json(string field, object? value) => Json(form => form[field] = value);

    public static HttpRequestMessage Json(Action<Dictionary<string, object?>> change)
    {
        var form = Form();
        change(form);
        return Body(JsonSerializer.Serialize(form), "application/json");
    }

    /// <summary>The valid enquiry as JSON with <paramref name="field"/> written as the raw JSON <paramref name="rawValue"/>.</summary>
    public static HttpRequestMessage JsonRaw(string field, string rawValue)
    {
        var form = Form();
        form.Remove(field);
        var rest = JsonSerializer.Serialize(form);
        return Body($"{{\"{field}\":{rawValue},{rest[1..]}", "application/json");
    }

    /// <summary>The valid enquiry as JSON text, spoiled by <paramref name="spoil"/>.</summary>
    public static HttpRequestMessage JsonText(Func<string, string> spoil, string contentType = "application/json") =>
        Body(spoil(JsonSerializer.Serialize(Form())), contentType);

    public static HttpRequestMessage Body(string text, string? contentType) => Body(Encoding.UTF8.GetBytes(text), contentType);

    public static HttpRequestMessage Body(byte[] bytes, string? contentType, string path = "api/enquiries", HttpMethod? method = null)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        var request = new HttpRequestMessage(method ?? HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Add("x-functions-key", HostProcess.FunctionKey);
        return request;
    }

    /// <summary>The valid enquiry posted as a plain HTML form would, with <paramref name="field"/> set to <paramref name="value"/>.</summary>
    public static HttpRequestMessage FormPost(string field, string value, bool html = false) => FormPost(new() { [field] = value }, html);

    public static HttpRequestMessage FormPost(Dictionary<string, string> changes, bool html = false)
    {
        var form = Form().ToDictionary(pair => pair.Key, pair => (string)pair.Value!);
        foreach (var (field, value) in changes)
        {
            form[field] = value;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/enquiries", UriKind.Relative)) { Content = new FormUrlEncodedContent(form) };
        if (html)
        {
            request.Headers.Accept.ParseAdd("text/html");
        }

        return request;
    }

    /// <summary>The valid enquiry as form-urlencoded text, spoiled by <paramref name="spoil"/>.</summary>
    public static HttpRequestMessage FormText(Func<string, string> spoil)
    {
        using var content = new FormUrlEncodedContent(Form().ToDictionary(pair => pair.Key, pair => (string)pair.Value!));
        var text = content.ReadAsStringAsync().GetAwaiter().GetResult();
        return Body(spoil(text), "application/x-www-form-urlencoded");
    }

    /// <summary>A whole e-mail, as <c>POST /api/mail/raw</c> takes it.</summary>
    public static HttpRequestMessage RawMail(string mime) => RawMail(Encoding.UTF8.GetBytes(mime));

    public static HttpRequestMessage RawMail(byte[] mime) => Body(mime, "message/rfc822", "api/mail/raw");

    /// <summary>An e-mail with a unique Message-ID; every part may be replaced.</summary>
    public static string MailText(
        string? subject = "Delegation from Aarhus, study visit in May",
        string body = "Dear One-Point Entry,\r\nWe are a delegation of 8 from Aarhus and would like to visit in May 2027.\r\nKind regards, " + NotForScreening,
        string extraHeaders = "",
        string? from = null,
        string? messageId = null,
        string contentType = "text/plain; charset=utf-8")
    {
        var mail = new StringBuilder();
        mail.Append("From: ").Append(from ?? $"Ann Sender <ann-{Unique()}@example.org>").Append("\r\n");
        mail.Append("To: enquiries@onepointentry.example\r\n");
        if (subject is not null)
        {
            mail.Append("Subject: ").Append(subject).Append("\r\n");
        }

        mail.Append("Message-ID: ").Append(messageId ?? $"<{Unique()}@hostile.example>").Append("\r\n");
        mail.Append("Date: Mon, 01 Mar 2027 10:00:00 +0100\r\nMIME-Version: 1.0\r\n");
        mail.Append(extraHeaders);
        mail.Append("Content-Type: ").Append(contentType).Append("\r\n\r\n");
        mail.Append(body).Append("\r\n");
        return mail.ToString();
    }

    /// <summary>A header's value folded over <paramref name="lines"/> continuation lines.</summary>
    public static string Folded(string first, int lines) =>
        first + string.Concat(Enumerable.Range(0, lines).Select(i => $"\r\n word{i}"));

    public static HttpRequestMessage StatusChange(string json, string reference = UnknownReference) =>
        Body(Encoding.UTF8.GetBytes(json), "application/json", $"api/enquiries/{reference}/status", HttpMethod.Patch);

    public static HttpRequestMessage Erasure(string json, string reference = UnknownReference) =>
        Body(Encoding.UTF8.GetBytes(json), "application/json", $"api/enquiries/{reference}/personal-data", HttpMethod.Delete);

    public static HttpRequestMessage Notification(string json) =>
        Body(Encoding.UTF8.GetBytes(json), "application/json", "api/mail/notifications");

    public static HttpRequestMessage Get(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("x-functions-key", HostProcess.FunctionKey);
        return request;
    }

    /// <summary>Whether a stored single line holds only visible text.</summary>
    public static bool IsOneCleanLine(string? text) =>
        text is null || !text.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format);
}
