using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using OnePointEntry.Bench.Pipeline;

// dotnet bench/Pipeline/bin/Release/net10.0/Pipeline.Bench.dll [options] [stored sizes], started by bench/pipeline.sh,
// which builds everything in Release, starts Azurite with its debug log and loads the sample staff and partners.
// Figures are printed, nothing is asserted on time: the exit code is 1 only when a burst was not screened and routed
// within the patience, 2 for a bad command line.
var invariant = CultureInfo.InvariantCulture;
if (PipelineOptions.Parse(args) is not { } options)
{
    Console.Error.WriteLine(PipelineOptions.Usage);
    return 2;
}

var connection = Environment.GetEnvironmentVariable("AzureWebJobsStorage")
    ?? throw new InvalidOperationException("AzureWebJobsStorage (Azurite's connection string) is not set; run bench/pipeline.sh.");
var azuritePid = int.Parse(Environment.GetEnvironmentVariable("PIPELINE_AZURITE_PID") ?? "0", invariant);
// With --steps the script starts Azurite with its debug log (the requests' traces: counts by step); else its access log.
var debugLog = Environment.GetEnvironmentVariable("PIPELINE_AZURITE_DEBUG_LOG");
var accessLog = Environment.GetEnvironmentVariable("PIPELINE_AZURITE_ACCESS_LOG");
IStorageLog storageLog = !string.IsNullOrEmpty(debugLog) ? new AzuriteDebugLog(debugLog)
    : !string.IsNullOrEmpty(accessLog) ? new AzuriteAccessLog(accessLog)
    : throw new InvalidOperationException("Neither PIPELINE_AZURITE_DEBUG_LOG nor PIPELINE_AZURITE_ACCESS_LOG is set; run bench/pipeline.sh.");

Console.WriteLine(string.Create(invariant, $"Pipeline bench: stored sizes {string.Join(", ", options.StoredSizes.Select(size => size.ToString("N0", invariant)))}; bursts of {options.Forms:N0} forms and {options.Mails:N0} mails by {options.Clients} clients; {Environment.ProcessorCount} cores; patience {options.Patience.TotalMinutes:0} min a burst."));
var benchTables = new TableServiceClient(connection, new TableClientOptions { Diagnostics = { ApplicationId = PipelineStack.BenchApplicationId } });

Console.WriteLine(string.Create(invariant, $"Baseline: 1,000 entities of about 1 KB inserted by {options.Clients} clients with Azure.Data.Tables, {options.BaselineRounds} rounds, into the Azurite the app uses ({(storageLog.HasTraces ? "its debug log on" : "its access log on, as always")}):"));
var raw = Median(await RawInserts.MeasureAsync(benchTables, options.Clients, options.BaselineRounds));
Console.WriteLine(string.Create(invariant, $"  median {raw:0} inserts/s"));
// The debug log the step counts need costs Azurite CPU; a second Azurite without it shows what storage takes when
// nothing is counted, the stricter baseline (and the one issue 16's own figures were taken against).
var plainConnection = Environment.GetEnvironmentVariable("PIPELINE_PLAIN_STORAGE");
double? plain = null;
if (!string.IsNullOrEmpty(plainConnection))
{
    Console.WriteLine("The same into a second Azurite beside it, idle and without a debug log:");
    plain = Median(await RawInserts.MeasureAsync(new TableServiceClient(plainConnection, new TableClientOptions { Diagnostics = { ApplicationId = PipelineStack.BenchApplicationId } }), options.Clients, options.BaselineRounds));
    Console.WriteLine(string.Create(invariant, $"  median {plain:0} inserts/s"));
}

Console.WriteLine();

await using var stack = await PipelineStack.StartAsync(connection);
Console.WriteLine(string.Create(invariant, $"The app runs at {stack.AppUrl} (worker process {stack.App.WorkerProcessId}; host output in {stack.App.LogPath}), subscribed to the stand-in's mailbox."));
Console.WriteLine();

