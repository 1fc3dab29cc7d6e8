using System.Text;
using static OnePointEntry.EndToEnd.Tests.Hostile.Inputs;

namespace OnePointEntry.EndToEnd.Tests.Hostile;

/// <summary>Fields at and over their bounds, bodies over their limits, mail up to Exchange's size and past it.</summary>
public static class SizeCases
{
    /// <summary>Exchange Online's default message size limit.</summary>
    public const int ExchangeDefaultBytes = 35 * 1000 * 1000;

    public static IReadOnlyList<HostileCase> All { get; } =
    [
        new("organisation of 200 characters", () => Json("organisation", new string('o', 200)), Expected.Accepted(enquiry => Assert.Equal(200, Expected.Text(enquiry.View, "organisation")!.Length))),
        new("organisation of 201 characters", () => Json("organisation", new string('o', 201)), Expected.Refused("organisation")),
        new("contactName of 150 characters", () => Json("contactName", new string('n', 150)), Expected.Accepted()),
        new("contactName of 151 characters", () => Json("contactName", new string('n', 151)), Expected.Refused("contactName")),
        new("city of 101 characters", () => Json("city", new string('c', 101)), Expected.Refused("city")),
        new("country of 101 characters", () => Json("country", new string('c', 101)), Expected.Refused("country")),
        new("contactEmail of 255 characters", () => Json("contactEmail", new string('e', 243) + "@example.org"), Expected.Refused("contactEmail")),
        new("phone of 41 characters", () => Json("phone", "+45 " + new string('1', 37)), Expected.Refused("phone")),
        new("referredBy of 151 characters", () => Json("referredBy", new string('r', 151)), Expected.Refused("referredBy")),
        new("purpose of 10,000 characters", () => Json("purpose", Unique() + new string('p', 9_988)), Expected.Accepted(enquiry => Assert.Equal(10_000, enquiry.Stored("Purpose")!.Length))),
        new("purpose of 10,001 characters", () => Json("purpose", new string('p', 10_001)), Expected.Refused("purpose")),
        new("A 100 KiB organisation in a 64 KiB body", () => Json("organisation", new string('o', 100 * 1024)), Expected.TooLarge),
        new("JSON body over 64 KiB", () => Json("purpose", new string('p', 65_536)), Expected.TooLarge),
        new("Form post with 201 fields", () => FormText(text => text + string.Concat(Enumerable.Range(0, 201).Select(i => $"&f{i}=x"))), Expected.Malformed),
        new("Form post with a 101-character field name", () => FormText(text => text + $"&{new string('k', 101)}=x"), Expected.Malformed),
        new("1,000 unknown theme ids", () => Json("themes", Enumerable.Range(0, 1_000).Select(i => $"theme-{i}").ToArray()), Expected.Refused("themes")),
        new("Status change note of 2,001 characters", () => StatusChange($"{{\"status\":\"Accepted\",\"changedBy\":\"anna\",\"note\":\"{new string('n', 2_001)}\"}}"), Expected.Refused("note")),
        new("Status change changedBy of 201 characters", () => StatusChange($"{{\"status\":\"Accepted\",\"changedBy\":\"{new string('a', 201)}\"}}"), Expected.Refused("changedBy")),
        new("Status change body over 8 KiB", () => StatusChange($"{{\"status\":\"Accepted\",\"changedBy\":\"anna\",\"note\":\"{new string('n', 9_000)}\"}}"), Expected.TooLarge),
        new("Erasure changedBy of 201 characters", () => Erasure($"{{\"changedBy\":\"{new string('a', 201)}\"}}"), Expected.Refused("changedBy")),
        new("Graph notification body over 1 MiB", () => Notification($"{{\"value\":[{{\"clientState\":\"{new string('x', 1_100_000)}\"}}]}}"), Expected.TooLarge),
        new("Graph notification with a 5,000-character message id", () => Notification($"{{\"value\":[{{\"subscriptionId\":\"s\",\"clientState\":\"{FunctionAppFixture.ClientState}\",\"resourceData\":{{\"id\":\"{new string('i', 5_000)}\"}}}}]}}"), Expected.Status202WithoutEnquiry),
        new("Validation token of 1,025 characters", () => Retarget(Notification("{}"), $"api/mail/notifications?validationToken={new string('t', 1_025)}"), Expected.Malformed),
        new("JSON body of only white space", () => Body(" \r\n\t ", "application/json"), Expected.Malformed),
        new("Empty JSON object", () => Body("{}", "application/json"), Expected.Refused("organisation")),
        new("Raw mail of only blank lines is kept for a person to read", () => RawMail("\r\n\r\n\r\n"),
            Expected.Accepted(enquiry => Assert.Equal("NeedsManualReview", enquiry.Status))),
        new("Raw mail with a 100 KiB subject", () => RawMail(MailText(subject: "Delegation " + new string('s', 100 * 1024))),
            Expected.Accepted(enquiry => Assert.Contains("MailSubject", enquiry.CutFields))),
        new("Raw mail with a 100 KiB sender name", () => RawMail(MailText(from: $"\"{new string('n', 100 * 1024)}\" <big-name-{Unique()}@example.org>")),
            Expected.Accepted(enquiry => Assert.Contains("ContactName", enquiry.CutFields))),
        new("Raw mail with 1 MB of text", () => RawMail(MailText(body: NotForScreening + "\r\n" + string.Join("\r\n", Enumerable.Repeat("We would like to visit the wind farms and the district heating plants of Aarhus.", 12_500)))),
            Expected.Accepted(enquiry =>
            {
                Assert.Contains("Purpose", enquiry.CutFields);
                Assert.EndsWith("…", enquiry.Stored("Purpose"), StringComparison.Ordinal);
            })),
        new("Raw mail with a 2,000-character Message-ID", () => RawMail(MailText(messageId: $"<{Unique()}{new string('m', 2_000)}@hostile.example>")),
            Expected.Accepted(enquiry => Assert.StartsWith("message-id-sha256:", enquiry.Stored("MailMessageKey"), StringComparison.Ordinal))),
        new("Raw mail of 35 MB (Exchange's default limit) is taken in and kept whole", () => RawMail(MailOfSize(ExchangeDefaultBytes)),
            Expected.AcceptedThen(async enquiry => Assert.Equal(ExchangeDefaultBytes, await OriginalLengthAsync(enquiry)))),
        new("Raw mail one byte over 36 MiB", () => RawMail(MailOfSize((36 * 1024 * 1024) + 1)), Expected.TooLarge),
    ];

