using Microsoft365StandIn.CommandLine;

namespace Microsoft365StandIn.Tests.Control;

/// <summary>The program's command line.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void Every_option_is_read()
    {
        var (options, error) = CommandLine.CommandLine.Parse(
            ["--port", "0", "--mailbox", "ope@example.dk", "--users", "staff.json", "--state-file", "s.json", "--https-port", "7073", "--teams-signature", "abc"]);

        Assert.Null(error);
        Assert.Equal((0, "ope@example.dk", "staff.json", "s.json", 7073, "abc"), (options!.Port, options.Mailbox, options.UsersFile, options.StateFile, options.HttpsPort, options.TeamsSignature));
    }

    [Fact]
    public void The_defaults_are_port_7072_and_the_sample_mailbox()
    {
        var (options, _) = CommandLine.CommandLine.Parse([]);

        Assert.Equal((7072, "delegations@onepointentry.example", "local-signature", null), (options!.Port, options.Mailbox, options.TeamsSignature, options.HttpsPort));
    }

    [Theory]
    [InlineData("--port", "seventy")]
    [InlineData("--port", "70000")]
    [InlineData("--mailbox", "no-address")]
    [InlineData("--colour", "blue")]
    [InlineData("--port")]
    public async Task A_bad_command_line_exits_with_2(params string[] args)
    {
        Assert.NotNull(CommandLine.CommandLine.Parse(args).Error);
        var error = Console.Error;
        try
        {
            Console.SetError(TextWriter.Null);
            Assert.Equal(2, await Program.Main(args));
        }
        finally
        {
            Console.SetError(error);
        }
    }
}
