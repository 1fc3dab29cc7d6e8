using System.ComponentModel.DataAnnotations;

namespace OnePointEntry.Infrastructure.Mail;

/// <summary>Settings of mail intake (section <c>Mail</c>).</summary>
public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>
    /// The secret given to Graph with the subscription and expected back in every notification
    /// (<c>Mail__ClientState</c>; from Key Vault in Azure). At least 16 characters.
    /// </summary>
    [Required(ErrorMessage = "Mail__ClientState is required: the secret Graph echoes in every mailbox notification.")]
    [MinLength(16, ErrorMessage = "Mail__ClientState must be at least 16 characters.")]
    public string ClientState { get; set; } = string.Empty;

    /// <summary>The app's public URL of <c>/api/mail/notifications</c> (<c>Mail__NotificationUrl</c>), which Graph posts to.</summary>
    [Required(ErrorMessage = "Mail__NotificationUrl is required: the public URL of /api/mail/notifications that Graph posts to.")]
    public Uri? NotificationUrl { get; set; }
}
