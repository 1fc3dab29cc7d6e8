using Microsoft365StandIn.State;

namespace Microsoft365StandIn.Mail;

/// <summary>Delivers a whole e-mail to the shared mailbox's inbox, as Exchange would; subscribers are notified through <see cref="MailStore.ArrivedInInbox"/>.</summary>
internal sealed class InboxDelivery(StandInState state, MailStore store)
{
    /// <summary>Exchange's limit for a message, with its encoding.</summary>
    public const long MaxSize = 35 * 1024 * 1024;

    /// <exception cref="FormatException">The bytes are not an Internet message.</exception>
    public DeliveredMessage Deliver(byte[] mime)
    {
        var parsed = MimeReader.Parse(mime);
        lock (state.Gate)
        {
            var message = store.Deliver(mime, parsed);
            return new DeliveredMessage(message.Id, message.ImmutableId, message.InternetMessageId);
        }
    }
}
