using System.Text;
using OnePointEntry.Statistics;

namespace OnePointEntry.Domain.Tests.Statistics.History;

public sealed class DelegationHistoryFileTests
{
    private const string Header = "visitDate,country,region,city,sector,level,themes,delegationSize,organisation,receivedDate";
    private const string GoodRow = "2017-05-10,CN,Liaoning,Liaoyang,public,municipal,energy-climate,12,Liaoyang Municipal Government,2017-03-01";

    private static DelegationHistoryFile Read(params string[] lines) => DelegationHistoryFile.Read(new StringReader(string.Join("\n", lines)));

    private static string[] Problems(DelegationHistoryFile file) => [.. file.Problems.Select(problem => problem.ToString())];

    [Fact]
    public void A_good_file_gives_every_delegation_whatever_the_order_of_its_columns()
    {
        var file = Read(
            "organisation,themes,visitDate,sector,level,country,city,region,delegationSize,receivedDate",
            "\"Shenzhen Development and Reform Commission, Energy Office\", energy-climate;digital-tech ,2017-05-10,public,municipal,cn,Shenzhen,Guangdong,12,2017-03-01",
            "\"The \"\"Green Future\"\" Fund\",,2018-01-15,private,,JP,,,,",
            "\"Tsinghua University",
            "School of Environment\",water-environment,2018-02-01,academic,,CN,Beijing,Beijing,5,",
            "Kopenhagen Fur Buyers,fur-industry,2018-03-01,other,,KR,Seoul,,3,2018-03-01");

        Assert.Empty(file.Problems);
        Assert.Equal([2, 3, 4, 6], file.Delegations.Select(delegation => delegation.LineNumber));
        var first = file.Delegations[0];
        Assert.Equal(new DateOnly(2017, 5, 10), first.Delegation.Date);
        Assert.Equal("CN", first.Delegation.CountryCode);
        Assert.Equal("Guangdong", first.Delegation.Region);
        Assert.Equal("Shenzhen", first.Delegation.City);
        Assert.Equal("public", first.Delegation.Sector);
        Assert.Equal("municipal", first.Delegation.Level);
        Assert.Equal(["digital-tech", "energy-climate"], first.Delegation.Themes);
        Assert.Equal(12, first.Delegation.DelegationSize);
        Assert.Equal("Shenzhen Development and Reform Commission, Energy Office", first.Delegation.Organisation);
        Assert.Equal(new DateOnly(2017, 3, 1), first.ReceivedDate);

        var second = file.Delegations[1];
        Assert.Equal("The \"Green Future\" Fund", second.Delegation.Organisation);
        Assert.Null(second.Delegation.Level);
        Assert.Null(second.Delegation.Region);
        Assert.Null(second.Delegation.City);
        Assert.Null(second.Delegation.DelegationSize);
        Assert.Null(second.ReceivedDate);
        Assert.Empty(second.Delegation.Themes);

        Assert.Equal("Tsinghua University\nSchool of Environment", file.Delegations[2].Delegation.Organisation);
        Assert.Equal(new DateOnly(2018, 3, 1), file.Delegations[3].ReceivedDate);
    }

    [Fact]
    public void Only_the_visit_date_country_and_sector_columns_are_needed()
    {
        var delegation = Assert.Single(Read("sector,visitDate,country", "academic,2019-09-09,DE").Delegations);

        Assert.Equal("DE", delegation.Delegation.CountryCode);
        Assert.Equal("academic", delegation.Delegation.Sector);
        Assert.Null(delegation.Delegation.Organisation);
    }

    [Fact]
    public void Column_names_codes_and_theme_ids_may_be_written_in_any_case_and_are_stored_as_the_app_writes_them()
    {
        var fact = Assert.Single(Read("VisitDate,Country,Sector,Level,Themes", "2019-09-09,dk,Public,NATIONAL,Energy-Climate; energy-climate;;digital-tech").Delegations).Delegation;

        Assert.Equal("DK", fact.CountryCode);
        Assert.Equal("public", fact.Sector);
        Assert.Equal("national", fact.Level);
        Assert.Equal(["digital-tech", "energy-climate"], fact.Themes);
    }

