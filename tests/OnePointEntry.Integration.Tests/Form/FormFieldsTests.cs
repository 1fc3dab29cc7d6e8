using OnePointEntry.Enquiries.Fields;
using OnePointEntry.Functions.Form;

namespace OnePointEntry.Integration.Tests.Form;

public sealed class FormFieldsTests
{
    [Fact]
    public void The_page_shows_every_field_a_form_carries_but_its_language_and_the_honeypot()
    {
        Assert.Equal(
            EnquiryFields.OnForm.Where(field => field != EnquiryFields.Language && field.Kind != EnquiryFieldKind.Honeypot).Select(field => field.Name).Order(StringComparer.Ordinal),
            FormFields.All.Select(field => field.Name).Order(StringComparer.Ordinal));
    }

}
