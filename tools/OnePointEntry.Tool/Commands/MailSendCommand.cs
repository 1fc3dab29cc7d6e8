using System.Collections;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using OnePointEntry.Mail;
using OnePointEntry.Tool.Seeding;

namespace OnePointEntry.Tool.Commands;

/// <summary>
/// <c>ope mail send [--standin URL] FILE.eml [FILE...]</c>: delivers each file to the shared mailbox's inbox in the
/// Microsoft 365 stand-in, as if it had come from outside (<c>POST {origin}/standin/inbox</c>, the whole file as
/// <c>message/rfc822</c>), so the app takes it in as it would a real mail. The stand-in is found at the origin of
/// <c>Graph__BaseUrl</c> (environment, then local.settings.json), or of <c>--standin</c>; an address that is not
/// loopback would be Microsoft 365 itself and is refused. A file that is missing or not an e-mail (the app's
/// <see cref="MailParser"/> cannot read it, or it has no From) is reported and not sent. Exit code 0 all delivered, 1 any not delivered, 2 bad
/// usage or no stand-in to deliver to.
/// </summary>
internal sealed class MailSendCommand(Func<(ToolSettings Settings, IDictionary Environment)> loadSettings, HttpMessageHandler? handler = null) : ICommand
{
    public const string InboxPath = "/standin/inbox";

    private const string BaseUrlKey = "Graph:BaseUrl";
    private const string BaseUrlSetting = "Graph__BaseUrl";

    private static readonly string[] s_problemParts = ["title", "detail"];

    public MailSendCommand()
        : this(() =>
        {
            var environment = Environment.GetEnvironmentVariables();
            return (ToolSettings.Load(Directory.GetCurrentDirectory(), environment, AppContext.BaseDirectory), environment);
        })
    {
    }

    public string Name => "mail";

    public string Usage => "mail send [--standin URL] FILE.eml [FILE...]   deliver e-mails to the Microsoft 365 stand-in's inbox";

