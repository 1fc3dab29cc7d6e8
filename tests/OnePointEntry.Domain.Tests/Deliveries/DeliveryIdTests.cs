using OnePointEntry.Deliveries;

namespace OnePointEntry.Domain.Tests.Deliveries;

public sealed class DeliveryIdTests
{
    [Fact]
    public void An_id_is_written_subject_kind_and_recipient_when_there_is_one()
    {
        Assert.Equal("OPE-2611-7K3F~Acknowledgement", new DeliveryId("OPE-2611-7K3F", DeliveryKind.Acknowledgement).ToString());
        Assert.Equal("OPE-2611-7K3F~ScreeningEvent~mei@onepointentry.example", new DeliveryId("OPE-2611-7K3F", DeliveryKind.ScreeningEvent, "mei@onepointentry.example").ToString());
    }

    public static TheoryData<DeliveryId> Ids() =>
    [
        .. Enum.GetValues<DeliveryKind>().Select(kind => new DeliveryId("OPE-2611-7K3F", kind)),
        .. Enum.GetValues<DeliveryKind>().Select(kind => new DeliveryId("OPE-2611-7K3F", kind, "5f0c1c9e-3b5a-4b8e-9d0e-2f4a6c8e0b1d")),
        new DeliveryId("report-2026-10-20261104T050000", DeliveryKind.ReportMail),
        new DeliveryId("Ærø \"quoted\" 报告", DeliveryKind.ReportCard, "mei@onepointentry.example"),
        new DeliveryId(new string('x', 200), DeliveryKind.ScreeningTask, new string('y', 200)),
    ];

    [Theory]
    [MemberData(nameof(Ids))]
    public void An_id_read_back_from_its_text_is_the_same_id(DeliveryId id)
    {
        Assert.True(DeliveryId.TryParse(id.ToString(), out var read));

        Assert.Equal(id, read);
        Assert.Equal((id.Subject, id.Kind, id.Recipient), (read.Subject, read.Kind, read.Recipient));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("OPE-2611-7K3F")]
    [InlineData("OPE-2611-7K3F~")]
    [InlineData("~Acknowledgement")]
    [InlineData(" ~Acknowledgement")]
    [InlineData("OPE-2611-7K3F~Acknowledgement~")]
    [InlineData("OPE-2611-7K3F~ScreeningEvent~mei~again")]
    [InlineData("OPE-2611-7K3F~Reminder")]
    [InlineData("OPE-2611-7K3F~acknowledgement")]
    [InlineData("OPE-2611-7K3F~0")]
    [InlineData("OPE-2611-7K3F~3")]
    [InlineData("OPE-2611-7K3F~42")]
    [InlineData("OPE-2611-7K3F~-1")]
    [InlineData("OPE/2611~Acknowledgement")]
    [InlineData("OPE\\2611~Acknowledgement")]
    [InlineData("OPE#2611~Acknowledgement")]
    [InlineData("OPE?2611~Acknowledgement")]
    [InlineData("OPE\n2611~Acknowledgement")]
    [InlineData("OPE\u00002611~Acknowledgement")]
    [InlineData("OPE-2611-7K3F~ScreeningEvent~mei/onepointentry")]
    [InlineData("OPE-2611-7K3F~ScreeningEvent~mei\tonepointentry")]
    [InlineData("OPE-2611-7K3F~ScreeningEvent~mei#1")]
    public void Text_that_names_no_delivery_is_refused(string? text)
    {
        Assert.False(DeliveryId.TryParse(text, out var id));
        Assert.Equal(default, id);
    }

    [Fact]
    public void A_subject_or_recipient_longer_than_200_characters_is_refused()
    {
        Assert.False(DeliveryId.TryParse(new string('x', 201) + "~Acknowledgement", out _));
        Assert.False(DeliveryId.TryParse("OPE-2611-7K3F~ScreeningEvent~" + new string('y', 201), out _));
        Assert.Throws<ArgumentException>(() => new DeliveryId(new string('x', 201), DeliveryKind.Acknowledgement));
    }

    [Theory]
    [InlineData("OPE~2611", null)]
    [InlineData("OPE/2611", null)]
    [InlineData("OPE\\2611", null)]
    [InlineData("OPE#2611", null)]
    [InlineData("OPE?2611", null)]
    [InlineData("OPE\r2611", null)]
    [InlineData("OPE-2611-7K3F", "mei~jonas")]
    [InlineData("OPE-2611-7K3F", "mei/jonas")]
    [InlineData("OPE-2611-7K3F", "mei\u007fjonas")]
    [InlineData("OPE-2611-7K3F", "")]
    public void A_subject_or_recipient_that_would_make_a_bad_key_is_refused_when_made(string subject, string? recipient) =>
        Assert.Throws<ArgumentException>(() => new DeliveryId(subject, DeliveryKind.ScreeningEvent, recipient));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_delivery_is_always_about_something(string? subject) =>
        Assert.ThrowsAny<ArgumentException>(() => new DeliveryId(subject!, DeliveryKind.Acknowledgement));

    [Fact]
    public void Ids_are_equal_by_subject_kind_and_recipient()
    {
        Assert.Equal(new DeliveryId("OPE-2611-7K3F", DeliveryKind.ScreeningEvent, "mei"), new DeliveryId("OPE-2611-7K3F", DeliveryKind.ScreeningEvent, "mei"));
        Assert.NotEqual(new DeliveryId("OPE-2611-7K3F", DeliveryKind.ScreeningEvent, "mei"), new DeliveryId("OPE-2611-7K3F", DeliveryKind.ScreeningEvent, "jonas"));
        Assert.NotEqual(new DeliveryId("OPE-2611-7K3F", DeliveryKind.ScreeningEvent, "mei"), new DeliveryId("OPE-2611-7K3F", DeliveryKind.ScreeningTask, "mei"));
        Assert.NotEqual(new DeliveryId("OPE-2611-7K3F", DeliveryKind.ScreeningEvent), new DeliveryId("OPE-2611-7K3F", DeliveryKind.ScreeningEvent, "mei"));
    }
}
