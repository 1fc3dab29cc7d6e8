using System.Text.RegularExpressions;
using Microsoft365StandIn.Faults;

namespace Microsoft365StandIn.State;

/// <summary>
/// The stand-in's state: the saved <see cref="Data"/>, what tests look at (requests received, notifications sent)
/// and the settings tests change. One lock, <see cref="Gate"/>, guards all of it; nothing slow (HTTP calls,
/// delays) happens while it is held.
/// </summary>
internal sealed class StandInState(StandInData data, string mailbox, TimeProvider time, int maxRecordedRequests)
{
    public Lock Gate { get; } = new();

    public StandInData Data { get; } = data;

    public string Mailbox { get; } = mailbox;

    public TimeProvider Time { get; } = time;

    public DateTimeOffset Now => Time.GetUtcNow();

    public List<RecordedRequest> GraphRequests { get; } = [];

    public List<RecordedRequest> TeamsRequests { get; } = [];

    public List<RecordedRequest> AcsRequests { get; } = [];

    public List<SentNotification> Notifications { get; } = [];

    public FaultBook Faults { get; } = new();

    public int DeltaPageSize { get; set; } = 10;

    public bool AnswersRepeatedTransactionWithConflict { get; set; }

    public IReadOnlyList<string> AcsStatuses { get; set; } = ["Running", "Succeeded"];

    public int? AcsRetryAfterSeconds { get; set; } = 0;

    public string AcsFailureCode { get; set; } = "EmailDroppedAllRecipientsSuppressed";

    /// <summary>Raised (under the lock) after every change to <see cref="Data"/>, for the state file.</summary>
    public event Action? Changed;

    public void MarkChanged() => Changed?.Invoke();

    public long NextSequence() => ++Data.Sequence;

    public void Record(List<RecordedRequest> list, RecordedRequest request)
    {
        list.Add(request);
        if (list.Count > maxRecordedRequests)
        {
            list.RemoveRange(0, list.Count - maxRecordedRequests);
        }
    }

    public bool IsMailbox(DirectoryUser user) => string.Equals(user.Mail, Mailbox, StringComparison.OrdinalIgnoreCase);

    /// <summary>A user by object id, UPN or mail (case-insensitive), or null.</summary>
    public DirectoryUser? FindUser(string key) =>
        Data.Users.FirstOrDefault(user =>
            string.Equals(user.Id, key, StringComparison.OrdinalIgnoreCase)
            || string.Equals(user.Mail, key, StringComparison.OrdinalIgnoreCase)
            || string.Equals(user.UserPrincipalName, key, StringComparison.OrdinalIgnoreCase));

    public DirectoryUser MailboxUser => FindUser(Mailbox) ?? throw new InvalidOperationException("The shared mailbox is missing from the directory.");

    public static Regex Pattern(string pattern) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
