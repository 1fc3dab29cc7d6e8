using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft365StandIn.Graph;
using Microsoft365StandIn.State;

namespace Microsoft365StandIn.Mail;

/// <summary>
/// The inbox's delta query (<c>GET users/{mailbox}/mailFolders/inbox/messages/delta</c>). A first call lists the
/// inbox as it is; a call with a <c>$deltatoken</c> lists what changed since, one entry per message (its net
/// change: there now, or <c>@removed</c> when it left by a move or a delete). Either is cut into pages (of
/// <c>Prefer: odata.maxpagesize</c>, else <see cref="StandInState.DeltaPageSize"/>) linked by
/// <c>@odata.nextLink</c>s with a <c>$skiptoken</c>; the last page carries the <c>@odata.deltaLink</c>. Tokens are
/// opaque and carry the <c>$select</c> of the first call, as Graph's do; a page can be asked for again (a retry).
/// </summary>
internal sealed class InboxDelta(StandInState state, MailStore store)
{
    private const int MaxRounds = 200;

    public GraphResponse Answer(GraphCall call)
    {
        var pageSize = int.TryParse(call.Preference("odata.maxpagesize"), NumberStyles.None, CultureInfo.InvariantCulture, out var preferred) && preferred > 0
            ? preferred
            : Math.Max(1, state.DeltaPageSize);
        string roundId;
        int offset;
        DeltaRound round;
        if (call.Query("$skiptoken") is { } skipToken)
        {
            if (!TryReadSkipToken(skipToken, out roundId, out offset) || !state.Data.DeltaRounds.TryGetValue(roundId, out round!))
            {
                return GraphResponse.Error(400, "SyncStateNotFound", "The sync state specified in the skip token is not valid.");
            }
        }
        else
        {
            var entries = new List<InboxChange>();
            var select = call.Query("$select");
            if (call.Query("$deltatoken") is { } deltaToken)
            {
                if (!TryReadDeltaToken(deltaToken, out var since, out select) || since > state.Data.Sequence)
                {
                    return GraphResponse.Error(400, "SyncStateNotFound", "The sync state specified in the delta token is not valid.");
                }

                var latest = new Dictionary<string, InboxChange>(StringComparer.Ordinal);
                foreach (var change in state.Data.InboxChanges.Where(change => change.Sequence > since))
                {
                    latest[change.ImmutableId] = change;
                }

                entries.AddRange(latest.Values.OrderBy(change => change.Sequence));
            }
            else
            {
                entries.AddRange(store.In(WellKnownFolders.InboxId).Select(message => new InboxChange(0, message.ImmutableId, message.Id, Removed: false)));
            }

            roundId = Guid.NewGuid().ToString("N");
            offset = 0;
            round = new DeltaRound(entries, state.Data.Sequence, select, state.Now);
            state.Data.DeltaRounds[roundId] = round;
            Prune();
            state.MarkChanged();
        }

        var immutable = call.PrefersImmutableIds;
        var page = round.Entries.Skip(offset).Take(pageSize).Select(entry => Entry(entry, immutable, round.Select)).ToList();
        var body = new JsonObject
        {
            ["@odata.context"] = $"{call.GraphBase}/$metadata#Collection(message)",
            ["value"] = GraphJson.Array(page),
        };
        var deltaPath = $"{call.GraphBase}/users/{Uri.EscapeDataString(state.Mailbox)}/mailFolders('inbox')/messages/delta";
        if (offset + pageSize < round.Entries.Count)
        {
            body["@odata.nextLink"] = $"{deltaPath}?$skiptoken={roundId}.{(offset + pageSize).ToString(CultureInfo.InvariantCulture)}";
        }
        else
        {
            body["@odata.deltaLink"] = $"{deltaPath}?$deltatoken={DeltaToken(round.Until, round.Select)}";
        }

        return GraphResponse.WithJson(200, body);
    }

    private JsonObject Entry(InboxChange entry, bool immutable, string? select)
    {
        if (!entry.Removed && store.Find(entry.ImmutableId) is { } message)
        {
            var json = MessageJson.Render(message, immutable, select);
            json["@odata.type"] = "#microsoft.graph.message";
            return json;
        }

        return new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.message",
            ["id"] = immutable ? entry.ImmutableId : entry.RegularId,
            ["@removed"] = new JsonObject { ["reason"] = "deleted" },
        };
    }

    private void Prune()
    {
        var rounds = state.Data.DeltaRounds;
        foreach (var old in rounds.OrderBy(pair => pair.Value.CreatedAt).Take(Math.Max(0, rounds.Count - MaxRounds)).Select(pair => pair.Key).ToList())
        {
            rounds.Remove(old);
        }
    }

    private static string DeltaToken(long until, string? select) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{until.ToString(CultureInfo.InvariantCulture)}|{select}"));

    private static bool TryReadDeltaToken(string token, out long until, out string? select)
    {
        until = 0;
        select = null;
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar < 0 || !long.TryParse(text[..bar], NumberStyles.None, CultureInfo.InvariantCulture, out until))
            {
                return false;
            }

            select = bar + 1 < text.Length ? text[(bar + 1)..] : null;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool TryReadSkipToken(string token, out string roundId, out int offset)
    {
        var dot = token.LastIndexOf('.');
        roundId = dot > 0 ? token[..dot] : "";
        offset = 0;
        return dot > 0 && int.TryParse(token[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
    }
}
