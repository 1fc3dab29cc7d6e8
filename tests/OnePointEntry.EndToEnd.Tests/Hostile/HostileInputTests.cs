using System.Net;
using System.Text.Json;

namespace OnePointEntry.EndToEnd.Tests.Hostile;

/// <summary>
/// Hostile input against the real worker: every case gets its documented answer (a 400 naming the field, a 413 or
/// 415, or a 202 with the enquiry stored whole and safe), never a 500, never an enquiry stored half-way.
/// </summary>
[Collection(FunctionAppCollection.Name)]
public sealed class HostileInputTests(FunctionAppFixture app)
{
    public static TheoryData<string> Encodings => Names(EncodingCases.All);

    public static TheoryData<string> Sizes => Names(SizeCases.All);

    public static TheoryData<string> ControlCharacters => Names(ControlCharacterCases.All);

    public static TheoryData<string> Injections => Names(InjectionCases.All);

    public static TheoryData<string> MimeBombs => Names(MimeBombCases.All);

    public static TheoryData<string> DatesAndNumbers => Names(DateAndNumberCases.All);

    public static TheoryData<string> UnicodeNormalisation => Names(UnicodeNormalisationCases.All);

    [Theory]
    [MemberData(nameof(Encodings))]
    public Task Encodings_are_read_or_refused_as_documented(string name) => AnswersAsDocumentedAsync(EncodingCases.All, name);

    [Theory]
    [MemberData(nameof(Sizes))]
    public Task Sizes_are_bounded_where_they_are_stored(string name) => AnswersAsDocumentedAsync(SizeCases.All, name);

    [Theory]
    [MemberData(nameof(ControlCharacters))]
    public Task Control_and_invisible_characters_are_refused_by_field_or_cleaned_from_mail(string name) => AnswersAsDocumentedAsync(ControlCharacterCases.All, name);

    [Theory]
    [MemberData(nameof(Injections))]
    public Task Injected_markup_headers_queries_and_formulas_stay_text(string name) => AnswersAsDocumentedAsync(InjectionCases.All, name);

    [Theory]
    [MemberData(nameof(MimeBombs))]
    public Task Mime_bombs_are_taken_in_kept_whole_and_stored_bounded(string name) => AnswersAsDocumentedAsync(MimeBombCases.All, name);

    [Theory]
    [MemberData(nameof(DatesAndNumbers))]
    public Task Date_and_number_edge_cases_are_read_or_refused_by_field(string name) => AnswersAsDocumentedAsync(DateAndNumberCases.All, name);

    [Theory]
    [MemberData(nameof(UnicodeNormalisation))]
    public Task Unicode_is_stored_in_NFC_and_look_alikes_are_kept_apart(string name) => AnswersAsDocumentedAsync(UnicodeNormalisationCases.All, name);

    [Fact]
    public async Task The_same_enquiry_in_NFC_and_in_NFD_is_one_submission_with_one_reference()
    {
        var form = Inputs.Form();
        form["organisation"] = "Caf\u00E9 Aarhus";
        var composed = JsonSerializer.Serialize(form);
        form["organisation"] = "Cafe\u0301 Aarhus";
        var decomposed = JsonSerializer.Serialize(form);

        var first = await ReferenceOfAsync(Inputs.Body(composed, "application/json"));
        var second = await ReferenceOfAsync(Inputs.Body(decomposed, "application/json"));

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_mail_with_a_very_long_Message_ID_posted_twice_is_one_enquiry()
    {
        var mail = Inputs.MailText(messageId: $"<{Inputs.Unique()}{new string('m', 3_000)}@hostile.example>");

        var first = await ReferenceOfAsync(Inputs.RawMail(mail));
        var second = await ReferenceOfAsync(Inputs.RawMail(mail));

        Assert.Equal(first, second);
    }

    private static TheoryData<string> Names(IReadOnlyList<HostileCase> cases)
    {
        var names = new TheoryData<string>();
        foreach (var hostile in cases)
        {
            names.Add(hostile.Name);
        }

        return names;
    }

    private async Task AnswersAsDocumentedAsync(IReadOnlyList<HostileCase> cases, string name)
    {
        var hostile = cases.Single(candidate => candidate.Name == name);
        var expected = hostile.Expected;
        var answer = await HostileRuns.AnswerAsync(app, hostile);

        Assert.True(answer.Status != HttpStatusCode.InternalServerError, $"500: {Shorten(answer.Body)}{Environment.NewLine}{Tail(app.Host.Output)}");
        Assert.True(expected.Status == (int)answer.Status, $"Expected {expected.Status}, got {(int)answer.Status}: {Shorten(answer.Body)}");
        if (expected.Page is { } page)
        {
            Assert.Equal("text/html", answer.MediaType);
            page(answer.Body);
            return;
        }

        if (expected.Status >= 400)
        {
            Assert.Equal("application/problem+json", answer.MediaType);
            var problem = JsonDocument.Parse(answer.Body).RootElement;
            Assert.Equal(expected.Status, problem.GetProperty("status").GetInt32());
            if (expected.Field is { } field)
            {
                Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"The problem does not name {field}: {Shorten(answer.Body)}");
            }
        }

        if (expected.Stored is { } stored)
        {
            await stored(answer.Enquiry!);
        }
    }

    private async Task<string> ReferenceOfAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await app.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("reference").GetString()!;
        }
    }

    private static string Shorten(string text) => text.Length > 500 ? text[..500] + "…" : text;

    private static string Tail(string text) => text.Length > 4_000 ? text[^4_000..] : text;
}
