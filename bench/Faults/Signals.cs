using System.Diagnostics;
using System.Globalization;

namespace OnePointEntry.Bench.Faults;

/// <summary>POSIX signals to one process by its id, through kill(1): .NET itself sends only SIGKILL.</summary>
internal static class Signals
{
    public static void Send(int processId, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", processId.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
