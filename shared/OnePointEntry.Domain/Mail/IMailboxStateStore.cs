namespace OnePointEntry.Mail;

public interface IMailboxStateStore
{
    Task<MailboxState> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Saves the state unless it changed since it was read; false then.</summary>
    Task<bool> TrySaveAsync(MailboxState state, CancellationToken cancellationToken);
}
