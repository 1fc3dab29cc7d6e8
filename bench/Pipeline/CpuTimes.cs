using System.Globalization;

namespace OnePointEntry.Bench.Pipeline;

/// <summary>
/// A process's CPU time so far (user + system, <c>/proc/&lt;pid&gt;/stat</c> fields 14 and 15), for the CPU a
/// burst cost each process: the worker, the local host, Azurite and this bench (its clients and the stand-in).
/// </summary>
internal static class CpuTimes
{
    // Linux reports clock ticks of USER_HZ, 100 a second on every architecture .NET runs on.
    private const double MillisecondsPerTick = 10;

    /// <returns>Milliseconds, or null when the process is gone or this is not Linux.</returns>
    public static double? Of(int processId)
    {
        try
        {
            var stat = File.ReadAllText(string.Create(CultureInfo.InvariantCulture, $"/proc/{processId}/stat"));
            // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * MillisecondsPerTick;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