    /// <summary>A mail with a short text and a base64 attachment, exactly <paramref name="size"/> bytes long.</summary>
    public static byte[] MailOfSize(int size)
    {
        var head = Encoding.ASCII.GetBytes(MailText(
            subject: "Delegation with the programme attached",
            contentType: "multipart/mixed; boundary=\"b1\"",
            body: "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nOur programme is attached. " + NotForScreening + "\r\n--b1\r\nContent-Type: application/octet-stream; name=\"programme.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"));
        var tail = Encoding.ASCII.GetBytes("\r\n--b1--\r\n");
        var mail = new byte[size];
        head.CopyTo(mail, 0);
        tail.CopyTo(mail, size - tail.Length);
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (var i = head.Length; i < size - tail.Length; i++)
        {
            // Lines of 76 characters, as base64 in mail is written.
            var position = (i - head.Length) % 78;
            mail[i] = position switch
            {
                76 => (byte)'\r',
                77 => (byte)'\n',
                _ => (byte)Alphabet[(i + position) % 64],
            };
        }

        return mail;
    }

    private static async Task<long> OriginalLengthAsync(StoredEnquiry enquiry)
    {
        var name = Expected.Text(enquiry.View, "mailOriginal")!;
        var properties = await enquiry.App.Blobs.GetBlobContainerClient("mail-originals").GetBlobClient(name).GetPropertiesAsync();
        return properties.Value.ContentLength;
    }

    private static HttpRequestMessage Retarget(HttpRequestMessage request, string path)
    {
        request.RequestUri = new Uri(path, UriKind.Relative);
        return request;
    }
}
