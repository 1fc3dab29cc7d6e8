using System.Text;

namespace LocalFunctionsHost.Queues;

/// <summary>
/// Message bodies as the Functions queue extension stores them: Base64 of the UTF-8 text by
/// default, or as they are with host.json <c>messageEncoding: none</c>.
/// </summary>
internal sealed class QueueMessageCodec(bool base64)
{
    public string Encode(string text) => base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) : text;

    public string Encode(ReadOnlySpan<byte> bytes) => base64 ? Convert.ToBase64String(bytes) : Encoding.UTF8.GetString(bytes);

    /// <summary>False for a body that is not valid Base64; the real host moves such a message to the poison queue.</summary>
    public bool TryDecode(string stored, out string text)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!base64)
        {
            text = stored;
            return true;
        }

        var buffer = new byte[stored.Length];
        if (Convert.TryFromBase64String(stored, buffer, out var written))
        {
            text = Encoding.UTF8.GetString(buffer, 0, written);
            return true;
        }

        text = string.Empty;
        return false;
    }
}
