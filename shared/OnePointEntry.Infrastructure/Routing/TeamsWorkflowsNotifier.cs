using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OnePointEntry.Routing;

namespace OnePointEntry.Infrastructure.Routing;

/// <summary>
/// Posts the card to the team channel's Workflows webhook as an Adaptive Card 1.4 message
/// (<c>{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{...}}]}</c>).
/// No Graph: app-only Graph cannot post to channels. Sent through Azure.Core's HTTP pipeline, whose retry policy
/// retries 408, 429 and 5xx answers and network failures with exponential back-off, honouring Retry-After; its
/// request logging redacts the URL's query, which holds the webhook's signature.
/// </summary>
/// <remarks>
/// Teams renders a subset of Markdown in TextBlocks and FactSet values, so every text from the enquiry is escaped
/// (<see cref="EscapeMarkdown"/>): a sender's <c>[link](https://…)</c> or <c>**bold**</c> shows as typed. Adaptive
/// Cards never render HTML, and the escaped <c>&lt;</c> cannot open an autolink either.
/// </remarks>
public sealed partial class TeamsWorkflowsNotifier : ITeamsNotifier
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
    public const string AdaptiveCardVersion = "1.4";

    /// <summary>Workflows refuses messages over 28 KB; these keep a card well under it.</summary>
    public const int MaxTitleLength = 300;
    public const int MaxTextLength = 2_000;
    public const int MaxFactValueLength = 500;
    public const int MaxFacts = 20;

    private static readonly JsonSerializerOptions s_json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HttpPipeline _pipeline;
    private readonly Uri _webhookUrl;
    private readonly ILogger<TeamsWorkflowsNotifier> _logger;

    public TeamsWorkflowsNotifier(IOptions<TeamsOptions> options, ILogger<TeamsWorkflowsNotifier> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _webhookUrl = TeamsOptions.ProblemWith(settings.WebhookUrl) is { } problem ? throw new InvalidOperationException(problem) : settings.WebhookUrl!;
        _logger = logger;
        var clientOptions = new TeamsWebhookClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = settings.MaxRetries;
        clientOptions.Retry.Delay = settings.RetryDelay;
        clientOptions.Retry.MaxDelay = TimeSpan.FromMinutes(1);
        clientOptions.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        _pipeline = HttpPipelineBuilder.Build(clientOptions);
    }

    public async Task PostAsync(TeamsCard card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var payload = Encoding.UTF8.GetBytes(Render(card).ToJsonString(s_json));
        using var message = _pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(_webhookUrl);
        message.Request.Headers.Add(HttpHeader.Names.ContentType, "application/json; charset=utf-8");
        message.Request.Content = RequestContent.Create(payload);
        await _pipeline.SendAsync(message, cancellationToken);
        if (message.Response.IsError)
        {
            throw new RequestFailedException(message.Response);
        }

        LogPosted(_logger, message.Response.Status);
    }

    /// <summary>The message payload: one Adaptive Card with the title, the summary, the facts and a button to the enquiry.</summary>
    public static JsonObject Render(TeamsCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = EscapeMarkdown(Cut(card.Title, MaxTitleLength)),
                ["size"] = "Large",
                ["weight"] = "Bolder",
                ["wrap"] = true,
                ["style"] = "heading",
            },
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = EscapeMarkdown(Cut(card.Summary, MaxTextLength)),
                ["wrap"] = true,
            },
        };
        var facts = card.Facts.Where(fact => !string.IsNullOrWhiteSpace(fact.Value)).Take(MaxFacts).ToList();
        if (facts.Count > 0)
        {
            body.Add(new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray([.. facts.Select(fact => (JsonNode)new JsonObject
                {
                    ["title"] = EscapeMarkdown(Cut(fact.Key, 60)),
                    ["value"] = EscapeMarkdown(Cut(fact.Value, MaxFactValueLength)),
                })]),
            });
        }

        var content = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = AdaptiveCardVersion,
            ["body"] = body,
            ["msteams"] = new JsonObject { ["width"] = "Full" },
        };
        if (card.Link is { IsAbsoluteUri: true } link && (link.Scheme == Uri.UriSchemeHttps || link.Scheme == Uri.UriSchemeHttp))
        {
            content["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = "Open the enquiry", ["url"] = link.AbsoluteUri });
        }

        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = AdaptiveCardContentType,
                ["contentUrl"] = null,
                ["content"] = content,
            }),
        };
    }

    /// <summary>
    /// Text shown as typed in a Teams TextBlock or FactSet: a backslash before each character Markdown gives a
    /// meaning (emphasis, links, code, headings, tables, autolinks), and before a list marker that opens a line.
    /// </summary>
    public static string EscapeMarkdown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 16);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\\' or '*' or '_' or '~' or '`' or '[' or ']' or '(' or ')' or '<' or '>' or '#' or '|' or '!' or '{' or '}')
            {
                escaped.Append('\\');
            }
            else if (lineStart && c is '-' or '+')
            {
                escaped.Append('\\');
            }
            else if (lineStart && char.IsAsciiDigit(c))
            {
                // "1. " opens an ordered list: escape the dot after the digits.
                var end = i;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }

                escaped.Append(text, i, end - i);
                if (end < text.Length && text[end] is '.' or ')')
                {
                    escaped.Append('\\');
                }

                i = end - 1;
                lineStart = false;
                continue;
            }

            escaped.Append(c);
            if (c is '\n' or '\r')
            {
                lineStart = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                lineStart = false;
            }
        }

        return escaped.ToString();
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Posted a screening card to Teams ({Status})")]
    private static partial void LogPosted(ILogger logger, int status);

    private sealed class TeamsWebhookClientOptions : ClientOptions;
}
