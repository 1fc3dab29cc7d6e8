using OnePointEntry.Directories;
using OnePointEntry.Themes;
using OnePointEntry.Tool.Commands;
using OnePointEntry.Tool.Seeding;

namespace OnePointEntry.Tool.Tests;

public sealed class SeedCommandTests : IAsyncLifetime
{
    private static readonly string s_sampleStaff = Path.Combine(AppContext.BaseDirectory, "SampleData", "staff.json");
    private static readonly string s_samplePartners = Path.Combine(AppContext.BaseDirectory, "SampleData", "partners.json");

    private readonly SeedStorage _storage = new();

    public Task InitializeAsync() => _storage.InitializeAsync();

    public Task DisposeAsync() => _storage.DisposeAsync();

    [Fact]
    public void The_shipped_sample_data_validates_and_covers_what_screening_needs()
    {
        var staff = DirectoryFiles.ReadStaff(s_sampleStaff);
        var partners = DirectoryFiles.ReadPartners(s_samplePartners);

        Assert.Empty(staff.Problems);
        Assert.Empty(partners.Problems);
        Assert.InRange(staff.Entries.Count, 8, 12);
        Assert.InRange(partners.Entries.Count, 30, 40);
        Assert.Contains(staff.Entries, member => member.IsTeamLead && member.Active);
        Assert.Contains(staff.Entries, member => !member.Active);
        Assert.True(staff.Entries.Count(member => member.Active && member.Languages.Contains("zh")) >= 2);
        Assert.Contains(staff.Entries, member => member.Languages.Contains("sv"));
        Assert.All(staff.Entries, member => Assert.EndsWith("@onepointentry.example", member.Id, StringComparison.Ordinal));
        foreach (var theme in ThemeTaxonomy.Default.Themes)
        {
            Assert.Contains(partners.Entries, partner => partner.Themes.Contains(theme.Id));
            Assert.Contains(staff.Entries, member => member.Active && member.Themes.Contains(theme.Id));
        }

        var kopenhagenFur = Assert.Single(partners.Entries, partner => partner.Id == "kopenhagen-fur");
        Assert.Contains("Copenhagen Fur", kopenhagenFur.Aliases);
        Assert.All(
            partners.Entries.Select(partner => partner.Contact).OfType<PartnerContact>(),
            contact => Assert.Matches(@"@example\.(dk|org)$", contact.Email));
    }