    public int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error, CancellationToken.None).GetAwaiter().GetResult();

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!TryParse(args, out var files, out var standIn, out var problem))
        {
            error.WriteLine($"ope mail: {problem}");
            error.WriteLine("usage: ope " + Usage);
            return 2;
        }

        if (!TryFindStandIn(standIn, error, out var inbox))
        {
            return 2;
        }

        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.Timeout = TimeSpan.FromSeconds(30);
        var failed = 0;
        foreach (var file in files)
        {
            var outcome = ReadMail(file, out var mime) ?? await DeliverAsync(http, inbox, mime, cancellationToken);
            if (outcome.Delivered)
            {
                output.WriteLine($"{file}: {outcome.Text}");
            }
            else
            {
                error.WriteLine($"{file}: {outcome.Text}");
                failed++;
            }
        }

        if (failed > 0 && files.Count > 1)
        {
            error.WriteLine($"{Counted.Of(failed, "file")} of {files.Count} not delivered.");
        }

        return failed == 0 ? 0 : 1;
    }

    private bool TryFindStandIn(string? option, TextWriter error, out Uri inbox)
    {
        inbox = null!;
        string text;
        string source;
        if (option is not null)
        {
            (text, source) = (option, "--standin");
        }
        else
        {
            ToolSettings settings;
            IDictionary environment;
            try
            {
                (settings, environment) = loadSettings();
            }
            catch (InvalidDataException exception)
            {
                error.WriteLine($"ope mail send: {exception.Message}");
                return false;
            }

            if (!settings.Settings.TryGetValue(BaseUrlKey, out var configured) || string.IsNullOrWhiteSpace(configured))
            {
                error.WriteLine($"ope mail send: no stand-in to deliver to: set {BaseUrlSetting} (in the environment or local.settings.json) to the Microsoft 365 stand-in's Graph root, e.g. http://127.0.0.1:7072/v1.0, or give --standin URL.");
                return false;
            }

            (text, source) = (configured, $"{BaseUrlSetting} in {settings.SourceOf(BaseUrlKey, environment)}");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            error.WriteLine($"ope mail send: '{text}' (from {source}) is not an http or https URL.");
            return false;
        }

        if (!url.IsLoopback)
        {
            error.WriteLine($"ope mail send: {url.GetLeftPart(UriPartial.Authority)} (from {source}) is not a loopback address, so it would be Microsoft 365 itself: this command delivers only to the Microsoft 365 stand-in on this machine (e.g. http://127.0.0.1:7072).");
            return false;
        }

        inbox = new Uri(url, InboxPath);
        error.WriteLine($"ope mail send: the stand-in at {url.GetLeftPart(UriPartial.Authority)}, from {source}.");
        return true;
    }

    /// <returns>Null when the file is an e-mail (its bytes in <paramref name="mime"/>), else why it is not sent.</returns>
    private static Outcome? ReadMail(string path, out byte[] mime)
    {
        mime = [];
        if (!File.Exists(path))
        {
            return Outcome.Failed("no such file; nothing sent.");
        }

        mime = File.ReadAllBytes(path);
        try
        {
            // The app's own reading of mail (MimeKit, with the code pages registered), as intake will read it.
            using var stream = new MemoryStream(mime, writable: false);
            return MailParser.Parse(stream).FromAddress is null
                ? Outcome.Failed("not an e-mail: it has no From address; nothing sent.")
                : null;
        }
        catch (MailParseException exception)
        {
            return Outcome.Failed($"not an e-mail: {exception.Message.TrimEnd('.')}; nothing sent.");
        }
    }

    private static async Task<Outcome> DeliverAsync(HttpClient http, Uri inbox, byte[] mime, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(mime);
        content.Headers.ContentType = new MediaTypeHeaderValue("message/rfc822");
        HttpStatusCode status;
        string body;
        try
        {
            using var response = await http.PostAsync(inbox, content, cancellationToken);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            return Outcome.Failed($"not delivered: the stand-in at {inbox.GetLeftPart(UriPartial.Authority)} could not be reached ({exception.Message}); is it running (tools/run.sh)?");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Outcome.Failed($"not delivered: the stand-in at {inbox.GetLeftPart(UriPartial.Authority)} did not answer within {http.Timeout.TotalSeconds:0} seconds.");
        }

        if (status != HttpStatusCode.Created)
        {
            return Outcome.Failed($"not delivered: the stand-in answered {(int)status} {status}{Detail(body)}.");
        }

        return Delivered(body) is { } delivered
            ? new Outcome(true, $"delivered as {delivered.InternetMessageId} (message {delivered.Id})")
            : Outcome.Failed("the stand-in answered 201 without the id and internetMessageId of the delivered message; it may have been delivered.");
    }

    private static (string Id, string InternetMessageId)? Delivered(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && root.TryGetProperty("internetMessageId", out var internetMessageId) && internetMessageId.ValueKind == JsonValueKind.String
                    ? (id.GetString()!, internetMessageId.GetString()!)
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The stand-in's refusals are problem+json: its title and detail say why.
    private static string Detail(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var parts = s_problemParts
                .Select(name => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null)
                .OfType<string>()
                .Where(part => part.Length > 0)
                .ToList();
            return parts.Count == 0 ? string.Empty : ": " + string.Join(": ", parts).TrimEnd('.');
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static bool TryParse(IReadOnlyList<string> args, out List<string> files, out string? standIn, out string problem)
    {
        files = [];
        standIn = null;
        problem = string.Empty;
        if (args.Count == 0 || args[0] != "send")
        {
            problem = args.Count == 0 ? "give a subcommand: send." : $"unknown subcommand '{args[0]}'; the one there is: send.";
            return false;
        }

        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--standin")
            {
                if (standIn is not null)
                {
                    problem = "--standin is given twice.";
                    return false;
                }

                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    problem = "--standin needs the stand-in's URL, e.g. http://127.0.0.1:7072.";
                    return false;
                }

                standIn = args[++i];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"unknown argument '{arg}'.";
                return false;
            }
            else
            {
                files.Add(arg);
            }
        }

        if (files.Count == 0)
        {
            problem = "give at least one FILE.eml to deliver.";
            return false;
        }

        return true;
    }

    private sealed record Outcome(bool Delivered, string Text)
    {
        public static Outcome Failed(string reason) => new(false, reason);
    }
}
