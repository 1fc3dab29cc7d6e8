using System.Diagnostics;
using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using OnePointEntry;
using OnePointEntry.Bench.Statistics;
using OnePointEntry.Enquiries;
using OnePointEntry.Infrastructure.Storage;
using OnePointEntry.Statistics;

// dotnet run -c Release --project bench/Statistics -- [enquiries] [years]   (AZURITE_CONNECTION_STRING set; see bench/statistics.sh)
var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var years = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var connectionString = Environment.GetEnvironmentVariable("AZURITE_CONNECTION_STRING")
    ?? throw new InvalidOperationException("AZURITE_CONNECTION_STRING is not set: run bench/statistics.sh.");

var counter = new RequestCounter();
var options = new TableClientOptions();
options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
var tables = new TableServiceClient(connectionString, options);
var suffix = Guid.NewGuid().ToString("N")[..8];
var names = new StorageNames { EnquiriesTable = "BenchEnquiries" + suffix, StatisticsTable = "BenchStatistics" + suffix };
var enquiries = new TableEnquiryStore(tables, names);
var statistics = new TableStatisticsStore(tables, names);

// Load: enquiries spread evenly over the years up to last month; about half become facilitated delegations
// arriving within three months of the enquiry, as the index records them when staff schedule the visit.
var countries = new[] { "CN", "CN", "CN", "CN", "DE", "US", "JP", "KR", "SE", "NO", "IN", "BR", "FR", "GB", "VN", "TH", "SG", "AU", "CA", "NL" };
var sectors = new[] { "public", "public", "private", "academic", "other" };
var lastMonth = new CalendarMonth(2026, 10);
var firstDay = lastMonth.AddMonths(1 - (12 * years)).FirstDay;
var days = lastMonth.LastDay.DayNumber - firstDay.DayNumber + 1;
var random = new Random(2026);
var plan = Enumerable.Range(0, total).Select(i =>
{
    var received = firstDay.AddDays(random.Next(days));
    return (Index: i, Received: received, Country: countries[random.Next(countries.Length)], Sector: sectors[random.Next(sectors.Length)],
        Visit: random.Next(2) == 0 ? received.AddDays(14 + random.Next(76)) : (DateOnly?)null);
}).ToList();

var load = Stopwatch.StartNew();
await Parallel.ForEachAsync(plan, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (item, cancellationToken) =>
{
    var receivedAt = new DateTimeOffset(item.Received.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
    var enquiry = new Enquiry
    {
        Reference = EnquiryReference.New(item.Received),
        Source = EnquirySource.WebForm,
        ReceivedAt = receivedAt,
        Status = item.Visit is null ? EnquiryStatus.Declined : EnquiryStatus.Completed,
        VisitDate = item.Visit,
        Submission = new EnquirySubmission
        {
            Organisation = $"Bench delegation {item.Index}",
            Country = item.Country,
            ContactEmail = "bench@example.org",
            Purpose = "A study visit about energy, water and urban development, with meetings in three municipalities.",
            DelegationSize = 8,
        },
        Screening = new ScreenedFacts { CountryCode = item.Country, Sector = item.Sector, Level = item.Sector == "public" ? "municipal" : null, Themes = ["energy-climate"], ScreenedAt = receivedAt },
    };
    while (await enquiries.AddAsync(enquiry, [], [], cancellationToken) == AddEnquiryResult.ReferenceTaken)
    {
        enquiry = enquiry with { Reference = EnquiryReference.New(item.Received) };
    }

    if (StatisticsFacts.DelegationOf(enquiry) is { } delegation)
    {
        await statistics.RecordDelegationAsync(delegation, null, cancellationToken);
    }
});
load.Stop();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Loaded {total:N0} enquiries over {years} years ({plan.Count(item => item.Visit is not null):N0} facilitated) in {load.Elapsed.TotalSeconds:N1} s, {counter.Count:N0} requests."));

var service = new DelegationStatistics(statistics);
var month = await MeasureAsync("month report (2026-10, with year to date and 24-month chart)", () => service.ComputeMonthAsync(lastMonth, CancellationToken.None));
var year = await MeasureAsync("year report (2025 against 2024)", () => service.ComputeAsync(StatisticsPeriod.Year(2025), CancellationToken.None));

// Baseline: what a report costs without month partitions and the index, reading every enquiry ever stored.
var everything = await MeasureAsync("baseline: read every enquiry (full table scan)", async () =>
{
    var count = 0;
    await foreach (var _ in tables.GetTableClient(names.EnquiriesTable).QueryAsync<TableEntity>(entity => entity.RowKey.CompareTo("OPE-") >= 0 && entity.RowKey.CompareTo("OPE.") < 0, 1000))
    {
        count++;
    }

    return count;
});

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"month report / baseline: {month.Elapsed / everything.Elapsed:N3} of the time, {(double)month.Requests / everything.Requests:N3} of the requests"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"year report / baseline:  {year.Elapsed / everything.Elapsed:N3} of the time, {(double)year.Requests / everything.Requests:N3} of the requests"));

await tables.DeleteTableAsync(names.EnquiriesTable);
await tables.DeleteTableAsync(names.StatisticsTable);

async Task<(TimeSpan Elapsed, int Requests)> MeasureAsync<T>(string what, Func<Task<T>> run)
{
    // One warm-up run (connections, JIT), then the median of five.
    await run();
    var runs = new List<(TimeSpan Elapsed, int Requests)>();
    for (var i = 0; i < 5; i++)
    {
        counter.Reset();
        var watch = Stopwatch.StartNew();
        await run();
        runs.Add((watch.Elapsed, counter.Count));
    }

    var median = runs.OrderBy(run => run.Elapsed).ElementAt(runs.Count / 2);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-62} {median.Elapsed.TotalMilliseconds,9:N1} ms {median.Requests,6:N0} requests"));
    return median;
}
