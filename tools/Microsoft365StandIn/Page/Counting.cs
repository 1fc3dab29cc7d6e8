using System.Globalization;

namespace Microsoft365StandIn.Page;

/// <summary>Counts in words as the page's headings and contents use them: "no events", "1 event", "3 events".</summary>
internal static class Counting
{
    public static string Of(int count, string singular, string? plural = null) => count switch
    {
        0 => "no " + (plural ?? singular + "s"),
        1 => "1 " + singular,
        _ => count.ToString("N0", CultureInfo.InvariantCulture) + " " + (plural ?? singular + "s"),
    };
}
