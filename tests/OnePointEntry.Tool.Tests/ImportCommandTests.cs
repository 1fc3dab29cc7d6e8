using System.Globalization;
using System.Text.Json;

namespace OnePointEntry.Tool.Tests;

public sealed class ImportCommandTests : IAsyncLifetime
{
    private const string History = """
        visitDate,country,sector,level,themes,delegationSize,organisation,receivedDate,region,city
        2017-03-14,CN,public,municipal,energy-climate;water-environment,12,"Shenzhen Municipal Government, Water Bureau",2017-01-20,Guangdong,Shenzhen
        2017-05-02,cn,private,,investment-trade,6,"Huawei ""Nordic"" visit",,,
        2016-03-01,DE,academic,,,,Technische Universität München,2016-02-01,Bayern,München
        """;

    private readonly SeedStorage _storage = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _storage.DisposeAsync();

    [Fact]
    public async Task A_good_history_is_stored_and_counted_and_a_second_import_changes_nothing()
    {
        var path = _storage.WriteFile("history.csv", History);

        var (code, output, _) = await RunAsync(_storage.ImportCommand(), "--csv", path);
        var first = await StatsAsync("2017");
        var (again, _, _) = await RunAsync(_storage.ImportCommand(), "--csv", path);

        Assert.Equal(0, code);
        Assert.Contains("3 delegations stored", output, StringComparison.Ordinal);
        Assert.Equal(0, again);
        Assert.Equal(first, await StatsAsync("2017"));
        var json = JsonDocument.Parse(first).RootElement;
        Assert.Equal(2, json.GetProperty("delegationsFacilitated").GetProperty("byCountry").GetProperty("CN").GetInt32());
        Assert.Equal(1, json.GetProperty("enquiriesReceived").GetProperty("total").GetInt32());
        Assert.Equal(1, json.GetProperty("growth").GetProperty("total").GetDouble());
        Assert.Equal(5, (await _storage.RowsAsync(_storage.Names.StatisticsTable)).Count);
    }

    [Fact]
    public async Task A_corrected_file_imported_with_replace_takes_the_place_of_the_earlier_one()
    {
        await RunAsync(_storage.ImportCommand(), "--csv", _storage.WriteFile("history.csv", History));
        var corrected = _storage.WriteFile("history.csv", History.Replace("2017-05-02,cn,private", "2017-05-02,se,private", StringComparison.Ordinal));

        var (code, output, _) = await RunAsync(_storage.ImportCommand(), "--csv", corrected, "--replace");

        Assert.Equal(0, code);
        Assert.Contains("1 row of an earlier import of history.csv removed.", output, StringComparison.Ordinal);
        var json = JsonDocument.Parse(await StatsAsync("2017")).RootElement.GetProperty("delegationsFacilitated");
        Assert.Equal(2, json.GetProperty("total").GetInt32());
        Assert.Equal(1, json.GetProperty("byCountry").GetProperty("CN").GetInt32());
        Assert.Equal(1, json.GetProperty("byCountry").GetProperty("SE").GetInt32());
    }

    [Fact]
    public async Task Without_replace_a_corrected_row_is_counted_beside_the_old_one()
    {
        await RunAsync(_storage.ImportCommand(), "--csv", _storage.WriteFile("history.csv", History));
        await RunAsync(_storage.ImportCommand(), "--csv", _storage.WriteFile("history.csv", History.Replace("2017-05-02,cn,private", "2017-05-02,se,private", StringComparison.Ordinal)));

        Assert.Equal(3, JsonDocument.Parse(await StatsAsync("2017")).RootElement.GetProperty("delegationsFacilitated").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_line_and_nothing_is_stored()
    {
        var path = _storage.WriteFile("history.csv", History + """

            2018-02-30,CN,public,,,,,,,
            2018-03-01,XX,public,,,,,,,
            """);

        var (code, _, error) = await RunAsync(_storage.ImportCommand(), "--csv", path);

        Assert.Equal(1, code);
        Assert.Contains($"{path}:5: ", error, StringComparison.Ordinal);
        Assert.Contains($"{path}:6: ", error, StringComparison.Ordinal);
        Assert.Contains("2 problems; nothing stored.", error, StringComparison.Ordinal);
        Assert.Empty(await _storage.RowsAsync(_storage.Names.StatisticsTable));
        Assert.Equal(0, _storage.Opened);
    }

    [Fact]
    public async Task A_dry_run_checks_without_storing()
    {
        var (code, output, _) = await RunAsync(_storage.ImportCommand(), "--csv", _storage.WriteFile("history.csv", History), "--dry-run");

        Assert.Equal(0, code);
        Assert.Contains("3 delegations valid (2 with the day the enquiry came in)", output, StringComparison.Ordinal);
        Assert.Equal(0, _storage.Opened);
    }

    [Theory]
    [InlineData]
    [InlineData("--csv")]
    [InlineData("--csv", "a.csv", "--csv", "b.csv")]
    [InlineData("--file", "a.csv")]
    public async Task Bad_usage_is_exit_code_2(params string[] args)
    {
        var (code, _, error) = await RunAsync(_storage.ImportCommand(), args);

        Assert.Equal(2, code);
        Assert.Contains("usage: ope import", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        var (code, _, error) = await RunAsync(_storage.ImportCommand(), "--csv", Path.Combine(_storage.Folder, "missing.csv"));

        Assert.Equal(2, code);
        Assert.Contains("missing.csv", error, StringComparison.Ordinal);
    }

    private async Task<string> StatsAsync(string year) => (await RunAsync(_storage.StatsCommand(), "--year", year, "--json")).Output;

    private static async Task<(int Code, string Output, string Error)> RunAsync(ICommand command, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = await Task.Run(() => command.Run(args, output, error));
        return (code, output.ToString(), error.ToString());
    }
}
