using System.Diagnostics;
using System.Runtime.InteropServices;
using LocalFunctionsHost.Hosting;
using LocalFunctionsHost.Settings;

// Measured from the process start, so that "Host ready in" includes the runtime's own start-up.
var processStartedAt = new DateTimeOffset(Process.GetCurrentProcess().StartTime);

HostCommandLine commandLine;
try
{
    commandLine = HostCommandLine.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine();
    Console.Error.WriteLine(HostCommandLine.Usage);
    return 2;
}

if (commandLine.ShowHelp)
{
    Console.WriteLine(HostCommandLine.Usage);
    return 0;
}

using var shutdown = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    // Handled here, so that the worker is asked to terminate before the process ends.
    context.Cancel = true;
    shutdown.Cancel();
}

using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
try
{
    return await LocalHost.RunAsync(commandLine, processStartedAt, shutdown.Token);
}
catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or IOException)
{
    Console.Error.WriteLine($"LocalFunctionsHost: {ex.Message}");
    return 1;
}
