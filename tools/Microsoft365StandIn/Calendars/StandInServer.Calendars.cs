using Microsoft365StandIn.Calendars;

namespace Microsoft365StandIn;

/// <summary>Users' calendars, for tests.</summary>
public sealed partial class StandInServer
{
    /// <summary>
    /// A repeated <c>transactionId</c> is answered with <c>409 Conflict</c> instead of the first event (Graph's
    /// documentation names no answer for it; an adapter must handle both).
    /// </summary>
    public bool AnswersRepeatedTransactionWithConflict
    {
        get => Locked(() => _state.AnswersRepeatedTransactionWithConflict);
        set => Locked(() => _state.AnswersRepeatedTransactionWithConflict = value);
    }

    /// <summary>Every event in every calendar, in the order created.</summary>
    public IReadOnlyList<CalendarEventState> Events => Locked(() => (IReadOnlyList<CalendarEventState>)[.. _state.Data.Events]);

    /// <summary>The events in this user's calendar (by object id, UPN or mail); none for an unknown user.</summary>
    public IReadOnlyList<CalendarEventState> EventsOf(string user) => Locked(() =>
        _state.FindUser(user) is { } owner
            ? (IReadOnlyList<CalendarEventState>)[.. _state.Data.Events.Where(item => item.UserId == owner.Id)]
            : []);

    /// <summary>
    /// Empties every calendar (events and staged busy blocks), as at a fresh start: for a bench that runs bursts one
    /// after another and wants each to find the calendars as the first did.
    /// </summary>
    public void ClearCalendars() => Locked(() =>
    {
        _state.Data.Events.Clear();
        _state.Data.BusyBlocks.Clear();
        _state.MarkChanged();
        return true;
    });

    /// <summary>Blocks a known user's calendar, as another meeting would, without an event the app could read.</summary>
    public void StageBusy(string user, DateTimeOffset start, DateTimeOffset end, string status = "busy") => Locked(() =>
    {
        var owner = _state.FindUser(user) ?? throw new ArgumentException($"No user '{user}' in the directory: add it first.", nameof(user));
        _state.Data.BusyBlocks.Add(new BusyBlock(owner.Id, start.ToUniversalTime(), end.ToUniversalTime(), status));
        _state.MarkChanged();
        return true;
    });
}
