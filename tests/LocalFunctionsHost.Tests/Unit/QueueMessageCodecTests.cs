using LocalFunctionsHost.Queues;

namespace LocalFunctionsHost.Tests.Unit;

public sealed class QueueMessageCodecTests
{
    [Fact]
    public void Base64_round_trips_utf8_text()
    {
        var codec = new QueueMessageCodec(base64: true);

        Assert.Equal("aMOpbGxv", codec.Encode("héllo"));
        Assert.True(codec.TryDecode("aMOpbGxv", out var text));
        Assert.Equal("héllo", text);
    }

    [Fact]
    public void Text_that_is_not_base64_is_refused()
    {
        Assert.False(new QueueMessageCodec(base64: true).TryDecode("not base64!", out _));
    }

    [Fact]
    public void Encoding_none_passes_text_through()
    {
        var codec = new QueueMessageCodec(base64: false);

        Assert.Equal("plain", codec.Encode("plain"));
        Assert.True(codec.TryDecode("not base64!", out var text));
        Assert.Equal("not base64!", text);
    }
}
