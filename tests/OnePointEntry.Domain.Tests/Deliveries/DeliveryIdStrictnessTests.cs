using OnePointEntry.Deliveries;

namespace OnePointEntry.Domain.Tests.Deliveries;

public sealed class DeliveryIdStrictnessTests
{
    [Theory]
    [InlineData("OPE-2611-7K3F~Acknowledgement,ScreeningEvent")]
    [InlineData("OPE-2611-7K3F~ScreeningEvent, ScreeningTask")]
    [InlineData("OPE-2611-7K3F~ Acknowledgement")]
    [InlineData("OPE-2611-7K3F~Acknowledgement ")]
    [InlineData("OPE-2611-7K3F~0x1")]
    [InlineData("OPE-2611-7K3F~١")]
    public void Only_the_text_an_id_is_written_as_is_read(string text)
    {
        Assert.False(DeliveryId.TryParse(text, out var id), $"read as {id}");
    }
}
