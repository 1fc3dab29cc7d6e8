using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item;
using OnePointEntry.Deliveries;

namespace OnePointEntry.Infrastructure.Graph;

/// <summary>
/// Sends a mail from the shared mailbox once, also when an attempt's outcome is unknown, the way Microsoft documents
/// for immutable ids: make a draft, keep its id (<see cref="IDeliveryProgress.SaveAsync"/>) before sending it, and on
/// a later attempt read that id first. The draft keeps its immutable id when sending moves it to Sent Items, so
/// <c>isDraft: false</c> means it went. A draft that is gone (404) was sent and its Sent Items copy is not made yet,
/// or a person deleted it from the mailbox's Drafts; either way it is not sent again. A draft made by an attempt
/// whose answer was lost before its id was kept stays in Drafts unsent: a stray draft, never a second mail.
/// </summary>
internal static partial class GraphDraftSending
{
    private const string ItemNotFound = "ErrorItemNotFound";

    /// <param name="create">Makes the draft and returns its immutable id.</param>
    /// <param name="complete">Finishes the draft before it is sent (sets the body of a reply); repeatable.</param>
    public static async Task SendOnceAsync(
        UserItemRequestBuilder mailbox,
        IDeliveryProgress progress,
        Func<CancellationToken, Task<string>> create,
        Func<string, CancellationToken, Task>? complete,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var draftId = progress.Checkpoint;
        if (draftId is not null && await IsSentOrGoneAsync(mailbox, draftId, cancellationToken))
        {
            LogSentBefore(logger, progress.DeliveryKey);
            return;
        }

        if (draftId is null)
        {
            draftId = await create(cancellationToken);
            await progress.SaveAsync(draftId, cancellationToken);
        }

        if (complete is not null)
        {
            await complete(draftId, cancellationToken);
        }

        try
        {
            await mailbox.Messages[draftId].Send.PostAsync(cancellationToken: cancellationToken);
        }
        catch (ODataError error) when (error.ResponseStatusCode is not (int)HttpStatusCode.TooManyRequests and < 500)
        {
            // Refused as no draft: an earlier send, retried by the client after a lost answer, got it out already.
            if (!await IsSentOrGoneAsync(mailbox, draftId, cancellationToken))
            {
                throw;
            }
        }

        LogSent(logger, progress.DeliveryKey);
    }

    private static async Task<bool> IsSentOrGoneAsync(UserItemRequestBuilder mailbox, string draftId, CancellationToken cancellationToken)
    {
        try
        {
            var message = await mailbox.Messages[draftId].GetAsync(request => request.QueryParameters.Select = ["id", "isDraft"], cancellationToken);
            return message?.IsDraft == false;
        }
        catch (ODataError error) when (error.Error?.Code == ItemNotFound || error.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return true;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail of delivery {DeliveryKey} sent from the shared mailbox")]
    private static partial void LogSent(ILogger logger, string deliveryKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail of delivery {DeliveryKey} went out on an earlier attempt; not sent again")]
    private static partial void LogSentBefore(ILogger logger, string deliveryKey);
}