var enquiries = benchTables.GetTableClient("Enquiries");
await enquiries.CreateIfNotExistsAsync();
var stored = await new BurstRun(options, stack.App, stack.StandIn, storageLog, azuritePid, stack.AppUrl).WarmUpAsync();
Console.WriteLine(string.Create(invariant, $"Warm-up, not measured: {stored} enquiries (20 forms, 2 mails) through the pipeline, so that the first burst does not pay for the worker's first calls."));
Console.WriteLine();
var figures = new List<BurstFigures>();
var taken = new HashSet<string>(StringComparer.Ordinal);
for (var i = 0; i < options.StoredSizes.Count; i++)
{
    var size = options.StoredSizes[i];
    if (size > stored)
    {
        var clock = Stopwatch.StartNew();
        // References are four characters a day: the seed must not take one an earlier seed or burst took.
        taken.UnionWith(stack.App.Screened.Keys.Concat(stack.App.MailsStored.Keys));
        var rows = await MonthSeed.WriteAsync(enquiries, size - stored, seed: i + 1, taken);
        Console.WriteLine(string.Create(invariant, $"Seeded {size - stored:N0} enquiries into this month ({rows:N0} rows in transactions of 100; {MonthSeed.Spread}) in {clock.Elapsed.TotalSeconds:0} s."));
        stored = size;
    }
    else if (size < stored)
    {
        Console.WriteLine(string.Create(invariant, $"{size:N0} asked for, but the warm-up and earlier bursts left {stored:N0} in the month: measuring at {stored:N0}."));
    }

    // Every routed enquiry books a half hour in its screener's calendar, and a booking reads the calendar up to the
    // deadline: each burst starts from empty calendars, so that what is compared between sizes is the month's
    // enquiries and not the bookings earlier bursts left (the bursts are hours of bookings packed into minutes).
    stack.StandIn.ClearCalendars();
    // Let the seed's writes and the app's queue listeners settle, so the burst starts from the same idle state.
    await Task.Delay(TimeSpan.FromSeconds(5));
    var burst = await new BurstRun(options, stack.App, stack.StandIn, storageLog, azuritePid, stack.AppUrl).RunAsync(i + 1, stored);
    figures.Add(burst);
    stored += burst.Accepted;
}

Console.WriteLine(string.Create(invariant, $"Summary (raw inserts: {raw:0}/s into the same Azurite, {plain:0}/s into an idle one beside it without a debug log; medians of {options.BaselineRounds}; storage requests per enquiry of each step (with --steps), Graph requests per routed enquiry, CPU per enquiry of the burst):"));
Console.WriteLine("| stored before | sent | forms accepted/s | answer p50 | p95 | screened/s | routed/s | routed/s ÷ raw inserts/s | ÷ raw, other Azurite | storage per form (intake) | per mail (intake) | per screening | per routing | all, per enquiry | Status queries per screening | Graph per routed | worker CPU ms per enquiry | Azurite CPU ms per enquiry |");
Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var line in figures)
{
    Console.WriteLine(string.Create(invariant, $"| {line.StoredBefore:N0} | {line.Sent:N0} | {line.AcceptedPerSecond:0.0} | {line.AnswerP50:N0} ms | {line.AnswerP95:N0} ms | {line.ScreenedPerSecond:0.00} | {line.RoutedPerSecond:0.00} | {line.RoutedPerSecond / raw:0.000} | {line.RoutedPerSecond / plain:0.000} | {Figure(line.FormIntakeRequests)} | {Figure(line.MailIntakeRequests)} | {Figure(line.ScreeningRequests)} | {Figure(line.RoutingRequests)} | {line.StorageRequestsPerEnquiry:0.0} | {line.StatusQueriesPerScreened:0.00} | {line.GraphPerRouted:0.00} | {line.WorkerCpuPerEnquiry:0} | {line.AzuriteCpuPerEnquiry:0} |{(line.Finished ? string.Empty : " not finished")}"));
}

if (figures.Count > 1)
{
    var first = figures[0];
    var last = figures[^1];
    Console.WriteLine(string.Create(invariant, $"At {last.StoredBefore:N0} stored against {first.StoredBefore:N0}: storage requests per enquiry × {last.StorageRequestsPerEnquiry / first.StorageRequestsPerEnquiry:0.00} (queries on Status per screening {first.StatusQueriesPerScreened:0.00} → {last.StatusQueriesPerScreened:0.00}), Graph per routed × {last.GraphPerRouted / first.GraphPerRouted:0.00}, worker CPU per enquiry × {last.WorkerCpuPerEnquiry / first.WorkerCpuPerEnquiry:0.00}, Azurite CPU per enquiry × {last.AzuriteCpuPerEnquiry / first.AzuriteCpuPerEnquiry:0.00}, routed/s × {last.RoutedPerSecond / first.RoutedPerSecond:0.00}."));
}

return figures.All(line => line.Finished) ? 0 : 1;

// A step's count is not known without --steps.
static string Figure(double value) => double.IsNaN(value) ? "–" : value.ToString("0.00", CultureInfo.InvariantCulture);

static double Median(IReadOnlyList<double> values) => values.Order().ElementAt(values.Count / 2);
