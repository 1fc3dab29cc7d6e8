using System.Globalization;

namespace Microsoft365StandIn.CommandLine;

/// <summary>
/// The program's command line:
/// <c>--port N [--mailbox ADDRESS] [--users staff.json] [--state-file PATH] [--https-port N] [--teams-signature S]</c>.
/// </summary>
internal static class CommandLine
{
    public const string Usage =
        "usage: Microsoft365StandIn --port N [--mailbox ADDRESS] [--users staff.json] [--state-file PATH] [--https-port N] [--teams-signature S]\n" +
        "  --port N             HTTP port on 127.0.0.1 (0 picks a free one; default 7072)\n" +
        "  --mailbox ADDRESS    the shared mailbox (default delegations@onepointentry.example)\n" +
        "  --users PATH         a staff file (tools/OnePointEntry.Tool/SampleData/staff.json) whose people become users\n" +
        "  --state-file PATH    keep the state in this JSON file across restarts\n" +
        "  --https-port N       also listen with HTTPS (a self-signed certificate), for ACS clients\n" +
        "  --teams-signature S  the sig the Teams webhook accepts (default local-signature)";

    /// <summary>The options, or the reason the command line is wrong.</summary>
    public static (StandInOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new StandInOptions { Port = 7072 };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return (null, "");
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"{name} needs a value.");
            }

            var value = args[++i];
            switch (name)
            {
                case "--port" when Port(value) is { } port:
                    options.Port = port;
                    break;
                case "--https-port" when Port(value) is { } httpsPort:
                    options.HttpsPort = httpsPort;
                    break;
                case "--port" or "--https-port":
                    return (null, $"{name} must be a port number from 0 to 65535, not '{value}'.");
                case "--mailbox" when value.Contains('@', StringComparison.Ordinal) && value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < value.Length - 1:
                    options.Mailbox = value;
                    break;
                case "--mailbox":
                    return (null, $"--mailbox must be an address, not '{value}'.");
                case "--users":
                    options.UsersFile = value;
                    break;
                case "--state-file":
                    options.StateFile = value;
                    break;
                case "--teams-signature" when value.Length > 0:
                    options.TeamsSignature = value;
                    break;
                case "--teams-signature":
                    return (null, "--teams-signature must not be empty.");
                default:
                    return (null, $"Unknown option '{name}'.");
            }
        }

        return (options, null);
    }

    private static int? Port(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65_535 ? port : null;
}
