namespace OnePointEntry.Infrastructure.Email;

/// <summary>Azure Communication Services did not send a mail: refused, failed, canceled, or not finished in time.</summary>
public sealed class MailSendFailedException : Exception
{
    public MailSendFailedException()
    {
    }

    public MailSendFailedException(string message)
        : base(message)
    {
    }

    public MailSendFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MailSendFailedException(string message, string operationId, string? status, string? errorCode)
        : base(message)
    {
        OperationId = operationId;
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>The send operation's id (our <c>Operation-Id</c>), to look it up in the resource's logs.</summary>
    public string? OperationId { get; }

    /// <summary>The operation's last status (Failed, Canceled, Running when timed out), or null when the request was refused.</summary>
    public string? Status { get; }

    /// <summary>The service's error code, when it gave one.</summary>
    public string? ErrorCode { get; }
}
