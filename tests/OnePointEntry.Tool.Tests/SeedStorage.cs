using Azure.Data.Tables;
using OnePointEntry.Infrastructure.Storage;
using OnePointEntry.Tool.Seeding;

namespace OnePointEntry.Tool.Tests;

/// <summary>
/// Tables of this test's own in the Azurite that tools/test.sh started, opened the way
/// <c>ope seed</c> opens storage, and a folder for the test's seed files.
/// </summary>
public sealed class SeedStorage : IAsyncLifetime
{
    public const string ConnectionStringVariable = "AZURITE_CONNECTION_STRING";

    private readonly string _connectionString;

    public SeedStorage()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"{ConnectionStringVariable} is not set: run the tests with tools/test.sh, which starts Azurite and sets it.");
        }

        _connectionString = connectionString;
        var suffix = Guid.NewGuid().ToString("N")[..12];
        Names = new StorageNames
        {
            StaffTable = "Staff" + suffix,
            PartnersTable = "Partners" + suffix,
            StatisticsTable = "Statistics" + suffix,
            EnquiriesTable = "Enquiries" + suffix,
            DeliveriesTable = "Deliveries" + suffix,
            DeliveryQueue = "deliveries-" + suffix,
            MailOriginalsContainer = "mail-originals-" + suffix,
        };
        Folder = System.IO.Directory.CreateTempSubdirectory("ope-seed-").FullName;
    }

    public StorageNames Names { get; }

    /// <summary>A folder of the test's own for seed files.</summary>
    public string Folder { get; }

    /// <summary>How many times the command opened storage.</summary>
    public int Opened { get; private set; }

    /// <summary>The seed command, storing into this test's tables.</summary>
    internal Commands.SeedCommand Command() => new(_ => Open());

    /// <summary>The import command, storing into this test's tables.</summary>
    internal Commands.ImportCommand ImportCommand() => new(_ => Open());

    /// <summary>The stats command, reading this test's tables.</summary>
    internal Commands.StatsCommand StatsCommand() => new(_ => Open());

    /// <summary>The deliveries command, on this test's outbox.</summary>
    internal Commands.DeliveriesCommand DeliveriesCommand() => new(_ => Open());

    /// <summary>The corpus command, on this test's enquiries and mail originals.</summary>
    internal Commands.CorpusCommand CorpusCommand(TimeProvider time) => new(_ => Open(), time);

    /// <summary>The worklist command, on this test's enquiries.</summary>
    internal Commands.WorklistCommand WorklistCommand(TimeProvider time) => new(_ => Open(), time);

    /// <summary>The messages waiting on this test's delivery queue (peeked, decoded as the app's queue client does).</summary>
    public async Task<List<string>> QueuedDeliveriesAsync()
    {
        var queue = new Azure.Storage.Queues.QueueClient(_connectionString, Names.DeliveryQueue, new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.Base64 });
        await queue.CreateIfNotExistsAsync();
        return [.. (await queue.PeekMessagesAsync(32)).Value.Select(message => message.MessageText)];
    }

    /// <summary>Storage as the tool opens it, with this test's tables.</summary>
    internal ToolStorage Open()
    {
        Opened++;
        return ToolStorage.Open(new Dictionary<string, string?> { [StorageConnectionOptions.SettingName] = _connectionString }, Names);
    }

    public string WriteFile(string name, string json)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    public async Task<List<TableEntity>> RowsAsync(string table)
    {
        var client = new TableServiceClient(_connectionString).GetTableClient(table);
        await client.CreateIfNotExistsAsync();
        return await client.QueryAsync<TableEntity>().ToListAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        var tables = new TableServiceClient(_connectionString);
        await tables.GetTableClient(Names.StaffTable).DeleteAsync();
        await tables.GetTableClient(Names.PartnersTable).DeleteAsync();
        await tables.GetTableClient(Names.StatisticsTable).DeleteAsync();
        await tables.GetTableClient(Names.EnquiriesTable).DeleteAsync();
        await tables.GetTableClient(Names.DeliveriesTable).DeleteAsync();
        await new Azure.Storage.Queues.QueueClient(_connectionString, Names.DeliveryQueue).DeleteIfExistsAsync();
        await new Azure.Storage.Blobs.BlobContainerClient(_connectionString, Names.MailOriginalsContainer).DeleteIfExistsAsync();
        System.IO.Directory.Delete(Folder, recursive: true);
    }
}
