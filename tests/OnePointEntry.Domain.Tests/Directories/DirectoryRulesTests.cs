using OnePointEntry.Directories;

namespace OnePointEntry.Domain.Tests.Directories;

public sealed class DirectoryRulesTests
{
    private static readonly StaffMember s_member = new("chen.yu@onepointentry.example", "Chen Yu", ["zh", "en"], ["life-science-medtech"], 10, Active: true);

    private static readonly Partner s_partner = new(
        "kopenhagen-fur", "Kopenhagen Fur", PartnerKind.Company, "Glostrup", ["fur-industry"], ["da", "zh"],
        new PartnerContact("Henrik Møllgaard", "delegations.kf@example.dk", "+45 01 00 00 02"), ["Copenhagen Fur"]);

    [Fact]
    public void A_complete_staff_member_and_partner_have_no_problems()
    {
        Assert.Empty(DirectoryRules.Check(s_member));
        Assert.Empty(DirectoryRules.Check(s_member with { Id = "3f2504e0-4f89-11d3-9a0c-0305e82c3301", Themes = [], WeeklyScreeningCapacity = 0 }));
        Assert.Empty(DirectoryRules.Check(s_partner));
        Assert.Empty(DirectoryRules.Check(s_partner with { Municipality = null, Contact = null, Aliases = [] }));
    }

    [Theory]
    [InlineData("", "id")]
    [InlineData("chen yu", "id")]
    [InlineData("chen.yu@localhost", "id")]
    [InlineData("chen/yu@onepointentry.example", "id")]
    public void A_staff_id_that_is_neither_a_UPN_nor_a_Graph_id_is_a_problem(string id, string field) =>
        Assert.Equal(field, Assert.Single(DirectoryRules.Check(s_member with { Id = id })).Field);

    [Fact]
    public void Each_bad_staff_value_is_named_by_its_field()
    {
        var problems = DirectoryRules.Check(s_member with { Name = " ", Languages = ["zh", "ZH", "chi", "zh"], Themes = ["fur", "life-science-medtech"], WeeklyScreeningCapacity = -1 });

        Assert.Equal(["name", "languages[1]", "languages[2]", "languages[3]", "themes[0]", "weeklyScreeningCapacity"], problems.Select(p => p.Field));
        Assert.Contains("'fur' is not in the theme taxonomy", problems[4].Reason, StringComparison.Ordinal);
        Assert.Contains("listed twice", problems[3].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_staff_member_needs_a_language()
    {
        Assert.Equal("languages", Assert.Single(DirectoryRules.Check(s_member with { Languages = [] })).Field);
    }

    [Fact]
    public void Each_bad_partner_value_is_named_by_its_field()
    {
        var problems = DirectoryRules.Check(s_partner with
        {
            Id = "Kopenhagen Fur",
            Kind = (PartnerKind)42,
            Municipality = "Atlantis",
            Themes = [],
            Languages = ["dan"],
            Contact = new PartnerContact("", "kf@", "call us"),
            Aliases = ["", "Copenhagen Fur"],
        });

        Assert.Equal(
            ["id", "kind", "municipality", "themes", "languages[0]", "contact.name", "contact.email", "contact.phone", "aliases[0]"],
            problems.Select(p => p.Field));
    }

    [Theory]
    [InlineData("Copenhagen", "København")]
    [InlineData("Københavns Kommune", "København")]
    [InlineData("glostrup", "Glostrup")]
    [InlineData("Glostrup Kommune", "Glostrup")]
    [InlineData("Malmo", "Malmö")]
    public void A_municipality_not_written_as_its_local_name_is_a_problem_that_names_the_right_spelling(string written, string suggested)
    {
        var problem = Assert.Single(DirectoryRules.Check(s_partner with { Municipality = written }));

        Assert.Equal("municipality", problem.Field);
        Assert.Contains($"should be written '{suggested}'", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Glostrup")]
    [InlineData("København")]
    [InlineData("Lyngby-Taarbæk")]
    [InlineData("Lund")]
    public void Danish_and_Skåne_municipalities_are_known_by_their_local_names(string name) =>
        Assert.True(KnownMunicipalities.Default.IsKnown(name));

    [Theory]
    [InlineData("Hovedstaden")]
    [InlineData("Skåne")]
    [InlineData("Atlantis")]
    public void Regions_and_unknown_places_are_not_municipalities(string name) =>
        Assert.False(KnownMunicipalities.Default.IsKnown(name));

    [Theory]
    [InlineData("ann@example.dk", true)]
    [InlineData("Ann <ann@example.dk>", false)]
    [InlineData("ann@example", false)]
    [InlineData("ann@example..dk", false)]
    [InlineData("ann example@example.dk", false)]
    [InlineData("", false)]
    public void Email_addresses_must_be_bare_with_a_dotted_domain(string text, bool valid) =>
        Assert.Equal(valid, EmailAddresses.IsValid(text));
}
