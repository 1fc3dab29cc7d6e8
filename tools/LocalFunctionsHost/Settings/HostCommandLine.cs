using System.Globalization;

namespace LocalFunctionsHost.Settings;

/// <summary>The host's command line, parsed once at start.</summary>
internal sealed record HostCommandLine
{
    public const string Usage = """
        Usage: LocalFunctionsHost --app <app folder or app .dll> [options]

          --app <path>           The built isolated-worker app: its output folder or its .dll (required).
          --settings <path>      local.settings.json to read; default: ./local.settings.json, else the app folder's.
          --port <n>             HTTP port on 127.0.0.1 (default 7071; 0 picks a free port).
          --function-key <key>   Key for authLevel=function (query ?code= or header x-functions-key).
          --master-key <key>     Key for authLevel=admin and the admin API; defaults to the function key.
          --local-sign-in <e-mail>
                                 Play App Service Authentication (Entra ID) for this one user: /.auth/login/aad
                                 signs them in, and the worker gets WEBSITE_AUTH_ENABLED=True and X-MS-CLIENT-PRINCIPAL.
          --local-sign-in-name <display name>
                                 The user's display name (default: the e-mail).
          --local-sign-in-roles <role,role>
                                 The user's app roles, letters only (default: Staff,TeamLead).
          --help                 Show this text.

        Keys may also come from the settings FUNCTIONS_LOCAL_FUNCTION_KEY / FUNCTIONS_LOCAL_MASTER_KEY
        (local.settings.json Values or the environment); without any, a random key is made and printed.
        """;

    public const int DefaultPort = 7071;

    public required string AppPath { get; init; }

    public string? SettingsPath { get; init; }

    public int Port { get; init; } = DefaultPort;

    public string? FunctionKey { get; init; }

    public string? MasterKey { get; init; }

    /// <summary>The user that <c>--local-sign-in</c> signs in; null when this host does not play App Service Authentication.</summary>
    public LocalSignInUser? LocalSignIn { get; init; }

    public bool ShowHelp { get; init; }

    /// <summary>Parses the arguments; throws <see cref="ArgumentException"/> with a message meant for the user.</summary>
    public static HostCommandLine Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? app = null, settings = null, functionKey = null, masterKey = null;
        string? signInEmail = null, signInName = null, signInRoles = null;
        var port = DefaultPort;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            switch (name)
            {
                case "--help" or "-h" or "-?":
                    return new HostCommandLine { AppPath = app ?? string.Empty, ShowHelp = true };
                case "--app":
                    app = Value(args, ref i, name);
                    break;
                case "--settings":
                    settings = Value(args, ref i, name);
                    break;
                case "--port":
                    var text = Value(args, ref i, name);
                    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
                    {
                        throw new ArgumentException($"--port must be a number from 0 to 65535, not '{text}'.");
                    }
                    break;
                case "--function-key":
                    functionKey = Value(args, ref i, name);
                    break;
                case "--master-key":
                    masterKey = Value(args, ref i, name);
                    break;
                case "--local-sign-in":
                    signInEmail = Value(args, ref i, name);
                    break;
                case "--local-sign-in-name":
                    signInName = Value(args, ref i, name);
                    break;
                case "--local-sign-in-roles":
                    signInRoles = Value(args, ref i, name);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{name}'.");
            }
        }

        if (string.IsNullOrWhiteSpace(app))
        {
            throw new ArgumentException("--app is required.");
        }

        if (signInEmail is null && (signInName is not null || signInRoles is not null))
        {
            // Said rather than ignored: without the e-mail nobody would be signed in.
            throw new ArgumentException("--local-sign-in-name and --local-sign-in-roles need --local-sign-in <e-mail>.");
        }

        return new HostCommandLine
        {
            AppPath = app,
            SettingsPath = settings,
            Port = port,
            FunctionKey = functionKey,
            MasterKey = masterKey,
            LocalSignIn = signInEmail is null ? null : LocalSignInUser.Create(signInEmail, signInName, signInRoles),
        };
    }

    private static string Value(IReadOnlyList<string> args, ref int i, string name)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{name} needs a value.");
        }

        i++;
        return args[i];
    }
}
