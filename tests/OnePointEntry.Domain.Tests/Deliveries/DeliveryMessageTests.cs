using OnePointEntry.Deliveries;

namespace OnePointEntry.Domain.Tests.Deliveries;

public sealed class DeliveryMessageTests
{
    [Fact]
    public void The_message_names_the_delivery_and_nothing_else()
    {
        Assert.Equal("{\"delivery\":\"OPE-2611-7K3F~Acknowledgement\"}", DeliveryMessage.Create(new DeliveryId("OPE-2611-7K3F", DeliveryKind.Acknowledgement)));
    }

    [Theory]
    [InlineData("OPE-2611-7K3F", DeliveryKind.ScreeningCard, "mei@onepointentry.example")]
    [InlineData("report-2026-10", DeliveryKind.ReportMail, null)]
    [InlineData("Ærø \"quoted\" 报告 &amp; <b>", DeliveryKind.ReportCard, null)]
    public void A_message_read_back_names_the_same_delivery(string subject, DeliveryKind kind, string? recipient)
    {
        var id = new DeliveryId(subject, kind, recipient);

        Assert.Equal(id, DeliveryMessage.Parse(DeliveryMessage.Create(id)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("OPE-2611-7K3F~Acknowledgement")]
    [InlineData("{\"delivery\":")]
    [InlineData("[\"OPE-2611-7K3F~Acknowledgement\"]")]
    [InlineData("\"OPE-2611-7K3F~Acknowledgement\"")]
    [InlineData("{\"delivery\":42}")]
    public void A_message_that_is_not_the_outboxs_json_is_refused(string message) =>
        Assert.Throws<FormatException>(() => DeliveryMessage.Parse(message));

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"delivery\":null}")]
    [InlineData("{\"reference\":\"OPE-2611-7K3F\"}")]
    [InlineData("{\"delivery\":\"OPE-2611-7K3F\"}")]
    [InlineData("{\"delivery\":\"OPE-2611-7K3F~Postcard\"}")]
    [InlineData("{\"delivery\":\"OPE/2611~Acknowledgement\"}")]
    public void A_message_that_names_no_delivery_is_refused(string message) =>
        Assert.Throws<FormatException>(() => DeliveryMessage.Parse(message));
}