    [Fact]
    public void Every_bad_entry_is_reported_with_its_file_line_and_reason()
    {
        var path = _storage.WriteFile("partners.json", """
            [
              {
                "id": "kopenhagen-fur",
                "name": "Kopenhagen Fur",
                "kind": "Company",
                "municipality": "Glostrup",
                "themes": ["fur-industry"],
                "languages": ["da"]
              },
              {
                "id": "kopenhagen-fur",
                "name": "Copenhagen Fur again",
                "kind": "Zoo",
                "municipality": "Atlantis",
                "themes": ["fur-industry", "mink"],
                "languages": ["da", "dansk"],
                "contact": { "name": "Henrik", "email": "henrik(at)example.dk" }
              },
              {
                "id": "glostrup-kommune", "name": "Glostrup Kommune", "kind": "Municipality", "themes": ["fur-industry"], "languages": ["da"], "municipalty": "Glostrup"
              }
            ]
            """);

        var (exit, _, error) = Run(_storage.Command(), "--partners", path);

        Assert.Equal(1, exit);
        Assert.Contains($"{path}:11: partner 'kopenhagen-fur': id 'kopenhagen-fur' is already used by the entry on line 3", error, StringComparison.Ordinal);
        Assert.Contains($"{path}:13: partner 'kopenhagen-fur': kind \"Zoo\" is not one of", error, StringComparison.Ordinal);
        Assert.Contains($"{path}:14: partner 'kopenhagen-fur': municipality 'Atlantis' is not a Danish or Skåne municipality", error, StringComparison.Ordinal);
        Assert.Contains($"{path}:15: partner 'kopenhagen-fur': theme 'mink' is not in the theme taxonomy", error, StringComparison.Ordinal);
        Assert.Contains($"{path}:16: partner 'kopenhagen-fur': language 'dansk' is not an ISO 639-1 code", error, StringComparison.Ordinal);
        Assert.Contains($"{path}:17: partner 'kopenhagen-fur': contact.email 'henrik(at)example.dk' is not a valid e-mail address", error, StringComparison.Ordinal);
        Assert.Contains($"{path}:20: partner 'glostrup-kommune': unknown field 'municipalty'", error, StringComparison.Ordinal);
        Assert.Contains("7 problems; nothing stored.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_staff_values_are_reported_on_their_lines()
    {
        var path = _storage.WriteFile("staff.json", """
            [
              { "id": "chen.yu@onepointentry.example", "name": "Chen Yu", "languages": ["zh"], "weeklyScreeningCapacity": 8 },
              {
                "id": "CHEN.YU@onepointentry.example",
                "name": "Chen Yu",
                "languages": ["ZH"],
                "themes": ["life-science-medtech", "biotech"],
                "weeklyScreeningCapacity": -2,
                "active": "yes"
              },
              { "id": "not a upn", "name": "Nobody", "languages": ["da"], "weeklyScreeningCapacity": "eight" }
            ]
            """);

        var (exit, _, error) = Run(_storage.Command(), "--staff", path);

        Assert.Equal(1, exit);
        Assert.Contains($"{path}:4: staff member 'CHEN.YU@onepointentry.example': id 'CHEN.YU@onepointentry.example' is already used by the entry on line 2", error, StringComparison.Ordinal);
        Assert.Contains($"{path}:6: staff member 'CHEN.YU@onepointentry.example': language 'ZH' is not an ISO 639-1 code", error, StringComparison.Ordinal);
        Assert.Contains($"{path}:7: staff member 'CHEN.YU@onepointentry.example': theme 'biotech' is not in the theme taxonomy", error, StringComparison.Ordinal);
        Assert.Contains($"{path}:8: staff member 'CHEN.YU@onepointentry.example': weeklyScreeningCapacity -2 is negative", error, StringComparison.Ordinal);
        Assert.Contains($"{path}:9: staff member 'CHEN.YU@onepointentry.example': active should be true or false", error, StringComparison.Ordinal);
        Assert.Contains($"{path}:11: staff member 'not a upn': id 'not a upn' is neither a user principal name", error, StringComparison.Ordinal);
        Assert.Contains($"{path}:11: staff member 'not a upn': weeklyScreeningCapacity should be a whole number, not \"eight\"", error, StringComparison.Ordinal);
        Assert.Contains("7 problems; nothing stored.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_JSON_is_reported_with_the_line_of_the_error()
    {
        var path = _storage.WriteFile("staff.json", "[\n  { \"id\": \"a@onepointentry.example\",\n    \"name\" \"A\" }\n]\n");

        var (exit, _, error) = Run(_storage.Command(), "--staff", path);

        Assert.Equal(1, exit);
        Assert.Contains($"{path}:3: not valid JSON:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_is_stored_when_any_entry_of_either_file_is_bad()
    {
        var partners = _storage.WriteFile("partners.json", File.ReadAllText(s_samplePartners).Replace("\"fur-industry\"", "\"fur\"", StringComparison.Ordinal));

        var (exit, _, error) = Run(_storage.Command(), "--staff", s_sampleStaff, "--partners", partners);

        Assert.Equal(1, exit);
        Assert.Contains("theme 'fur' is not in the theme taxonomy", error, StringComparison.Ordinal);
        Assert.Equal(0, _storage.Opened);
        Assert.Empty(await _storage.RowsAsync(_storage.Names.StaffTable));
        Assert.Empty(await _storage.RowsAsync(_storage.Names.PartnersTable));
    }

    [Fact]
    public async Task A_dry_run_checks_the_files_and_stores_nothing()
    {
        var (exit, output, _) = Run(_storage.Command(), "--staff", s_sampleStaff, "--partners", s_samplePartners, "--dry-run");

        Assert.Equal(0, exit);
        Assert.Contains("Dry run: nothing stored.", output, StringComparison.Ordinal);
        Assert.Equal(0, _storage.Opened);
        Assert.Empty(await _storage.RowsAsync(_storage.Names.StaffTable));
        Assert.Empty(await _storage.RowsAsync(_storage.Names.PartnersTable));
    }

    [Fact]
    public async Task Seeding_twice_leaves_one_copy_of_each_entry()
    {
        var staff = DirectoryFiles.ReadStaff(s_sampleStaff).Entries;
        var partners = DirectoryFiles.ReadPartners(s_samplePartners).Entries;

        var first = Run(_storage.Command(), "--staff", s_sampleStaff, "--partners", s_samplePartners);
        var second = Run(_storage.Command(), "--staff", s_sampleStaff, "--partners", s_samplePartners);

        Assert.Equal(0, first.Exit);
        Assert.Equal(0, second.Exit);
        Assert.Contains($"{partners.Count} partners stored in table {_storage.Names.PartnersTable}", second.Output, StringComparison.Ordinal);
        var staffRows = await _storage.RowsAsync(_storage.Names.StaffTable);
        var partnerRows = await _storage.RowsAsync(_storage.Names.PartnersTable);
        Assert.Equal(staff.Select(member => member.Id.ToLowerInvariant()).Order(StringComparer.Ordinal), staffRows.Select(row => row.RowKey));
        Assert.Equal(partners.Select(partner => partner.Id).Order(StringComparer.Ordinal), partnerRows.Select(row => row.RowKey));
        Assert.Equal("Kopenhagen Fur", partnerRows.Single(row => row.RowKey == "kopenhagen-fur").GetString("Name"));
    }

    [Fact]
    public async Task Seeding_only_partners_leaves_the_staff_table_alone()
    {
        var (exit, output, _) = Run(_storage.Command(), "--partners", s_samplePartners);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("staff", output, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await _storage.RowsAsync(_storage.Names.StaffTable));
        Assert.NotEmpty(await _storage.RowsAsync(_storage.Names.PartnersTable));
    }

    [Theory]
    [InlineData]
    [InlineData("--dry-run")]
    [InlineData("--staff")]
    [InlineData("--staff", "a.json", "--staff", "b.json")]
    [InlineData("--partners", "--dry-run")]
    [InlineData("--force", "--staff", "a.json")]
    public void Bad_usage_exits_with_2_and_stores_nothing(params string[] args)
    {
        var (exit, _, error) = Run(_storage.Command(), args);

        Assert.Equal(2, exit);
        Assert.Contains("usage: ope seed", error, StringComparison.Ordinal);
        Assert.Equal(0, _storage.Opened);
    }

    [Fact]
    public void A_missing_file_exits_with_1()
    {
        var (exit, _, error) = Run(_storage.Command(), "--staff", Path.Combine(_storage.Folder, "missing.json"));

        Assert.Equal(1, exit);
        Assert.Contains("missing.json: no such file.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_that_is_not_configured_exits_with_2_naming_the_setting()
    {
        var command = new SeedCommand(_ => ToolStorage.Open([]));

        var (exit, _, error) = Run(command, "--staff", s_sampleStaff);

        Assert.Equal(2, exit);
        Assert.Contains("AzureWebJobsStorage", error, StringComparison.Ordinal);
    }

    private static (int Exit, string Output, string Error) Run(SeedCommand command, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = command.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
