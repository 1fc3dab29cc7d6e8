using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Microsoft365StandIn.State;

/// <summary>
/// Keeps the state in a JSON file (<c>--state-file</c>) so a restart keeps it: read at start, written a moment
/// after changes (many changes in a row are written once), and once more when the stand-in stops. The file is
/// replaced whole (written beside it, then moved), so a crash mid-write never leaves half a file.
/// </summary>
internal sealed partial class StateFile : IAsyncDisposable
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    private readonly string _path;
    private readonly StandInState _state;
    private readonly TimeSpan _delay;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly Timer _timer;
    private int _dirty;

    public StateFile(string path, StandInState state, TimeSpan delay, ILogger logger)
    {
        _path = Path.GetFullPath(path);
        _state = state;
        _delay = delay;
        _logger = logger;
        _timer = new Timer(_ => _ = SaveAsync(), null, Timeout.Infinite, Timeout.Infinite);
        state.Changed += Schedule;
    }

    /// <summary>The state saved in the file, or null when there is no file yet.</summary>
    public static StandInData? Load(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StandInData>(File.ReadAllBytes(path), s_json)
                ?? throw new InvalidDataException($"The state file {path} is empty.");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"The state file {path} cannot be read: {error.Message}", error);
        }
    }

    public async Task SaveAsync()
    {
        if (Interlocked.Exchange(ref _dirty, 0) == 0)
        {
            return;
        }

        await _writing.WaitAsync();
        try
        {
            byte[] bytes;
            lock (_state.Gate)
            {
                bytes = JsonSerializer.SerializeToUtf8Bytes(_state.Data, s_json);
            }

            var directory = Path.GetDirectoryName(_path)!;
            System.IO.Directory.CreateDirectory(directory);
            var temporary = Path.Combine(directory, $".{Path.GetFileName(_path)}.{Environment.ProcessId}.tmp");
            await File.WriteAllBytesAsync(temporary, bytes);
            File.Move(temporary, _path, overwrite: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            LogSaveFailed(_logger, error);
        }
        finally
        {
            _writing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _state.Changed -= Schedule;
        await _timer.DisposeAsync();
        await SaveAsync();
        _writing.Dispose();
    }

    private void Schedule()
    {
        Interlocked.Exchange(ref _dirty, 1);
        _timer.Change(_delay, Timeout.InfiniteTimeSpan);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The state file could not be written")]
    private static partial void LogSaveFailed(ILogger logger, Exception error);
}
