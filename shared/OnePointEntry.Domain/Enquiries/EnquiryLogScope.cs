using Microsoft.Extensions.Logging;

namespace OnePointEntry.Enquiries;

/// <summary>
/// A logging scope naming the enquiry, so every line written while its work runs (by this class or any it
/// calls, the Azure SDK's and Graph's included) carries <c>Reference</c>, and one query finds all of an
/// enquiry's telemetry. The reference is the only identifier in logs: never names, addresses or text.
/// </summary>
public static class EnquiryLogScope
{
    public const string Key = "Reference";

    public static IDisposable? Begin(ILogger logger, EnquiryReference reference)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return logger.BeginScope(new[] { new KeyValuePair<string, object?>(Key, reference.ToString()) });
    }
}
