using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;

namespace OnePointEntry.Bench.Pipeline;

/// <summary>
/// The baseline: 1,000 entities of about 1 KB inserted one request each into a table of their own in the same
/// Azurite, by as many concurrent clients as the bursts use, with Azure.Data.Tables. What storage alone can take.
/// </summary>
internal static class RawInserts
{
    private const int Count = 1000;

    /// <returns>Inserts a second of each round.</returns>
    public static async Task<IReadOnlyList<double>> MeasureAsync(TableServiceClient tables, int clients, int rounds)
    {
        var padding = new string('x', 900);
        var rates = new List<double>(rounds);
        // Round 0 is not counted: the client's first calls pay for its code being compiled and its connections opened.
        for (var round = 0; round <= rounds; round++)
        {
            var table = tables.GetTableClient(string.Create(CultureInfo.InvariantCulture, $"RawInserts{round}"));
            await table.CreateIfNotExistsAsync();
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = clients }, async (i, token) =>
                await table.AddEntityAsync(
                    new TableEntity("raw", i.ToString("D6", CultureInfo.InvariantCulture))
                    {
                        ["Status"] = "Received",
                        ["ReceivedAt"] = DateTimeOffset.UtcNow,
                        ["Padding"] = padding,
                    },
                    token));
            var elapsed = clock.Elapsed;
            await table.DeleteAsync();
            if (round == 0)
            {
                continue;
            }

            rates.Add(Count / elapsed.TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  raw inserts, round {round}: {Count} in {elapsed.TotalMilliseconds:0} ms, {rates[^1]:0} inserts/s"));
        }

        return rates;
    }
}
