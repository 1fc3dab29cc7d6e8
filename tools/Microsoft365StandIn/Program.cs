using Microsoft.Extensions.Logging;
using Microsoft365StandIn.CommandLine;

namespace Microsoft365StandIn;

/// <summary>
/// Runs the stand-in until Ctrl+C or SIGTERM. Prints one line to wait for once it listens; exit code 2 for a bad
/// command line, 1 when it cannot start (a staff or state file it cannot read, a port in use).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var (options, error) = CommandLine.CommandLine.Parse(args);
        if (options is null)
        {
            if (!string.IsNullOrEmpty(error))
            {
                await Console.Error.WriteLineAsync(error);
            }

            await Console.Error.WriteLineAsync(CommandLine.CommandLine.Usage);
            return string.IsNullOrEmpty(error) ? 0 : 2;
        }

        options.ConfigureLogging = logging => logging
            .AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
            })
            .SetMinimumLevel(LogLevel.Information);
        StandInServer server;
        try
        {
            server = await StandInServer.StartAsync(options);
        }
        catch (Exception failure) when (failure is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"The stand-in could not start: {failure.Message}");
            return 1;
        }

        await using (server)
        {
            if (server.HttpsBaseUrl is { } https)
            {
                await Console.Out.WriteLineAsync($"HTTPS (ACS Email) on {https.AbsoluteUri.TrimEnd('/')} with a self-signed certificate");
            }

            var root = server.BaseUrl.AbsoluteUri.TrimEnd('/');
            await Console.Out.WriteLineAsync($"Microsoft 365 stand-in ready on {root} (page: {server.PageUrl.AbsoluteUri})");
            await server.WaitForShutdownAsync();
        }

        return 0;
    }
}
