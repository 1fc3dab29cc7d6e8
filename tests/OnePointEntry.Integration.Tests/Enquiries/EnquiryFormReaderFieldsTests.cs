using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Functions.Enquiries;

namespace OnePointEntry.Integration.Tests.Enquiries;

/// <summary>The form reader reads the fields the model puts on a form, each by its own name, in either body.</summary>
public sealed class EnquiryFormReaderFieldsTests
{
    public static TheoryData<string> FormFieldNames => [.. EnquiryFields.OnForm.Select(onForm => onForm.Name)];

    [Fact]
    public async Task A_json_body_fills_in_every_field_a_form_carries()
    {
        var body = EnquiryFields.OnForm.ToDictionary(field => field.Name, field => field.Kind == EnquiryFieldKind.Themes ? (object)Themes : TextOf(field));

        var (form, problem) = await EnquiryFormReader.ReadAsync(HttpRequests.Json(body), CancellationToken.None);

        Assert.Null(problem);
        Assert.Empty(form!.Unreadable);
        Assert.All(EnquiryFields.OnForm, field => Assert.Equal(ExpectedOf(field), field.Form!.Get(form)));
    }

    [Fact]
    public async Task A_form_urlencoded_body_fills_in_every_field_a_form_carries_with_the_themes_as_repeated_fields()
    {
        var pairs = EnquiryFields.OnForm.SelectMany(field => field.Kind == EnquiryFieldKind.Themes
            ? Themes.Select(theme => KeyValuePair.Create(field.Name, theme))
            : [KeyValuePair.Create(field.Name, TextOf(field))]);

        var (form, problem) = await EnquiryFormReader.ReadAsync(HttpRequests.Form(pairs), CancellationToken.None);

        Assert.Null(problem);
        Assert.All(EnquiryFields.OnForm, field => Assert.Equal(ExpectedOf(field), field.Form!.Get(form!)));
    }

    [Theory]
    [MemberData(nameof(FormFieldNames))]
    public async Task Each_field_is_read_by_its_own_name_and_no_other(string name)
    {
        var field = EnquiryFields.Named(name)!;

        var (form, _) = await EnquiryFormReader.ReadAsync(HttpRequests.Form([KeyValuePair.Create(name, TextOf(field))]), CancellationToken.None);

        Assert.All(EnquiryFields.OnForm, other => Assert.Equal(other == field ? TextOf(field) : null, other.Form!.Get(form!)));
    }

    private static readonly string[] Themes = ["fur-industry", "food-agriculture"];

    private static string TextOf(EnquiryField field) => field.Kind == EnquiryFieldKind.Themes ? "fur-industry" : $"the {field.Name}";

    private static string ExpectedOf(EnquiryField field) => field.Kind == EnquiryFieldKind.Themes ? string.Join(',', Themes) : TextOf(field);
}
