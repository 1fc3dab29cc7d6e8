using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OnePointEntry.Bench.Worklist;
using OnePointEntry.Enquiries;
using OnePointEntry.Infrastructure;
using OnePointEntry.Infrastructure.Storage;
using OnePointEntry.Workspace;

// dotnet run -c Release --project bench/Worklist -- [sizes] [open share] [months] [runs]   (AZURITE_CONNECTION_STRING set; see bench/worklist.sh)
//   sizes: comma-separated, each N or N:open (open enquiries; else N × share); the first is the baseline.
var sizes = (args.Length > 0 ? args[0] : "10000,100000").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var share = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 0.03;
var months = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 24;
const int Warmups = 5;
var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20;
var connectionString = Environment.GetEnvironmentVariable("AZURITE_CONNECTION_STRING")
    ?? throw new InvalidOperationException("AZURITE_CONNECTION_STRING is not set: run bench/worklist.sh.");

var counter = new RequestCounter();
var results = new List<(int Total, int Open, int Months, List<Measured> Reads)>();
var filtered = new WorklistQuery(Search: "university", CountryCode: "CN");
foreach (var size in sizes)
{
    var parts = size.Split(':');
    var total = int.Parse(parts[0], CultureInfo.InvariantCulture);
    var open = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : (int)Math.Round(total * share);
    var suffix = Guid.NewGuid().ToString("N")[..8];
    var names = new StorageNames { EnquiriesTable = "BenchWorklist" + suffix, DeliveriesTable = "BenchDeliveries" + suffix };
    using var host = Open(connectionString, names, counter);
    var store = host.Services.GetRequiredService<IEnquiryStore>();
    var tables = host.Services.GetRequiredService<TableServiceClient>();
    var table = tables.GetTableClient(names.EnquiriesTable);
    await table.CreateIfNotExistsAsync();

    // Load: the open enquiries through the store (the enquiry, its marks and its line of work in one transaction,
    // the month registered), everything else (closed enquiries, their marks, every audit row) in transactions of
    // 100 rows built by the store's own mapper.
    var plan = Seed.Plan(total, open, months, seed: 2026 + total);
    var isOpen = plan.Where(enquiry => WorkStates.Of(enquiry.Status) is not null).Select(enquiry => enquiry.Reference).ToHashSet();
    counter.Reset();
    var load = Stopwatch.StartNew();
    await Parallel.ForEachAsync(plan.Where(enquiry => isOpen.Contains(enquiry.Reference)), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (enquiry, cancellationToken) =>
    {
        if (await store.AddAsync(enquiry, Seed.MarksOf(enquiry), [], cancellationToken) != AddEnquiryResult.Added)
        {
            throw new InvalidOperationException($"{enquiry.Reference} was not added.");
        }
    });
    var viaStore = counter.Count;
    var rows = await Seed.WriteRowsAsync(table, plan, enquiry => isOpen.Contains(enquiry.Reference), CancellationToken.None);
    load.Stop();
    var listed = 0;
    await foreach (var _ in table.QueryAsync<TableEntity>(entity => entity.PartitionKey == "worklist-months", select: ["RowKey"]))
    {
        listed++;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"N = {total:N0}: loaded {isOpen.Count:N0} open enquiries through the store ({viaStore:N0} requests) and {rows:N0} more rows in batches, {load.Elapsed.TotalSeconds:N1} s, {counter.Count:N0} requests; {listed} months listed with open work."));

    using var scope = host.Services.CreateScope();
    var worklist = scope.ServiceProvider.GetRequiredService<Worklist>();
    var check = await worklist.ReadAsync(new WorklistQuery(), CancellationToken.None);
    if (check.Total != isOpen.Count)
    {
        throw new InvalidOperationException($"The worklist lists {check.Total} enquiries; {isOpen.Count} are open.");
    }

    var reads = new List<Measured>
    {
        await MeasureAsync("worklist page 1, no filter", async () => (await worklist.ReadAsync(new WorklistQuery(), CancellationToken.None)).Total),
        await MeasureAsync("worklist page 1, country CN and q=university", async () => (await worklist.ReadAsync(filtered, CancellationToken.None)).Total),
        // Azurite answers a query by scanning every row of the table: one query that finds nothing shows what
        // a single request costs it at this size, which the service's indexed partitions do not pay.
        await MeasureAsync("one query finding nothing (Azurite's floor)", async () =>
        {
            var count = 0;
            await foreach (var _ in table.QueryAsync<TableEntity>(entity => entity.PartitionKey == "0000-00"))
            {
                count++;
            }

            return count;
        }),
    };
    results.Add((total, isOpen.Count, listed, reads));
    await tables.DeleteTableAsync(names.EnquiriesTable);
    await tables.DeleteTableAsync(names.DeliveriesTable);
    Console.WriteLine();
}