    [Fact]
    public async Task A_byte_order_mark_and_CRLF_line_ends_are_read_like_plain_LF()
    {
        var twoLines = GoodRow.Replace("Liaoyang Municipal Government", "\"Two\r\nlines\"", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Header + "\r\n" + GoodRow + "\r\n" + twoLines + "\r\n")).ToArray();

        var fromBytes = await DelegationHistoryFile.ReadAsync(new MemoryStream(bytes));
        var fromText = DelegationHistoryFile.Read(new StringReader("\uFEFF" + Encoding.UTF8.GetString(bytes.AsSpan(3))));

        foreach (var file in new[] { fromBytes, fromText })
        {
            Assert.Empty(file.Problems);
            Assert.Equal([2, 3], file.Delegations.Select(delegation => delegation.LineNumber));
            Assert.Equal(new DateOnly(2017, 5, 10), file.Delegations[0].Delegation.Date);
            Assert.Equal(new DateOnly(2017, 3, 1), file.Delegations[0].ReceivedDate);
            Assert.Equal("Two\nlines", file.Delegations[1].Delegation.Organisation);
        }

        var lf = Read(Header, GoodRow, twoLines.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(lf.Delegations.Select(delegation => delegation.Delegation.Id), fromBytes.Delegations.Select(delegation => delegation.Delegation.Id));
    }

