using OnePointEntry.Enquiries;

namespace OnePointEntry.Domain.Tests;

internal static class TestData
{
    public static EnquiryForm ValidForm() => new()
    {
        Organisation = "Liaoyang Municipal People's Government",
        Country = "China",
        City = "Liaoyang",
        ContactName = "Wang Fang",
        ContactEmail = "wang.fang@example.cn",
        Phone = "+86 419 123 4567",
        DelegationSize = "6",
        ArrivalDate = "2027-03-10",
        DepartureDate = "2027-03-12",
        Purpose = "We would like to learn about the fur industry and mink farming, and meet Glostrup Kommune.",
        Themes = ["fur-industry"],
        ReferredBy = "Glostrup",
        Language = "en",
    };

    public static EnquirySubmission ValidSubmission() => new()
    {
        Organisation = "Liaoyang Municipal People's Government",
        Country = "China",
        City = "Liaoyang",
        ContactEmail = "wang.fang@example.cn",
        Purpose = "Fur industry and mink farming.",
        Themes = ["fur-industry"],
    };
}
