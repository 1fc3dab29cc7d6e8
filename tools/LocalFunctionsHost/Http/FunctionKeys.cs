using System.Security.Cryptography;
using System.Text;
using LocalFunctionsHost.Settings;
using Microsoft.AspNetCore.Http;

namespace LocalFunctionsHost.Http;

/// <summary>
/// The keys this host accepts. The real host keeps keys in storage and <c>func</c> ignores them
/// locally; here one function key and one master key come from the command line or the settings
/// FUNCTIONS_LOCAL_FUNCTION_KEY / FUNCTIONS_LOCAL_MASTER_KEY, so that auth levels can be tested.
/// </summary>
internal sealed class FunctionKeys
{
    public const string FunctionKeySetting = "FUNCTIONS_LOCAL_FUNCTION_KEY";
    public const string MasterKeySetting = "FUNCTIONS_LOCAL_MASTER_KEY";

    public FunctionKeys(string functionKey, string masterKey, bool generated)
    {
        FunctionKey = functionKey;
        MasterKey = masterKey;
        Generated = generated;
    }

    public string FunctionKey { get; }

    /// <summary>Accepted for every auth level and required by the admin API.</summary>
    public string MasterKey { get; }

    public bool Generated { get; }

    public static FunctionKeys Create(HostCommandLine commandLine, AppSettings settings)
    {
        ArgumentNullException.ThrowIfNull(commandLine);
        ArgumentNullException.ThrowIfNull(settings);
        var functionKey = commandLine.FunctionKey ?? settings.Get(FunctionKeySetting);
        var masterKey = commandLine.MasterKey ?? settings.Get(MasterKeySetting);
        var generated = functionKey is null && masterKey is null;
        functionKey ??= masterKey ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
        return new FunctionKeys(functionKey, masterKey ?? functionKey, generated);
    }

    /// <summary>Checks the request's key (query <c>code</c> or header <c>x-functions-key</c>) against an auth level.</summary>
    public bool Authorize(HttpRequest request, string? authLevel)
    {
        ArgumentNullException.ThrowIfNull(request);
        var level = (authLevel ?? "function").ToUpperInvariant();
        if (level == "ANONYMOUS")
        {
            return true;
        }

        var presented = request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        return Matches(presented, MasterKey) || (level == "FUNCTION" && Matches(presented, FunctionKey));
    }

    private static bool Matches(string presented, string key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(key));
}
