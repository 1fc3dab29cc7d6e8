using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using OnePointEntry.Enquiries;
using OnePointEntry.Routing;

namespace OnePointEntry.Bench.Worklist;

/// <summary>
/// Enquiries as the store would hold them after two years: received evenly over the months up to today, a few in
/// a state that needs someone (their status path audited as the app audits it), the rest declined or completed.
/// </summary>
internal static class Seed
{
    // Open statuses in proportions a busy team might see: most routed or in mediation, few failures.
    private static readonly (EnquiryStatus Status, int Weight)[] s_open =
    [
        (EnquiryStatus.NeedsManualReview, 18), (EnquiryStatus.ScreeningFailed, 2), (EnquiryStatus.RoutingFailed, 3),
        (EnquiryStatus.Routed, 32), (EnquiryStatus.Accepted, 15), (EnquiryStatus.Mediated, 10), (EnquiryStatus.VisitScheduled, 20),
    ];

    private static readonly string[] s_countries = ["CN", "CN", "CN", "CN", "DE", "US", "JP", "KR", "SE", "NO", "IN", "BR", "FR", "GB", "VN", "TH", "SG", "AU", "CA", "NL"];
    private static readonly string[] s_cities = ["Shenzhen", "Hangzhou", "Chengdu", "Hamburg", "Boston", "Osaka", "Busan", "Malmö", "Bergen", "Pune", "Curitiba", "Lyon", "Leeds", "Da Nang", "Chiang Mai", "Singapore", "Adelaide", "Calgary", "Utrecht"];
    private static readonly (string Name, string Sector, string? Level, string Domain)[] s_kinds =
    [
        ("Municipal Government", "public", "municipal", "gov"), ("Provincial Development Commission", "public", "regional", "gov"),
        ("University", "academic", null, "edu"), ("Energy Group", "private", null, "com"), ("Water Authority", "public", "municipal", "org"),
        ("Chamber of Commerce", "other", null, "org"), ("Hospital Trust", "public", "regional", "org"), ("Port Company", "private", null, "com"),
    ];

    private static readonly string[] s_themes = ["sustainable-urban-development", "energy-climate", "water-environment", "life-science-medtech", "digital-tech", "welfare-eldercare", "maritime-logistics", "public-governance"];
    private static readonly string[] s_screeners = ["anna.holm", "bo.madsen", "camilla.berg", "david.lund", "emma.krogh", "frederik.dahl", "gitte.juul", "henrik.bach", "ida.skov"];

    /// <summary><paramref name="total"/> enquiries over the <paramref name="months"/> months up to today, <paramref name="open"/> of them open.</summary>
    public static IReadOnlyList<Enquiry> Plan(int total, int open, int months, int seed)
    {
        var random = new Random(seed);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - months);
        var days = today.DayNumber - first.DayNumber + 1;
        var openAt = new HashSet<int>();
        while (openAt.Count < open)
        {
            openAt.Add(random.Next(total));
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var enquiries = new List<Enquiry>(total);
        for (var i = 0; i < total; i++)
        {
            var received = first.AddDays(random.Next(days));
            var reference = EnquiryReference.New(received);
            while (!taken.Add(reference.ToString()))
            {
                reference = EnquiryReference.New(received);
            }

            var status = openAt.Contains(i) ? Pick(random) : random.Next(100) < 55 ? EnquiryStatus.Declined : EnquiryStatus.Completed;
            enquiries.Add(Build(i, reference, received, status, random));
        }

        return enquiries;
    }

