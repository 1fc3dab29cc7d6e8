namespace LocalFunctionsHost.Hosting;

/// <summary>The worker process ended while the host was waiting for it.</summary>
internal sealed class WorkerExitedException(int exitCode) : Exception($"The worker process exited with code {exitCode}.")
{
    public int ExitCode { get; } = exitCode;
}
