using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item;
using Microsoft.Graph.Users.Item.Messages.Item.Move;
using Microsoft.Graph.Users.Item.Messages.Item.CreateReply;
using OnePointEntry.Deliveries;
using OnePointEntry.Mail;

namespace OnePointEntry.Infrastructure.Graph;

/// <summary>
/// One-Point Entry's shared mailbox through Microsoft Graph, app-only (<c>/users/{mailbox}</c>). Every request
/// asks for immutable ids (see <see cref="ImmutableIdHandler"/>), so a message keeps its id when it is filed.
/// Throttling (429 with Retry-After) and 503/504 are retried by the Graph SDK's default retry handler, which
/// the client is built with (see <see cref="GraphMailHostApplicationBuilderExtensions"/>).
/// </summary>
public sealed partial class GraphMailbox(GraphServiceClient graph, IOptions<GraphOptions> options, TimeProvider time, ILogger<GraphMailbox> logger)
    : IMailbox
{
    /// <summary>The longest a subscription to Outlook messages may live: 10,070 minutes (just under 7 days).</summary>
    public static readonly TimeSpan MaxSubscriptionLifetime = TimeSpan.FromMinutes(10_070);

    /// <summary>Kept off the maximum so that a clock a little ahead of Graph's never asks for too much.</summary>
    private static readonly TimeSpan s_clockMargin = TimeSpan.FromMinutes(5);

    private const string Inbox = "inbox";
    private const string ItemNotFound = "ErrorItemNotFound";
    private const string FolderExists = "ErrorFolderExists";

    private string? _processedFolderId;

    private GraphOptions Options => options.Value;

    private UserItemRequestBuilder Mailbox => graph.Users[Options.Mailbox];

    public async Task<Stream?> OpenMimeAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        try
        {
            var content = await Mailbox.Messages[messageId].Content.GetAsync(cancellationToken: cancellationToken);
            return content ?? throw new InvalidOperationException($"Graph returned no MIME content for message {messageId}.");
        }
        catch (ODataError error) when (IsItemNotFound(error))
        {
            // Deleted before it was read (spam someone removed by hand): nothing to take in, and retrying
            // would only fill the poison queue.
            LogMessageAlreadyGone(logger, messageId);
            return null;
        }
    }

    /// <summary>
    /// Moves the message into the inbox's "Processed" folder, finding or creating the folder once per process.
    /// A message that is no longer there (404 <c>ErrorItemNotFound</c>, e.g. a retry after a move whose answer was
    /// lost, or a person deleted it) is logged and not an error: the caller files a message only after its
    /// enquiry is stored, so nothing is lost, and failing would only send the queue message to the poison queue.
    /// A cached folder id is looked up again once first, in case it was the folder that went away.
    /// </summary>
    public async Task MoveToProcessedAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var folderId = await ProcessedFolderIdAsync(cancellationToken);
        try
        {
            await MoveAsync(messageId, folderId, cancellationToken);
        }
        catch (ODataError error) when (IsItemNotFound(error))
        {
            _processedFolderId = null;
            var freshFolderId = await ProcessedFolderIdAsync(cancellationToken);
            try
            {
                await MoveAsync(messageId, freshFolderId, cancellationToken);
            }
            catch (ODataError again) when (IsItemNotFound(again))
            {
                LogMessageAlreadyGone(logger, messageId);
            }
        }
    }

    /// <summary>
    /// Replies to the sender in the same conversation: <c>POST messages/{id}/createReply</c> makes the reply as a draft
    /// (recipient from Reply-To or From, "RE:" subject, In-Reply-To and References, same conversation), whose body is
    /// then set to the HTML given (<c>PATCH</c>, contentType html: the original is not quoted below, which for an
    /// acknowledgement is wanted, the delegation's text is not sent back around), and it is sent; once, see
    /// <see cref="GraphDraftSending"/>.
    /// </summary>
    public Task ReplyAsync(string messageId, string htmlBody, IDeliveryProgress progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentNullException.ThrowIfNull(htmlBody);
        ArgumentNullException.ThrowIfNull(progress);
        return GraphDraftSending.SendOnceAsync(
            Mailbox,
            progress,
            async cancellation =>
            {
                var draft = await Mailbox.Messages[messageId].CreateReply.PostAsync(new CreateReplyPostRequestBody(), cancellationToken: cancellation);
                return draft?.Id is { Length: > 0 } id ? id : throw new InvalidOperationException("Graph made the reply draft without an id.");
            },
            (draftId, cancellation) => Mailbox.Messages[draftId].PatchAsync(
                new Message { Body = new ItemBody { ContentType = BodyType.Html, Content = htmlBody } },
                cancellationToken: cancellation),
            logger,
            cancellationToken);
    }

    /// <summary>
    /// Follows <c>mailFolders/inbox/messages/delta</c> (ids only) page by page through <c>@odata.nextLink</c> to
    /// the <c>@odata.deltaLink</c>. Entries marked <c>@removed</c> (deleted or moved out of the inbox) are skipped.
    /// </summary>
    public async Task<MailboxChanges> ReadInboxChangesAsync(string? deltaLink, CancellationToken cancellationToken)
    {
        if (deltaLink is not null && !IsUnderBaseUrl(deltaLink))
        {
            // Kept from another Graph (storage that outlived a change of Graph__BaseUrl, from the stand-in to a
            // tenant or back): following it would ask a service the app no longer uses, every run. Start afresh.
            LogForeignDeltaLink(logger);
            deltaLink = null;
        }

        var delta = Mailbox.MailFolders[Inbox].Messages.Delta;
        var page = deltaLink is null
            ? await delta.GetAsDeltaGetResponseAsync(request => request.QueryParameters.Select = ["id"], cancellationToken)
            : await delta.WithUrl(deltaLink).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken);
        var ids = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pages = 0;
        while (true)
        {
            if (page is null)
            {
                throw new InvalidOperationException("Graph answered the inbox delta query with an empty body.");
            }

            pages++;
            foreach (var message in page.Value ?? [])
            {
                if (message.Id is { Length: > 0 } id && !message.AdditionalData.ContainsKey("@removed") && seen.Add(id))
                {
                    ids.Add(id);
                }
            }

            if (page.OdataNextLink is { Length: > 0 } nextLink)
            {
                page = await delta.WithUrl(nextLink).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken);
                continue;
            }

            if (page.OdataDeltaLink is { Length: > 0 } newDeltaLink)
            {
                LogDeltaRead(logger, ids.Count, pages);
                return new MailboxChanges(ids, newDeltaLink);
            }

            throw new InvalidOperationException("Graph's inbox delta page had neither @odata.nextLink nor @odata.deltaLink.");
        }
    }

    public async Task<MailboxSubscription> CreateSubscriptionAsync(MailboxSubscriptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expiresAt = Clamp(request.ExpiresAt);
        var subscription = new Subscription
        {
            ChangeType = "created",
            NotificationUrl = request.NotificationUrl.AbsoluteUri,
            LifecycleNotificationUrl = request.LifecycleNotificationUrl.AbsoluteUri,
            Resource = $"users/{Options.Mailbox}/mailFolders('{Inbox}')/messages",
            ExpirationDateTime = expiresAt,
            ClientState = request.ClientState,
        };
        var created = await graph.Subscriptions.PostAsync(subscription, cancellationToken: cancellationToken)
            ?? throw new InvalidOperationException("Graph answered the subscription request with an empty body.");
        var id = created.Id is { Length: > 0 } createdId ? createdId : throw new InvalidOperationException("Graph created a subscription without an id.");
        LogSubscriptionCreated(logger, id, created.ExpirationDateTime ?? expiresAt);
        return new MailboxSubscription(id, created.ExpirationDateTime ?? expiresAt);
    }

    /// <summary>Extends the subscription; null when Graph no longer has it (404), so the caller creates a new one.</summary>
    public async Task<MailboxSubscription?> RenewSubscriptionAsync(string subscriptionId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionId);
        var clamped = Clamp(expiresAt);
        try
        {
            var renewed = await graph.Subscriptions[subscriptionId].PatchAsync(new Subscription { ExpirationDateTime = clamped }, cancellationToken: cancellationToken);
            return new MailboxSubscription(subscriptionId, renewed?.ExpirationDateTime ?? clamped);
        }
        catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            LogSubscriptionGone(logger, subscriptionId, error.Error?.Code);
            return null;
        }
    }

    private DateTimeOffset Clamp(DateTimeOffset expiresAt)
    {
        var latest = time.GetUtcNow() + MaxSubscriptionLifetime - s_clockMargin;
        return expiresAt < latest ? expiresAt : latest;
    }

    private async Task MoveAsync(string messageId, string folderId, CancellationToken cancellationToken) =>
        await Mailbox.Messages[messageId].Move.PostAsync(new MovePostRequestBody { DestinationId = folderId }, cancellationToken: cancellationToken);

    /// <summary>
    /// The folder's id, looked up (or created) once per process. Two first calls at once may both look it up;
    /// the later create then gets <c>ErrorFolderExists</c> and looks it up again, so no lock is needed.
    /// </summary>
    private async Task<string> ProcessedFolderIdAsync(CancellationToken cancellationToken)
    {
        if (_processedFolderId is { } cached)
        {
            return cached;
        }

        var id = await FindProcessedFolderAsync(cancellationToken) ?? await CreateProcessedFolderAsync(cancellationToken);
        _processedFolderId = id;
        return id;
    }

    private async Task<string?> FindProcessedFolderAsync(CancellationToken cancellationToken)
    {
        var name = Options.ProcessedFolderName;
        var folders = await Mailbox.MailFolders[Inbox].ChildFolders.GetAsync(
            request =>
            {
                request.QueryParameters.Filter = $"displayName eq '{name.Replace("'", "''", StringComparison.Ordinal)}'";
                request.QueryParameters.Select = ["id", "displayName"];
            },
            cancellationToken);
        return folders?.Value?.FirstOrDefault(folder => string.Equals(folder.DisplayName, name, StringComparison.OrdinalIgnoreCase))?.Id;
    }

    private async Task<string> CreateProcessedFolderAsync(CancellationToken cancellationToken)
    {
        var name = Options.ProcessedFolderName;
        try
        {
            var created = await Mailbox.MailFolders[Inbox].ChildFolders.PostAsync(new MailFolder { DisplayName = name }, cancellationToken: cancellationToken);
            if (created?.Id is { Length: > 0 } id)
            {
                LogFolderCreated(logger, name);
                return id;
            }

            throw new InvalidOperationException($"Graph created the folder {name} without an id.");
        }
        catch (ODataError error) when (error.Error?.Code == FolderExists)
        {
            // Another instance created it between our look-up and our create.
            return await FindProcessedFolderAsync(cancellationToken)
                ?? throw new InvalidOperationException($"Graph says the folder {name} exists but does not list it.", error);
        }
    }

    private static bool IsItemNotFound(ODataError error) => error.Error?.Code == ItemNotFound;

    private bool IsUnderBaseUrl(string link) =>
        link.StartsWith(Options.BaseUrl.AbsoluteUri.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored inbox delta link belongs to another Graph__BaseUrl; reading the inbox from the start")]
    private static partial void LogForeignDeltaLink(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} is no longer in the mailbox (moved before, or deleted); nothing to do")]
    private static partial void LogMessageAlreadyGone(ILogger logger, string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the mail folder {FolderName} under the inbox")]
    private static partial void LogFolderCreated(ILogger logger, string folderName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox delta: {Count} messages in {Pages} pages")]
    private static partial void LogDeltaRead(ILogger logger, int count, int pages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created mailbox subscription {SubscriptionId}, expiring {ExpiresAt}")]
    private static partial void LogSubscriptionCreated(ILogger logger, string subscriptionId, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mailbox subscription {SubscriptionId} no longer exists ({ErrorCode}); it must be created again")]
    private static partial void LogSubscriptionGone(ILogger logger, string subscriptionId, string? errorCode);
}
