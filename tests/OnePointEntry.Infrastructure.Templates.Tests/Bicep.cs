using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace OnePointEntry.Infrastructure.Templates.Tests;

/// <summary>The Bicep CLI from the NuGet package, run on the repository's infra/ folder.</summary>
internal static class Bicep
{
    private static readonly Lazy<JsonObject> s_mainTemplate = new(() => ParseOutput(Run(["build", "main.bicep", "--stdout"])));

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string InfraFolder => Path.Combine(RepositoryRoot, "infra");

    /// <summary>infra/main.bicep compiled to ARM JSON (once per test run).</summary>
    public static JsonObject MainTemplate => s_mainTemplate.Value;

    public static string ExecutablePath
    {
        get
        {
            var path = typeof(Bicep).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(attribute => attribute.Key == "BicepPath").Value;
            Assert.False(string.IsNullOrEmpty(path), "The Bicep package's path was not passed to the build.");
            Assert.True(File.Exists(path), $"The Bicep CLI is not at {path}: restore the solution.");
            if (!OperatingSystem.IsWindows())
            {
                // NuGet does not keep the executable bit on every machine.
                var mode = File.GetUnixFileMode(path);
                var executable = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
                if ((mode & executable) != executable)
                {
                    File.SetUnixFileMode(path, mode | executable);
                }
            }

            return path!;
        }
    }

    /// <summary>
    /// Runs bicep in infra/ with only the environment given (plus PATH and HOME), and with every proxy pointing
    /// at a closed port, so a command that tried to download anything (a module registry, type data) would fail.
    /// </summary>
    public static BicepResult Run(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = InfraFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        start.Environment["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? Path.GetTempPath();
        foreach (var proxy in new[] { "HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY" })
        {
            start.Environment[proxy] = "http://127.0.0.1:9";
        }

        start.Environment["NO_PROXY"] = string.Empty;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within two minutes.");
        }

        return new BicepResult(process.ExitCode, output.Result, error.Result);
    }

    public static JsonObject ParseOutput(BicepResult result)
    {
        result.AssertClean();
        return JsonNode.Parse(result.Output)?.AsObject() ?? throw new InvalidOperationException("bicep printed no JSON.");
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OnePointEntry.Functions.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("OnePointEntry.Functions.sln not found above the test assembly.");
    }
}

internal sealed record BicepResult(int ExitCode, string Output, string Error)
{
    /// <summary>Exit code 0 and no diagnostic at all: every rule not wanted is off in bicepconfig.json, with its reason.</summary>
    public void AssertClean()
    {
        Assert.True(ExitCode == 0, $"bicep exited with {ExitCode}:\n{Error}");
        var diagnostics = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Contains(" : Warning ", StringComparison.Ordinal) || line.Contains(" : Error ", StringComparison.Ordinal)
                || line.Contains(" : Info ", StringComparison.Ordinal))
            .ToList();
        Assert.True(diagnostics.Count == 0, "bicep reported:\n" + string.Join('\n', diagnostics));
        Assert.True(string.IsNullOrWhiteSpace(Error), $"bicep wrote to standard error:\n{Error}");
    }
}
