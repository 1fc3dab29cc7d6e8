using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace Microsoft365StandIn.Tests.Control;

/// <summary>The program as tools/run.sh runs it: a line to wait for, then the routes, then a clean stop that keeps the state.</summary>
public sealed partial class ProgramTests : IDisposable
{
    private readonly string _stateFile = Path.Combine(Path.GetTempPath(), $"standin-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task The_program_says_where_it_listens_serves_there_and_saves_its_state_when_stopped()
    {
        var program = Path.Combine(AppContext.BaseDirectory, "Microsoft365StandIn.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { program, "--port", "0", "--state-file", _stateFile })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            var ready = ReadyLine().Match(line ?? "");
            Assert.True(ready.Success, line);
            var root = ready.Groups["root"].Value;
            Assert.Equal($"{root}/standin", ready.Groups["page"].Value);

            using var client = new HttpClient { BaseAddress = new Uri(root + "/") };
            using var mail = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Support.Mails.Enquiry()));
            mail.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("message/rfc822");
            using var delivered = await client.PostAsync("standin/inbox", mail);
            Assert.Equal(HttpStatusCode.Created, delivered.StatusCode);
        }
        finally
        {
            // SIGTERM, as a script stops it; the stand-in then writes its state file once more.
            using (Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("visit-1@liaoyang.example.cn", await File.ReadAllTextAsync(_stateFile), StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_stateFile);

    [GeneratedRegex(@"^Microsoft 365 stand-in ready on (?<root>http://127\.0\.0\.1:\d+) \(page: (?<page>\S+)\)$")]
    private static partial Regex ReadyLine();
}
