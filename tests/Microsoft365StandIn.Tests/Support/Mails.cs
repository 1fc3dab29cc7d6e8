namespace Microsoft365StandIn.Tests.Support;

/// <summary>Mails as senders write them.</summary>
internal static class Mails
{
    public static string Enquiry(int number = 1, string? replyTo = null) =>
        "From: Li Wei <li.wei@liaoyang.example.cn>\r\n" +
        "To: delegations@onepointentry.example\r\n" +
        (replyTo is null ? "" : $"Reply-To: {replyTo}\r\n") +
        $"Subject: Delegation visit {number}\r\n" +
        $"Message-ID: <visit-{number}@liaoyang.example.cn>\r\n" +
        "Date: Mon, 07 Dec 2026 09:00:00 +0800\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\n" +
        "\r\n" +
        "We would like to visit Glostrup.\r\n";
}
