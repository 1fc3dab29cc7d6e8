using LocalFunctionsHost.Settings;

namespace LocalFunctionsHost.Tests.Unit;

public sealed class LocalSignInOptionsTests
{
    [Fact]
    public void Without_the_option_nobody_is_signed_in()
    {
        Assert.Null(HostCommandLine.Parse(["--app", "x"]).LocalSignIn);
    }

    [Fact]
    public void E_mail_alone_gives_the_e_mail_as_name_and_the_default_roles()
    {
        var user = HostCommandLine.Parse(["--app", "x", "--local-sign-in", "mei.chen@onepointentry.example"]).LocalSignIn;

        Assert.NotNull(user);
        Assert.Equal("mei.chen@onepointentry.example", user.Email);
        Assert.Equal("mei.chen@onepointentry.example", user.DisplayName);
        Assert.Equal(["Staff", "TeamLead"], user.Roles);
    }

    [Fact]
    public void Name_and_roles_are_taken_trimmed_and_without_repeats()
    {
        var user = HostCommandLine.Parse(
            ["--local-sign-in-roles", " Staff ,Staff", "--local-sign-in", "o'brien+test@team.onepointentry.example", "--app", "x", "--local-sign-in-name", " Séan O'Brien "]).LocalSignIn;

        Assert.NotNull(user);
        Assert.Equal("o'brien+test@team.onepointentry.example", user.Email);
        Assert.Equal("Séan O'Brien", user.DisplayName);
        Assert.Equal(["Staff"], user.Roles);
    }

    [Theory]
    [InlineData("mei.chen")]
    [InlineData("mei.chen@")]
    [InlineData("@onepointentry.example")]
    [InlineData("mei chen@onepointentry.example")]
    [InlineData("mei.chen@localhost")]
    [InlineData("mei@chen@onepointentry.example")]
    [InlineData("méi@onepointentry.example")]
    [InlineData("mei@onepointentry.example\r\nX-Other: 1")]
    public void An_e_mail_that_does_not_look_like_one_is_refused(string email)
    {
        var error = Assert.Throws<ArgumentException>(() => HostCommandLine.Parse(["--app", "x", "--local-sign-in", email]));

        Assert.Contains("--local-sign-in needs an e-mail address", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(",")]
    [InlineData("Staff,")]
    [InlineData("Staff,,TeamLead")]
    [InlineData("Team Lead")]
    [InlineData("Staff;TeamLead")]
    [InlineData("Staff1")]
    [InlineData("Stäff")]
    public void Roles_must_be_a_non_empty_list_of_letters(string roles)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            HostCommandLine.Parse(["--app", "x", "--local-sign-in", "mei.chen@onepointentry.example", "--local-sign-in-roles", roles]));

        Assert.Contains("--local-sign-in-roles", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Mei\nChen")]
    public void A_blank_name_or_one_with_control_characters_is_refused(string name)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            HostCommandLine.Parse(["--app", "x", "--local-sign-in", "mei.chen@onepointentry.example", "--local-sign-in-name", name]));

        Assert.Contains("--local-sign-in-name", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--local-sign-in-name", "Mei Chen")]
    [InlineData("--local-sign-in-roles", "Staff")]
    public void Name_or_roles_without_the_e_mail_are_refused(string option, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => HostCommandLine.Parse(["--app", "x", option, value]));

        Assert.Contains("need --local-sign-in <e-mail>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_without_a_value_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => HostCommandLine.Parse(["--app", "x", "--local-sign-in", "--port", "0"]));

        Assert.Contains("--local-sign-in needs a value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_lists_the_options()
    {
        Assert.Contains("--local-sign-in <e-mail>", HostCommandLine.Usage, StringComparison.Ordinal);
        Assert.Contains("--local-sign-in-name <display name>", HostCommandLine.Usage, StringComparison.Ordinal);
        Assert.Contains("--local-sign-in-roles <role,role>", HostCommandLine.Usage, StringComparison.Ordinal);
    }
}
