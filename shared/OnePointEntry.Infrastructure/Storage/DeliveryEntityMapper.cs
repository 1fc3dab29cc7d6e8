using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using OnePointEntry.Deliveries;
using OnePointEntry.Mail;
using OnePointEntry.Routing;

namespace OnePointEntry.Infrastructure.Storage;

/// <summary>
/// Maps deliveries to rows of the Deliveries table. A delivery: partition its subject (an enquiry's reference, a
/// report's <c>report-yyyy-MM</c>), so one enquiry's deliveries are read with one query; row key the rest of its id
/// (<c>Kind[~recipient]</c>). The index of open deliveries: partition <see cref="OpenPartition"/>, row key the whole
/// id, with the state and when the sweep should look at it. What a delivery carries is JSON, split over properties
/// of at most 30,000 characters (a property holds 64 KiB), so a report's chart fits.
/// </summary>
internal static class DeliveryEntityMapper
{
    /// <summary>No subject holds the separator, so this partition is nobody's subject.</summary>
    public const string OpenPartition = "~open";

    private const int ChunkLength = 30_000;

    // A table entity holds at most 1 MiB (UTF-16): the carried JSON keeps well inside it.
    private const int MaxChunks = 15;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string RowKeyOf(DeliveryId id) => id.ToString()[(id.Subject.Length + 1)..];

    public static DeliveryId IdOf(string partitionKey, string rowKey) =>
        DeliveryId.TryParse($"{partitionKey}{DeliveryId.Separator}{rowKey}", out var id)
            ? id
            : throw new FormatException($"The Deliveries table holds a row that names no delivery: {partitionKey} / {rowKey}.");

    public static TableEntity ToEntity(Delivery delivery)
    {
        var entity = new TableEntity(delivery.Id.Subject, RowKeyOf(delivery.Id))
        {
            ["Kind"] = delivery.Id.Kind.ToString(),
            ["State"] = delivery.State.ToString(),
            ["RecordedAt"] = delivery.RecordedAt,
            ["Attempts"] = delivery.Attempts,
            ["NextAttemptAt"] = delivery.NextAttemptAt,
            ["HeldUntil"] = delivery.HeldUntil,
            ["LastError"] = delivery.LastError,
            ["Checkpoint"] = delivery.Checkpoint,
            ["Result"] = delivery.Result,
            ["DeliveredAt"] = delivery.DeliveredAt,
            ["Replaces"] = delivery.Replaces.Count == 0 ? null : JsonSerializer.Serialize(delivery.Replaces.Select(id => id.ToString()), s_json),
        };
        var carried = new Carried(delivery.Mail, delivery.Booking, delivery.Task, delivery.Card);
        if (carried != Carried.Nothing)
        {
            var json = JsonSerializer.Serialize(carried, s_json);
            var chunks = (json.Length + ChunkLength - 1) / ChunkLength;
            if (chunks > MaxChunks)
            {
                throw new InvalidOperationException($"Delivery {delivery.Id} carries {json.Length:N0} characters, more than a table row holds ({MaxChunks * ChunkLength:N0}).");
            }

            entity["ContentChunks"] = chunks;
            for (var chunk = 0; chunk < chunks; chunk++)
            {
                entity[$"Content{chunk}"] = json.Substring(chunk * ChunkLength, Math.Min(ChunkLength, json.Length - chunk * ChunkLength));
            }
        }

        return entity;
    }

    public static Delivery ToDelivery(TableEntity entity)
    {
        var carried = Carried.Nothing;
        if (entity.GetInt32("ContentChunks") is > 0 and var chunks)
        {
            var json = new StringBuilder();
            for (var chunk = 0; chunk < chunks; chunk++)
            {
                json.Append(entity.GetString($"Content{chunk}"));
            }

            carried = JsonSerializer.Deserialize<Carried>(json.ToString(), s_json) ?? Carried.Nothing;
        }

        return new Delivery
        {
            Id = IdOf(entity.PartitionKey, entity.RowKey),
            State = Enum.TryParse<DeliveryState>(entity.GetString("State"), out var state) ? state : DeliveryState.Pending,
            Mail = carried.Mail,
            Booking = carried.Booking,
            Task = carried.Task,
            Card = carried.Card,
            RecordedAt = entity.GetDateTimeOffset("RecordedAt") ?? DateTimeOffset.MinValue,
            Attempts = entity.GetInt32("Attempts") ?? 0,
            NextAttemptAt = entity.GetDateTimeOffset("NextAttemptAt"),
            HeldUntil = entity.GetDateTimeOffset("HeldUntil"),
            LastError = entity.GetString("LastError"),
            Checkpoint = entity.GetString("Checkpoint"),
            Result = entity.GetString("Result"),
            DeliveredAt = entity.GetDateTimeOffset("DeliveredAt"),
            Replaces = ReplacesOf(entity),
            Version = entity.ETag.ToString(),
        };
    }

    public static TableEntity ToIndexEntity(DeliveryId id, DeliveryState state, DateTimeOffset dueAt) =>
        new(OpenPartition, id.ToString())
        {
            ["State"] = state.ToString(),
            ["DueAt"] = dueAt,
        };

    private static List<DeliveryId> ReplacesOf(TableEntity entity)
    {
        var ids = new List<DeliveryId>();
        if (entity.GetString("Replaces") is not { Length: > 0 } json)
        {
            return ids;
        }

        foreach (var text in JsonSerializer.Deserialize<string[]>(json, s_json) ?? [])
        {
            ids.Add(DeliveryId.TryParse(text, out var id) ? id : throw new FormatException($"Delivery {entity.PartitionKey} / {entity.RowKey} replaces something that names no delivery."));
        }

        return ids;
    }

    private sealed record Carried(OutgoingMail? Mail, ScreeningBooking? Booking, ScreeningTask? Task, TeamsCard? Card)
    {
        public static readonly Carried Nothing = new(null, null, null, null);
    }
}
