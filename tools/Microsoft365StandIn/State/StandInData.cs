using Microsoft365StandIn.Acs;
using Microsoft365StandIn.Calendars;
using Microsoft365StandIn.Mail;
using Microsoft365StandIn.Teams;

namespace Microsoft365StandIn.State;

/// <summary>Everything the stand-in keeps, as saved to the state file. Changed only under <see cref="StandInState.Gate"/>.</summary>
internal sealed class StandInData
{
    public long Sequence { get; set; }

    public List<DirectoryUser> Users { get; init; } = [];

    public List<MailFolderState> Folders { get; init; } = [];

    public List<MailMessage> Messages { get; init; } = [];

    public List<InboxChange> InboxChanges { get; init; } = [];

    public Dictionary<string, DeltaRound> DeltaRounds { get; init; } = new(StringComparer.Ordinal);

    public List<SentMailItem> SentMail { get; init; } = [];

    public List<SubscriptionState> Subscriptions { get; init; } = [];

    public List<CalendarEventState> Events { get; init; } = [];

    public List<BusyBlock> BusyBlocks { get; init; } = [];

    public List<PlannerTaskState> PlannerTasks { get; init; } = [];

    public List<TeamsPost> TeamsPosts { get; init; } = [];

    public List<AcsOperation> AcsOperations { get; init; } = [];
}