    [Fact]
    public void A_header_only_file_has_no_delegations_and_no_problems()
    {
        foreach (var file in new[] { Read(Header), Read(Header, ""), Read(Header, "", "") })
        {
            Assert.Empty(file.Delegations);
            Assert.Empty(file.Problems);
            Assert.False(file.HasProblems);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\n\n")]
    [InlineData("\r\n,,,\r\n")]
    public void An_empty_file_is_a_problem_on_line_1(string text)
    {
        var problem = Assert.Single(DelegationHistoryFile.Read(new StringReader(text)).Problems);

        Assert.Equal(1, problem.LineNumber);
        Assert.StartsWith("the file is empty", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_lines_and_rows_of_empty_cells_are_skipped_anywhere_and_lines_still_count()
    {
        var file = Read(Header, "", GoodRow, ",,,,,,,,,", "   ", GoodRow, "", "");

        Assert.Empty(file.Problems);
        Assert.Equal([3, 6], file.Delegations.Select(delegation => delegation.LineNumber));
    }

    [Theory]
    [InlineData("2017-13-01,CN,,,public,,,,,", "line 2: visitDate \"2017-13-01\" is not a date (yyyy-MM-dd)")]
    [InlineData("2017-02-30,CN,,,public,,,,,", "line 2: visitDate \"2017-02-30\" is not a date (yyyy-MM-dd)")]
    [InlineData("2017-1-05,CN,,,public,,,,,", "line 2: visitDate \"2017-1-05\" is not a date (yyyy-MM-dd)")]
    [InlineData("10/05/2017,CN,,,public,,,,,", "line 2: visitDate \"10/05/2017\" is not a date (yyyy-MM-dd)")]
    [InlineData(",CN,,,public,,,,,", "line 2: visitDate is empty (the day the delegation arrived, yyyy-MM-dd)")]
    [InlineData("2017-05-10, ,,,public,,,,,", "line 2: country is empty (an ISO 3166-1 alpha-2 code such as CN)")]
    [InlineData("2017-05-10,XX,,,public,,,,,", "line 2: country \"XX\" is not an ISO 3166-1 alpha-2 code (such as CN)")]
    [InlineData("2017-05-10,CHN,,,public,,,,,", "line 2: country \"CHN\" is not an ISO 3166-1 alpha-2 code (such as CN)")]
    [InlineData("2017-05-10,China,,,public,,,,,", "line 2: country \"China\" must be written as its ISO 3166-1 alpha-2 code, CN")]
    [InlineData("2017-05-10,CN,,,,,,,,", "line 2: sector is empty (public, private, academic, other)")]
    [InlineData("2017-05-10,CN,,,government,,,,,", "line 2: sector \"government\" is not one of public, private, academic, other")]
    [InlineData("2017-05-10,CN,,,public,regional,,,,", "line 2: level \"regional\" is not one of national, provincial, municipal")]
    [InlineData("2017-05-10,CN,,,private,municipal,,,,", "line 2: level \"municipal\" is given but sector is private (only public delegations have a level)")]
    [InlineData("2017-05-10,CN,,,public,,,0,,", "line 2: delegationSize \"0\" is not a whole number from 1 to 500")]
    [InlineData("2017-05-10,CN,,,public,,,501,,", "line 2: delegationSize \"501\" is not a whole number from 1 to 500")]
    [InlineData("2017-05-10,CN,,,public,,,12.5,,", "line 2: delegationSize \"12.5\" is not a whole number from 1 to 500")]
    [InlineData("2017-05-10,CN,,,public,,,-3,,", "line 2: delegationSize \"-3\" is not a whole number from 1 to 500")]
    [InlineData("2017-05-10,CN,,,public,,,about 20,,", "line 2: delegationSize \"about 20\" is not a whole number from 1 to 500")]
    [InlineData("2017-05-10,CN,,,public,,,,,2017-05-11", "line 2: receivedDate 2017-05-11 is after visitDate 2017-05-10 (the enquiry came in before the visit)")]
    [InlineData("2017-05-10,CN,,,public,,,,,May 2017", "line 2: receivedDate \"May 2017\" is not a date (yyyy-MM-dd)")]
    [InlineData("2017-05-10,CN,,,public,,,,", "line 2: the row has 9 cells where the header has 10 (a cell with a comma in it must be in quotes)")]
    [InlineData("2017-05-10,CN,,,public,,,,,,", "line 2: the row has 11 cells where the header has 10 (a cell with a comma in it must be in quotes)")]
    [InlineData("2017-05-10,CN,,,public,,,,Acme, Inc.,", "line 2: the row has 11 cells where the header has 10 (a cell with a comma in it must be in quotes)")]
    [InlineData("2017-05-10,CN,,,public,,,,The \"Best\" Co,", "line 2: organisation has a \" but does not start with one (put the whole cell in quotes and double each \" in it)")]
    [InlineData("2017-05-10,CN,,,public,,,,\"The \"Best\" Co\",", "line 2: organisation has text after its closing quote (quote the whole cell)")]
    [InlineData("2017-05-10,CN,,,public,,,,\"Never closed,\n2017-05-11,CN,,,public,,,,,", "line 2: organisation opens a quote on line 2 that is never closed, so the rest of the file was read into it")]
    public void Each_bad_value_is_a_problem_naming_its_line_column_and_value(string row, string expected)
    {
        var file = Read(Header, row);

        Assert.Equal([expected], Problems(file));
        Assert.Empty(file.Delegations);
    }

    [Fact]
    public void An_unknown_theme_is_named_with_the_list_of_themes()
    {
        var problem = Assert.Single(Read(Header, "2017-05-10,CN,,,public,,energy-climate;fur;digital-tech,,,").Problems);

        Assert.Equal(2, problem.LineNumber);
        Assert.StartsWith("theme \"fur\" is not in the theme list (sustainable-urban-development, ", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("fur-industry", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Level_is_allowed_only_for_public_delegations_but_may_be_left_empty_for_them()
    {
        var file = Read(
            Header,
            "2017-05-10,CN,,,public,,,,,",
            "2017-05-10,CN,,,academic,,,,,",
            "2017-05-10,CN,,,academic,national,,,,",
            "2017-05-10,CN,,,other,provincial,,,,");

        Assert.Equal(
            [
                "line 4: level \"national\" is given but sector is academic (only public delegations have a level)",
                "line 5: level \"provincial\" is given but sector is other (only public delegations have a level)",
            ],
            Problems(file));
    }

    [Fact]
    public void A_received_date_on_the_visit_day_is_fine()
    {
        var delegation = Assert.Single(Read(Header, "2017-05-10,CN,,,public,,,,,2017-05-10").Delegations);

        Assert.Equal(new DateOnly(2017, 5, 10), delegation.ReceivedDate);
    }

    [Fact]
    public void Lines_are_counted_in_the_file_so_a_row_after_a_multi_line_cell_is_named_by_its_own_line()
    {
        var file = Read(
            Header,
            "2017-05-10,CN,,,public,,,,\"Line one",
            "line two",
            "line three\",",
            "2017-13-01,CN,,,public,,,,,",
            "\"2017-05-10\",CN,,,public,,,,\"Also",
            "two lines\",2017-06-01");

        Assert.Equal(
            [
                "line 5: visitDate \"2017-13-01\" is not a date (yyyy-MM-dd)",
                "line 6: receivedDate 2017-06-01 is after visitDate 2017-05-10 (the enquiry came in before the visit)",
            ],
            Problems(file));
    }

    [Fact]
    public void Every_bad_row_and_every_bad_value_in_it_is_reported_and_no_delegation_is_given()
    {
        var file = Read(
            Header,
            GoodRow,
            "2017-13-01,XX,,,public,,,,,",
            GoodRow,
            "2017-05-10,CN,,,public,,,,",
            "",
            "2017-05-10,CN,,,private,national,water,0,,");

        Assert.Equal(
            [
                "line 3: visitDate \"2017-13-01\" is not a date (yyyy-MM-dd)",
                "line 3: country \"XX\" is not an ISO 3166-1 alpha-2 code (such as CN)",
                "line 5: the row has 9 cells where the header has 10 (a cell with a comma in it must be in quotes)",
                "line 7: level \"national\" is given but sector is private (only public delegations have a level)",
            ],
            Problems(file).Take(4));
        Assert.Equal([7, 7], file.Problems.Skip(4).Select(problem => problem.LineNumber));
        Assert.Empty(file.Delegations);
        Assert.True(file.HasProblems);
    }

    [Fact]
    public void Ids_come_from_the_content_so_a_second_read_gives_the_same_ids_and_identical_rows_stay_two()
    {
        string[] lines = [Header, GoodRow, GoodRow, GoodRow.Replace(",12,", ",13,", StringComparison.Ordinal), GoodRow];

        var first = Read(lines).Delegations.Select(delegation => delegation.Delegation.Id).ToList();
        var second = Read(lines).Delegations.Select(delegation => delegation.Delegation.Id).ToList();

        Assert.Equal(first, second);
        Assert.Equal(4, first.Distinct(StringComparer.Ordinal).Count());
        Assert.All(first, id => Assert.Matches("^history-[0-9a-f]{32}-[1-3]$", id));
        Assert.EndsWith("-1", first[0], StringComparison.Ordinal);
        Assert.EndsWith("-2", first[1], StringComparison.Ordinal);
        Assert.EndsWith("-1", first[2], StringComparison.Ordinal);
        Assert.EndsWith("-3", first[3], StringComparison.Ordinal);
        Assert.Equal(first[0][..^2], first[1][..^2]);
    }

    [Fact]
    public void Ids_depend_on_the_values_not_on_how_the_file_writes_them()
    {
        var plain = Assert.Single(Read(Header, GoodRow).Delegations).Delegation.Id;
        var rewritten = Assert.Single(Read(
            "receivedDate,organisation,delegationSize,themes,level,sector,city,region,country,visitDate",
            "2017-03-01, \"Liaoyang Municipal Government\" ,12,Energy-Climate;energy-climate,Municipal,PUBLIC,Liaoyang,Liaoning,cn,2017-05-10").Delegations).Delegation.Id;

        Assert.Equal(plain, rewritten);
    }

    [Fact]
    public void Ids_differ_when_any_value_differs_or_moves_to_another_column()
    {
        var ids = new[]
        {
            GoodRow,
            "2017-05-10,CN,Liaoning,Liaoyang,public,municipal,energy-climate,12,Liaoyang Municipal Government,",
            "2017-05-10,CN,Liaoyang,Liaoning,public,municipal,energy-climate,12,Liaoyang Municipal Government,2017-03-01",
            "2017-05-10,CN,,LiaoningLiaoyang,public,municipal,energy-climate,12,Liaoyang Municipal Government,2017-03-01",
            "2017-05-10,CN,Liaoning,Liaoyang,public,municipal,energy-climate,,Liaoyang Municipal Government,2017-03-01",
        }.Select(row => Assert.Single(Read(Header, row).Delegations).Delegation.Id);

        Assert.Equal(5, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_missing_required_column_is_a_problem_on_line_1_and_not_repeated_on_each_row()
    {
        var file = Read("visitDate,region,sector", "2017-05-10,Liaoning,public", "2017-13-01,,public");

        Assert.Equal(["line 1: column country is missing", "line 3: visitDate \"2017-13-01\" is not a date (yyyy-MM-dd)"], Problems(file));
        Assert.Empty(file.Delegations);
    }

    [Fact]
    public void Unknown_duplicate_and_unnamed_columns_are_problems_on_line_1()
    {
        var file = Read("visitDate,country,sector,theme,Country,", "2017-05-10,CN,public,,,");

        Assert.Equal(
            [
                "line 1: column \"theme\" is not one of visitDate, country, region, city, sector, level, themes, delegationSize, organisation, receivedDate",
                "line 1: column country appears twice (columns 2 and 5)",
                "line 1: column 6 has no name",
            ],
            Problems(file));
    }

    [Fact]
    public void Header_problems_are_reported_on_the_line_the_header_is_on()
    {
        var problem = Assert.Single(Read("", "", "visitDate,sector").Problems);

        Assert.Equal("line 3: column country is missing", problem.ToString());
    }

    [Fact]
    public void Texts_longer_than_the_enquiry_form_allows_are_problems()
    {
        var file = Read(Header, $"2017-05-10,CN,{new string('r', 101)},{new string('c', 101)},public,,,,{new string('o', 201)},");

        Assert.Equal(
            [
                "line 2: region is longer than 100 characters (101)",
                "line 2: city is longer than 100 characters (101)",
                "line 2: organisation is longer than 200 characters (201)",
            ],
            Problems(file));
    }

    [Fact]
    public void A_cell_longer_than_the_limit_is_a_problem_and_is_not_kept_whole()
    {
        var file = Read(Header, $"2017-05-10,CN,,,public,,,,\"{new string('o', 5_000)}\",", GoodRow);

        Assert.Equal(["line 2: organisation is longer than 1000 characters"], Problems(file));
    }

    [Fact]
    public void A_file_with_more_rows_than_the_limit_is_a_problem_at_the_first_row_too_many()
    {
        var rows = Enumerable.Repeat("2017-05-10,CN,public", DelegationHistoryFile.MaxRows + 5);

        var file = Read(["visitDate,country,sector", .. rows]);

        Assert.Equal([$"line {DelegationHistoryFile.MaxRows + 2}: the file has more than 20000 rows; import the history in parts"], Problems(file));
        Assert.Empty(file.Delegations);
    }

    [Fact]
    public void Listing_stops_after_the_most_problems_worth_reading()
    {
        var rows = Enumerable.Repeat("not a date,CN,public", 1_000);

        var problems = Read(["visitDate,country,sector", .. rows]).Problems;

        Assert.Equal(DelegationHistoryFile.MaxProblems + 1, problems.Count);
        Assert.Equal("line 501: more than 500 problems; the lines after this one were not checked", problems[^1].ToString());
    }

    [Fact]
    public void Exactly_the_most_rows_allowed_are_read()
    {
        var rows = Enumerable.Repeat("2017-05-10,CN,public", DelegationHistoryFile.MaxRows);

        var file = Read(["visitDate,country,sector", .. rows]);

        Assert.Empty(file.Problems);
        Assert.Equal(DelegationHistoryFile.MaxRows, file.Delegations.Count);
        Assert.Equal(DelegationHistoryFile.MaxRows, file.Delegations.Select(delegation => delegation.Delegation.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task A_file_that_is_not_UTF8_is_a_problem_at_the_line_of_the_first_foreign_byte()
    {
        // "Ø" in Windows-1252, as Excel saves plain "CSV".
        var bytes = Encoding.UTF8.GetBytes(Header + "\r\n" + GoodRow + "\r\n2017-05-10,DK,,K").Concat(new byte[] { 0xD8, (byte)'\n' }).ToArray();

        var file = await DelegationHistoryFile.ReadAsync(new MemoryStream(bytes));

        Assert.Equal(["line 3: the file is not UTF-8 text (save it as \"CSV UTF-8\")"], Problems(file));
    }

    [Fact]
    public async Task A_stream_larger_than_the_limit_is_a_problem_without_being_read_to_the_end()
    {
        var file = await DelegationHistoryFile.ReadAsync(new MemoryStream(new byte[DelegationHistoryFile.MaxFileBytes + 1]));

        Assert.Equal(["line 1: the file is larger than 10 MiB; import the history in parts"], Problems(file));
    }

    [Fact]
    public void A_problem_reads_as_its_line_and_reason() =>
        Assert.Equal("line 7: visitDate \"2017-13-01\" is not a date (yyyy-MM-dd)", new HistoryProblem(7, "visitDate \"2017-13-01\" is not a date (yyyy-MM-dd)").ToString());
}
