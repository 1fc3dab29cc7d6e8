using System.Collections;
using System.Net;
using Microsoft365StandIn;
using OnePointEntry.Tool.Commands;
using OnePointEntry.Tool.Seeding;

namespace OnePointEntry.Tool.Tests;

public sealed class MailSendCommandTests : IDisposable
{
    private static readonly string s_samples = Path.Combine(AppContext.BaseDirectory, "SampleMail");

    private readonly string _folder = System.IO.Directory.CreateTempSubdirectory("ope-mail-").FullName;
    private readonly Hashtable _environment = new() { ["Graph__BaseUrl"] = "http://127.0.0.1:7072/v1.0" };
    private ScriptedHttpHandler _standIn = new(ScriptedHttpHandler.Delivered);
    private int _settingsLoaded;

    public void Dispose()
    {
        _standIn.Dispose();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Each_file_is_posted_whole_as_message_rfc822_to_the_inbox_at_the_origin_of_Graph_BaseUrl()
    {
        var files = System.IO.Directory.GetFiles(s_samples, "*.eml").Order(StringComparer.Ordinal).ToArray();

        var (code, output, error) = await RunAsync(["send", .. files]);

        Assert.Equal(0, code);
        Assert.Equal(3, files.Length);
        Assert.Equal(
            files.Select((file, i) => $"{file}: delivered as <sample-{i + 1}@example.com> (message AAMkADstandin{i + 1})"),
            Lines(output));
        Assert.Equal(["ope mail send: the stand-in at http://127.0.0.1:7072, from Graph__BaseUrl in the environment."], Lines(error));
        Assert.All(_standIn.Requests, request => Assert.Equal((new Uri("http://127.0.0.1:7072/standin/inbox"), "message/rfc822"), (request.Uri, request.ContentType)));
        Assert.Equal(files.Select(File.ReadAllBytes), _standIn.Requests.Select(request => request.Body));
    }

    [Fact]
    public async Task The_sample_mails_reach_the_real_stand_ins_inbox_as_Exchange_delivers_them()
    {
        await using var standIn = await StandInServer.StartAsync();
        var files = System.IO.Directory.GetFiles(s_samples, "*.eml").Order(StringComparer.Ordinal).ToArray();
        var command = new MailSendCommand(() => throw new InvalidOperationException("--standin is given: no settings are read."));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await command.RunAsync(["send", "--standin", standIn.GraphBaseUrl.AbsoluteUri, .. files], output, error, CancellationToken.None);

        Assert.True(code == 0, error.ToString());
        var inbox = standIn.Snapshot()["mailFolders"]!.AsArray().Single(folder => folder!["displayName"]!.GetValue<string>() == "Inbox")!["messages"]!.AsArray();
        var messageIds = inbox.Select(message => message!["internetMessageId"]!.GetValue<string>()).ToList();
        Assert.Equal(files.Length, messageIds.Count);
        Assert.Equal(files.Length, Lines(output.ToString()).Count);
        Assert.All(Lines(output.ToString()), line => Assert.Contains(messageIds, id => line.Contains($": delivered as {id} (message ", StringComparison.Ordinal)));
        Assert.Contains(inbox, message => message!["subject"]!.GetValue<string>().StartsWith("威海市人民政府", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_standin_option_wins_over_the_settings_which_are_then_not_read()
    {
        var (code, _, error) = await RunAsync(["send", "--standin", "http://localhost:9090/v1.0", Sample()]);

        Assert.Equal(0, code);
        Assert.Equal(0, _settingsLoaded);
        Assert.Equal(new Uri("http://localhost:9090/standin/inbox"), Assert.Single(_standIn.Requests).Uri);
        Assert.Contains("the stand-in at http://localhost:9090, from --standin.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0", null)]
    [InlineData(null, "http://192.0.2.7:7072")]
    public async Task An_address_that_is_not_loopback_is_refused_as_Microsoft_365_itself_and_nothing_is_sent(string? setting, string? option)
    {
        _environment["Graph__BaseUrl"] = setting;
        string[] args = option is null ? ["send", Sample()] : ["send", "--standin", option, Sample()];

        var (code, output, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("is not a loopback address, so it would be Microsoft 365 itself", error, StringComparison.Ordinal);
        Assert.Contains(setting is null ? "from --standin" : "from Graph__BaseUrl in the environment", error, StringComparison.Ordinal);
        Assert.Empty(_standIn.Requests);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Without_Graph_BaseUrl_or_the_option_there_is_no_stand_in_to_deliver_to(string? setting)
    {
        _environment["Graph__BaseUrl"] = setting;

        var (code, _, error) = await RunAsync(["send", Sample()]);

        Assert.Equal(2, code);
        Assert.Contains("set Graph__BaseUrl", error, StringComparison.Ordinal);
        Assert.Contains("--standin URL", error, StringComparison.Ordinal);
        Assert.Empty(_standIn.Requests);
    }

    [Fact]
    public async Task A_file_that_is_missing_or_not_an_email_is_reported_and_not_sent_and_the_others_are_delivered()
    {
        var missing = Path.Combine(_folder, "missing.eml");
        var notMail = Write("notes.eml", "\u0000\u0001 these are meeting notes, not a mail\n");
        var noFrom = Write("no-from.eml", "To: delegations@onepointentry.example\nSubject: Visit\n\nHello\n");
        var good = Sample();

        var (code, output, error) = await RunAsync(["send", missing, notMail, noFrom, good]);

        Assert.Equal(1, code);
        Assert.Equal([$"{good}: delivered as <sample-1@example.com> (message AAMkADstandin1)"], Lines(output));
        var problems = Lines(error).Skip(1).ToList();
        Assert.Equal($"{missing}: no such file; nothing sent.", problems[0]);
        Assert.StartsWith($"{notMail}: not an e-mail: ", problems[1], StringComparison.Ordinal);
        Assert.Equal($"{noFrom}: not an e-mail: it has no From address; nothing sent.", problems[2]);
        Assert.Equal("3 files of 4 not delivered.", problems[3]);
        Assert.Equal(File.ReadAllBytes(good), Assert.Single(_standIn.Requests).Body);
    }

    [Fact]
    public async Task A_refusal_by_the_stand_in_is_reported_with_its_reason()
    {
        _standIn = new(_ => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("""{"type":"about:blank","title":"Not an e-mail","status":400,"detail":"No header fields."}""", System.Text.Encoding.UTF8, "application/problem+json"),
        });
        var file = Sample();

        var (code, output, error) = await RunAsync(["send", file]);

        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains($"{file}: not delivered: the stand-in answered 400 BadRequest: Not an e-mail: No header fields.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stand_in_that_is_not_running_is_reported_for_each_file()
    {
        _standIn = new(_ => throw new HttpRequestException("Connection refused (127.0.0.1:7072)"));

        var (code, _, error) = await RunAsync(["send", Sample(), Sample("minnesota-medtech-association.eml")]);

        Assert.Equal(1, code);
        Assert.Equal(2, Lines(error).Count(line => line.Contains("not delivered: the stand-in at http://127.0.0.1:7072 could not be reached (Connection refused", StringComparison.Ordinal)));
        Assert.Contains("2 files of 2 not delivered.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("send")]
    [InlineData("receive", "a.eml")]
    [InlineData("send", "--standin")]
    [InlineData("send", "--standin", "http://127.0.0.1:7072")]
    [InlineData("send", "--to", "inbox", "a.eml")]
    public async Task Bad_usage_is_exit_code_2_with_the_usage(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("usage: ope mail send [--standin URL] FILE.eml [FILE...]", error, StringComparison.Ordinal);
        Assert.Empty(_standIn.Requests);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(string[] args)
    {
        var command = new MailSendCommand(
            () =>
            {
                _settingsLoaded++;
                return (ToolSettings.Load(_folder, _environment), _environment);
            },
            _standIn);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await command.RunAsync(args, output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    private static string Sample(string name = "weihai-eldercare-smart-city.gb2312.eml") => Path.Combine(s_samples, name);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static List<string> Lines(string text) => [.. text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)];
}
