using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OnePointEntry.Deliveries;
using OnePointEntry.Mail;

namespace OnePointEntry.Infrastructure.Email;

/// <summary>
/// Sends through Azure Communication Services Email's REST API (<c>POST {endpoint}/emails:send</c>, then polls
/// <c>GET {endpoint}/emails/operations/{id}</c> until the operation succeeds, fails or is canceled), on Azure.Core's
/// HTTP pipeline with a bearer token for <c>https://communication.azure.com/.default</c> from the app's credential.
/// The Azure.Communication.Email package would do the same, but it cannot be restored from the package registry
/// this project builds from; these two calls are all the app needs of it.
/// </summary>
/// <remarks>
/// Each delivery carries its own fixed <c>Operation-Id</c> (<see cref="OperationIdFor"/>); the pipeline's retries
/// (408, 429, 5xx, honouring Retry-After) and the outbox's later attempts repeat the request with the same id, so the
/// service takes them as the same operation and does not send the mail twice. A send given up after <see cref="AcsEmailSenderOptions.OperationTimeout"/> may still go
/// out later: the exception says so and names the operation.
/// </remarks>
public sealed partial class AcsEmailSender : IMailSender
{
    public const string Scope = "https://communication.azure.com/.default";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly Uri _endpoint;
    private readonly AcsEmailSenderOptions _options;
    private readonly HttpPipeline _pipeline;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public AcsEmailSender(Uri endpoint, TokenCredential credential, AcsEmailSenderOptions options, TimeProvider? time = null, ILogger<AcsEmailSender>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.SenderAddress))
        {
            throw new ArgumentException("The sender address is required.", nameof(options));
        }

        _endpoint = endpoint;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<AcsEmailSender>.Instance;
        _pipeline = HttpPipelineBuilder.Build(options, [], [new BearerTokenAuthenticationPolicy(credential, Scope)], new ResponseClassifier());
    }

    public async Task SendAsync(OutgoingMail mail, IDeliveryProgress progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(progress);
        if (mail.To.Count == 0)
        {
            throw new ArgumentException("A mail needs at least one recipient.", nameof(mail));
        }

        var operationId = OperationIdFor(progress.DeliveryKey);
        var deadline = _time.GetUtcNow() + _options.OperationTimeout;
        var (status, pollUri, retryAfter) = await StartAsync(ToMessage(mail), operationId, cancellationToken);
        while (!IsTerminal(status.Status))
        {
            var delay = retryAfter ?? _options.DefaultPollInterval;
            if (_time.GetUtcNow() + delay > deadline)
            {
                throw new MailSendFailedException(
                    $"The mail send operation {operationId} had not finished after {_options.OperationTimeout} (status {status.Status}); it may still be sent.",
                    operationId,
                    status.Status,
                    errorCode: null);
            }

            await Task.Delay(delay, _time, cancellationToken);
            (status, retryAfter) = await PollAsync(pollUri, operationId, cancellationToken);
        }

        if (!string.Equals(status.Status, "Succeeded", StringComparison.OrdinalIgnoreCase))
        {
            throw new MailSendFailedException(
                $"The mail send operation {operationId} ended {status.Status}: {status.Error?.Code} {status.Error?.Message}".TrimEnd(),
                operationId,
                status.Status,
                status.Error?.Code);
        }

        LogSent(_logger, operationId, mail.To.Count);
    }

    /// <summary>
    /// The same <c>Operation-Id</c> on every attempt at one delivery: the service takes a repeated id as the same
    /// operation and sends the mail once, also after an attempt whose answer was lost.
    /// </summary>
    public static string OperationIdFor(string deliveryKey) =>
        new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("ope-delivery-" + deliveryKey)).AsSpan(0, 16)).ToString();

    private AcsEmailMessage ToMessage(OutgoingMail mail) => new(
        _options.SenderAddress!,
        new AcsEmailContent(mail.Subject, mail.PlainTextBody, mail.HtmlBody),
        new AcsEmailRecipients([.. mail.To.Select(address => new AcsEmailAddress(address))]),
        mail.InlineImages.Count == 0
            ? null
            : [.. mail.InlineImages.Select(image => new AcsEmailAttachment(image.ContentId, image.ContentType, Convert.ToBase64String(image.Content.Span), image.ContentId))]);

    private async Task<(AcsOperationStatus Status, Uri PollUri, TimeSpan? RetryAfter)> StartAsync(AcsEmailMessage message, string operationId, CancellationToken cancellationToken)
    {
        using var httpMessage = _pipeline.CreateMessage();
        var request = httpMessage.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(_endpoint);
        request.Uri.AppendPath("/emails:send", escape: false);
        request.Uri.AppendQuery("api-version", _options.ApiVersion);
        request.Headers.Add("Operation-Id", operationId);
        request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
        request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(message, s_json));
        await _pipeline.SendAsync(httpMessage, cancellationToken);

        var response = httpMessage.Response;
        if (response.Status != 202)
        {
            var error = ReadError(response);
            throw new MailSendFailedException(
                $"Azure Communication Services refused the mail with {response.Status}: {error?.Code} {error?.Message}".TrimEnd(),
                operationId,
                status: null,
                error?.Code);
        }

        var status = ReadStatus(response) ?? new AcsOperationStatus(operationId, "Running", null);
        return (status, PollUri(response, operationId), RetryAfter(response));
    }

    private async Task<(AcsOperationStatus Status, TimeSpan? RetryAfter)> PollAsync(Uri pollUri, string operationId, CancellationToken cancellationToken)
    {
        using var httpMessage = _pipeline.CreateMessage();
        httpMessage.Request.Method = RequestMethod.Get;
        httpMessage.Request.Uri.Reset(pollUri);
        await _pipeline.SendAsync(httpMessage, cancellationToken);

        var response = httpMessage.Response;
        if (response.Status != 200)
        {
            var error = ReadError(response);
            throw new MailSendFailedException(
                $"Could not read the state of mail send operation {operationId}: {response.Status} {error?.Code} {error?.Message}".TrimEnd(),
                operationId,
                status: null,
                error?.Code);
        }

        var status = ReadStatus(response)
            ?? throw new MailSendFailedException($"The state of mail send operation {operationId} came without a status.", operationId, status: null, errorCode: null);
        return (status, RetryAfter(response));
    }

    /// <summary>
    /// Polls where <c>Operation-Location</c> points when it is on the resource's own endpoint; otherwise (missing, or
    /// another host, which must not get our token) at the documented <c>emails/operations/{id}</c>.
    /// </summary>
    private Uri PollUri(Response response, string operationId)
    {
        if (response.Headers.TryGetValue("Operation-Location", out var location)
            && Uri.TryCreate(location, UriKind.Absolute, out var uri)
            && Uri.Compare(uri, _endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return uri;
        }

        var builder = new RequestUriBuilder();
        builder.Reset(_endpoint);
        builder.AppendPath("/emails/operations/", escape: false);
        builder.AppendPath(operationId, escape: true);
        builder.AppendQuery("api-version", _options.ApiVersion);
        return builder.ToUri();
    }

    private TimeSpan? RetryAfter(Response response)
    {
        if (!response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeSpan.FromTicks(Math.Max(0, (at - _time.GetUtcNow()).Ticks))
            : null;
    }

    private static bool IsTerminal(string? status) =>
        status is not null && (status.Equals("Succeeded", StringComparison.OrdinalIgnoreCase)
            || status.Equals("Failed", StringComparison.OrdinalIgnoreCase)
            || status.Equals("Canceled", StringComparison.OrdinalIgnoreCase));

    private static AcsOperationStatus? ReadStatus(Response response)
    {
        try
        {
            return response.Content.ToMemory().Length == 0 ? null : response.Content.ToObjectFromJson<AcsOperationStatus>(s_json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static AcsError? ReadError(Response response)
    {
        try
        {
            return response.Content.ToMemory().Length == 0 ? null : response.Content.ToObjectFromJson<AcsErrorResponse>(s_json)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail sent through Azure Communication Services, operation {OperationId}, {RecipientCount} recipients")]
    private static partial void LogSent(ILogger logger, string operationId, int recipientCount);

    internal sealed record AcsEmailMessage(string SenderAddress, AcsEmailContent Content, AcsEmailRecipients Recipients, IReadOnlyList<AcsEmailAttachment>? Attachments);

    internal sealed record AcsEmailContent(string Subject, string? PlainText, string? Html);

    internal sealed record AcsEmailRecipients(IReadOnlyList<AcsEmailAddress> To);

    internal sealed record AcsEmailAddress(string Address);

    internal sealed record AcsEmailAttachment(string Name, string ContentType, string ContentInBase64, string? ContentId);

    internal sealed record AcsOperationStatus(string? Id, string? Status, AcsError? Error);

    internal sealed record AcsErrorResponse(AcsError? Error);

    internal sealed record AcsError(string? Code, string? Message);
}