    /// <summary>The submission marks the intake writes with the enquiry: a form's content fingerprint.</summary>
    public static IReadOnlyList<SubmissionMark> MarksOf(Enquiry enquiry)
    {
        if (enquiry.Source != EnquirySource.WebForm)
        {
            return [];
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(enquiry.Reference + enquiry.Submission.ContactEmail)));
        return [new SubmissionMark(SubmissionMarkKind.Fingerprint, hash, hash)];
    }

    /// <summary>The status changes that brought the enquiry to its status, as screening, routing and staff audit them.</summary>
    public static IEnumerable<StatusChange> HistoryOf(Enquiry enquiry)
    {
        EnquiryStatus[] path = enquiry.Status switch
        {
            EnquiryStatus.NeedsManualReview or EnquiryStatus.ScreeningFailed => [EnquiryStatus.Received, enquiry.Status],
            EnquiryStatus.RoutingFailed or EnquiryStatus.Routed => [EnquiryStatus.Received, EnquiryStatus.Screened, enquiry.Status],
            EnquiryStatus.Declined => [EnquiryStatus.Received, EnquiryStatus.Screened, EnquiryStatus.Routed, EnquiryStatus.Declined],
            EnquiryStatus.Accepted => [EnquiryStatus.Received, EnquiryStatus.Screened, EnquiryStatus.Routed, EnquiryStatus.Accepted],
            EnquiryStatus.Mediated => [EnquiryStatus.Received, EnquiryStatus.Screened, EnquiryStatus.Routed, EnquiryStatus.Accepted, EnquiryStatus.Mediated],
            EnquiryStatus.VisitScheduled => [EnquiryStatus.Received, EnquiryStatus.Screened, EnquiryStatus.Routed, EnquiryStatus.Accepted, EnquiryStatus.Mediated, EnquiryStatus.VisitScheduled],
            _ => [EnquiryStatus.Received, EnquiryStatus.Screened, EnquiryStatus.Routed, EnquiryStatus.Accepted, EnquiryStatus.Mediated, EnquiryStatus.VisitScheduled, EnquiryStatus.Completed],
        };
        var staff = enquiry.Routing?.ScreenerId ?? s_screeners[0] + "@onepointentry.example";
        for (var step = 1; step < path.Length; step++)
        {
            var by = path[step] switch
            {
                EnquiryStatus.Screened or EnquiryStatus.NeedsManualReview or EnquiryStatus.ScreeningFailed => "screening",
                EnquiryStatus.Routed or EnquiryStatus.RoutingFailed => "routing",
                _ => staff,
            };
            var note = path[step] switch
            {
                EnquiryStatus.Routed => $"Routed to {staff}",
                EnquiryStatus.NeedsManualReview => "The country could not be read with confidence.",
                EnquiryStatus.Declined => "Outside the region's offer; referred to the national agency.",
                _ => null,
            };
            yield return new StatusChange(enquiry.Reference, path[step - 1], path[step], by, enquiry.ReceivedAt.AddHours(step * 20), note);
        }
    }

    /// <summary>
    /// Writes every row of <paramref name="enquiries"/> but what the store itself writes (<paramref name="viaStore"/>):
    /// enquiry rows, marks and audit rows, grouped by month into transactions of 100, several at once.
    /// </summary>
    public static async Task<int> WriteRowsAsync(TableClient table, IEnumerable<Enquiry> enquiries, Func<Enquiry, bool> viaStore, CancellationToken cancellationToken)
    {
        var byMonth = new ConcurrentDictionary<string, List<TableEntity>>(StringComparer.Ordinal);
        foreach (var enquiry in enquiries)
        {
            var rows = byMonth.GetOrAdd(enquiry.Reference.ReceivedMonth, _ => []);
            if (!viaStore(enquiry))
            {
                rows.Add(EnquiryRows.Of(enquiry));
                rows.AddRange(MarksOf(enquiry).Select(mark => EnquiryRows.Of(mark, enquiry)));
            }

            rows.AddRange(HistoryOf(enquiry).Select(EnquiryRows.Of));
        }

        var batches = byMonth.Values.SelectMany(rows => rows.Chunk(100)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (batch, token) =>
            await table.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)), token));
        return batches.Sum(batch => batch.Length);
    }

    private static EnquiryStatus Pick(Random random)
    {
        var roll = random.Next(s_open.Sum(open => open.Weight));
        foreach (var (status, weight) in s_open)
        {
            if ((roll -= weight) < 0)
            {
                return status;
            }
        }

        return EnquiryStatus.Routed;
    }

    private static Enquiry Build(int index, EnquiryReference reference, DateOnly received, EnquiryStatus status, Random random)
    {
        var country = s_countries[random.Next(s_countries.Length)];
        var city = s_cities[random.Next(s_cities.Length)];
        var kind = s_kinds[random.Next(s_kinds.Length)];
        var receivedAt = new DateTimeOffset(received.ToDateTime(new TimeOnly(7 + random.Next(10), random.Next(60))), TimeSpan.Zero);
        var themes = s_themes.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToList();
        var arrival = received.AddDays(30 + random.Next(120));
        var screened = status is not (EnquiryStatus.NeedsManualReview or EnquiryStatus.ScreeningFailed);
        var routed = screened && status != EnquiryStatus.RoutingFailed;
        var screener = s_screeners[random.Next(s_screeners.Length)] + "@onepointentry.example";
        var organisation = $"{city} {kind.Name} {index.ToString(CultureInfo.InvariantCulture)}";
        var domain = $"{city.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant()}-{kind.Domain}.example";
        var source = random.Next(10) < 6 ? EnquirySource.WebForm : EnquirySource.Mail;
        return new Enquiry
        {
            Reference = reference,
            Source = source,
            ReceivedAt = receivedAt,
            Status = status,
            Mail = source == EnquirySource.Mail ? new MailOrigin($"msg-{Guid.NewGuid():N}", $"AAMkAD{Guid.NewGuid():N}", $"Delegation visit request: {organisation}") : null,
            ManualReviewReason = screened ? null : "The country could not be read with confidence.",
            VisitDate = status is EnquiryStatus.VisitScheduled or EnquiryStatus.Completed ? arrival : null,
            Routing = routed ? new RoutingRecord(screener, receivedAt.AddHours(1)) : null,
            Submission = new EnquirySubmission
            {
                Organisation = organisation,
                Country = country,
                City = city,
                ContactName = $"Contact {index.ToString(CultureInfo.InvariantCulture)}",
                ContactEmail = $"visits{(index % 97).ToString(CultureInfo.InvariantCulture)}@{domain}",
                Phone = "+86 755 8888 1234",
                DelegationSize = 4 + random.Next(20),
                ArrivalDate = arrival,
                DepartureDate = arrival.AddDays(2 + random.Next(4)),
                Purpose = "A study visit about district heating, water management and urban development in Greater Copenhagen, with meetings with municipalities, utilities and companies, and a site visit if possible.",
                Themes = themes,
                Language = "en",
            },
            Screening = screened
                ? new ScreenedFacts { CountryCode = country, City = city, Sector = kind.Sector, Level = kind.Level, Themes = themes, ScreenedAt = receivedAt.AddMinutes(1) }
                : null,
        };
    }
}
