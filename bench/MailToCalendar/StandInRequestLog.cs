using Microsoft.Extensions.Logging;

namespace OnePointEntry.Bench.MailToCalendar;

/// <summary>
/// Keeps the stand-in's request log (method, path, status of every request it answered), which is the only record
/// of the token endpoint's requests: the stand-in records Graph, Teams and ACS requests, not tokens.
/// </summary>
internal sealed class StandInRequestLog : ILoggerProvider, ILogger
{
    public const string Category = "Microsoft365StandIn.Hosting.RequestLogging";

    private readonly List<LoggedRequest> _requests = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<LoggedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>When the last request was answered, for waiting until the app has gone quiet.</summary>
    public DateTimeOffset LastAnsweredAt
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count == 0 ? DateTimeOffset.MinValue : _requests[^1].AnsweredAt;
            }
        }
    }

    public ILogger CreateLogger(string categoryName) =>
        categoryName == Category ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (state is not IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            return;
        }

        var fields = values.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        if (fields.GetValueOrDefault("Method") is string method && fields.GetValueOrDefault("Path") is string path && fields.GetValueOrDefault("Status") is int status)
        {
            lock (_gate)
            {
                _requests.Add(new LoggedRequest(method, path, status, DateTimeOffset.UtcNow));
            }
        }
    }

    public void Dispose()
    {
        // Nothing held: the log lives as long as the bench.
    }
}
