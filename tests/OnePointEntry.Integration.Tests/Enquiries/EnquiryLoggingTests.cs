using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Testing;
using Microsoft365StandIn;
using OnePointEntry.Functions.Enquiries;
using OnePointEntry.Functions.Mail;
using OnePointEntry.Functions.Retention;
using OnePointEntry.Functions.Screening;
using OnePointEntry.Integration.Tests.Mail;

namespace OnePointEntry.Integration.Tests.Enquiries;

/// <summary>
/// Runs a form enquiry and a mailed one through the real composition (intake, screening, a status change,
/// reading, erasure) and reads every log record written, the Azure SDK's and Graph's included.
/// </summary>
public sealed class EnquiryLoggingTests : IAsyncLifetime
{
    private const string ContactName = "Zyxwo Qlmnp";
    private const string ContactEmail = "zyxwo.qlmnp@example.org";
    private const string Phone = "+86 419 7351 9024";
    private const string Purpose = "Qlmnp-Zyxwo wishes to study fur auctions and mink farming in Glostrup.";

    private readonly StandInServer _m365 = StandInServer.Start();
    private readonly StorageFixture _storage;

    public EnquiryLoggingTests() => _storage = new StorageFixture(_m365);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _storage.DeleteAsync();
        _m365.Dispose();
    }

    [Fact]
    public async Task Every_log_line_about_an_enquiry_carries_its_reference_and_none_carries_personal_data()
    {
        _storage.Logs.Clear();
        var form = SubmitEnquiryTests.ValidJson();
        form["contactName"] = ContactName;
        form["contactEmail"] = ContactEmail;
        form["phone"] = Phone;
        form["purpose"] = Purpose;
        var submit = HttpRequests.Json(form, "key-logging");
        var (_, _, _, submitted) = await (await _storage.Create<SubmitEnquiry>().Run(submit, CancellationToken.None)).ExecuteAsync(submit);
        var fromForm = submitted.GetProperty("reference").GetString()!;

        var mail = HttpRequests.Raw(MailFunctionsTests.Mime("logging-1@mail.example.org", $"{ContactName} <{ContactEmail}>"), "message/rfc822");
        var (_, _, _, mailed) = await (await _storage.Create<PostRawMail>().Run(mail, CancellationToken.None)).ExecuteAsync(mail);
        var fromMail = mailed.GetProperty("reference").GetString()!;

        foreach (var message in await _storage.QueuedMessagesAsync())
        {
            await _storage.Create<ScreenEnquiry>().Run(message, 1, CancellationToken.None);
        }

        var patch = HttpRequests.Json(new { status = "Accepted", changedBy = "anna@onepointentry.example", note = "Glostrup can host them" });
        patch.Method = HttpMethods.Patch;
        Assert.Equal(200, (await (await _storage.Create<ChangeEnquiryStatus>().Run(patch, fromForm, CancellationToken.None)).ExecuteAsync(patch)).Status);
        var erase = HttpRequests.Json(new { changedBy = "anna@onepointentry.example" });
        erase.Method = HttpMethods.Delete;
        Assert.Equal(200, (await (await _storage.Create<ErasePersonalData>().Run(erase, fromMail, CancellationToken.None)).ExecuteAsync(erase)).Status);

        var records = _storage.Logs.GetSnapshot();
        var ours = records.Where(record => record.Category?.StartsWith("OnePointEntry.", StringComparison.Ordinal) == true).ToList();
        Assert.Contains(ours, record => Carries(record, fromForm));
        Assert.Contains(ours, record => Carries(record, fromMail));
        Assert.Contains(records, record => record.Category?.StartsWith("Azure", StringComparison.Ordinal) == true);
        Assert.All(ours, record => Assert.True(Carries(record, fromForm) || Carries(record, fromMail), $"{record.Category}: '{record.Message}' names no enquiry"));
        foreach (var record in records)
        {
            var text = Text(record);
            foreach (var personal in new[] { ContactName, ContactEmail, Phone, Purpose, "Zyxwo", "Qlmnp", "王磊", "皮草产业" })
            {
                Assert.False(text.Contains(personal, StringComparison.OrdinalIgnoreCase), $"{record.Category} logged personal data: {text}");
            }
        }
    }

    /// <summary>Whether the record names the enquiry in its state or in a scope.</summary>
    private static bool Carries(FakeLogRecord record, string reference) =>
        Values(record).Any(value => value == reference);

    private static IEnumerable<string?> Values(FakeLogRecord record)
    {
        foreach (var pair in record.StructuredState ?? [])
        {
            yield return pair.Value;
        }

        foreach (var scope in record.Scopes)
        {
            if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var pair in pairs)
                {
                    yield return pair.Value?.ToString();
                }
            }
            else
            {
                yield return scope?.ToString();
            }
        }
    }

    /// <summary>Everything a log sink could store of the record: message, state, scopes, exception.</summary>
    internal static string Text(FakeLogRecord record) =>
        string.Join("\n", new[] { record.Message, record.Exception?.ToString() }.Concat(Values(record)).Concat((record.StructuredState ?? []).Select(pair => pair.Key)));
}