Console.WriteLine($"Median and p95 (nearest rank) of {runs} runs after {Warmups} warm-ups; requests and rows per read:");
Console.WriteLine();
Console.WriteLine("| stored | open | months | read | requests | rows read | median | p95 |");
Console.WriteLine("| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
foreach (var (total, open, listed, reads) in results)
{
    foreach (var read in reads)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {total:N0} | {open:N0} | {listed} | {read.What} | {Requests(read)} | {read.Rows:N0} | {read.Median:N1} ms | {read.P95:N1} ms |"));
    }
}

var baseline = results[0];
foreach (var (total, open, listed, reads) in results.Skip(1))
{
    Console.WriteLine();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{total:N0} against {baseline.Total:N0}: stored × {(double)total / baseline.Total:N2}, open × {(double)open / baseline.Open:N2}, months × {(double)listed / baseline.Months:N2}"));
    for (var i = 0; i < reads.Count; i++)
    {
        var (read, before) = (reads[i], baseline.Reads[i]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {read.What,-48} requests × {(double)read.Requests / before.Requests:N2}, rows × {Ratio(read.Rows, before.Rows)}, median × {read.Median / before.Median:N2}, p95 × {read.P95 / before.P95:N2}"));
    }
}

async Task<Measured> MeasureAsync(string what, Func<Task<int>> run)
{
    for (var i = 0; i < Warmups; i++)
    {
        await run();
    }

    var times = new List<double>();
    var requests = new List<int>();
    for (var i = 0; i < runs; i++)
    {
        counter.Reset();
        var watch = Stopwatch.StartNew();
        await run();
        times.Add(watch.Elapsed.TotalMilliseconds);
        requests.Add(counter.Count);
    }

    // Rows in a run of its own: parsing the answers to count them would be timed otherwise.
    counter.Reset();
    counter.CountRows = true;
    await run();
    counter.CountRows = false;
    times.Sort();
    requests.Sort();
    var measured = new Measured(what, times[(times.Count - 1) / 2], times[(int)Math.Ceiling(0.95 * times.Count) - 1], requests[requests.Count / 2], requests[0], requests[^1], counter.Rows);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {what,-48} {measured.Median,9:N1} ms median {measured.P95,9:N1} ms p95 {Requests(measured),8} requests {measured.Rows,7:N0} rows"));
    return measured;
}

static string Requests(Measured read) =>
    read.MinRequests == read.MaxRequests ? read.Requests.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{read.Requests} ({read.MinRequests}–{read.MaxRequests})");

static string Ratio(int value, int before) => before == 0 ? (value == 0 ? "–" : "∞") : ((double)value / before).ToString("N2", CultureInfo.InvariantCulture);

// The app's own composition in a small host that is never started, as the ope tool opens storage: the same
// clients, stores and worklist as the app, with the bench's table names and a request counter on every client.
static IHost Open(string connectionString, StorageNames names, RequestCounter counter)
{
    var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
    builder.Configuration.AddInMemoryCollection([new(StorageConnectionOptions.SettingName, connectionString)]);
    builder.Services.AddLogging();
    builder.Services.AddSingleton(names);
    builder.Services.AddAzureClients(clients => clients.ConfigureDefaults(options => options.AddPolicy(counter, HttpPipelinePosition.PerRetry)));
    builder.AddOnePointEntry();
    return builder.Build();
}

internal sealed record Measured(string What, double Median, double P95, int Requests, int MinRequests, int MaxRequests, int Rows);
