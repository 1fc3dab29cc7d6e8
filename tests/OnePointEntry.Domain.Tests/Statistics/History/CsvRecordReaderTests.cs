using OnePointEntry.Statistics;

namespace OnePointEntry.Domain.Tests.Statistics.History;

public sealed class CsvRecordReaderTests
{
    private static List<CsvRecord> ReadAll(string text, int maxCellLength = 100, int maxCells = 10)
    {
        var reader = new CsvRecordReader(new StringReader(text), maxCellLength, maxCells);
        var records = new List<CsvRecord>();
        for (var record = reader.ReadRecord(); record is not null; record = reader.ReadRecord())
        {
            records.Add(record);
        }

        return records;
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void LF_CRLF_and_a_lone_CR_each_end_a_record_and_a_line(string end)
    {
        var records = ReadAll($"a,b{end}\"c{end}d\",e{end}f,g");

        Assert.Equal([1, 2, 4], records.Select(record => record.LineNumber));
        Assert.Equal(["c\nd", "e"], records[1].Cells);
        Assert.Equal(["f", "g"], records[2].Cells);
        Assert.All(records, record => Assert.Empty(record.Faults));
    }

    [Fact]
    public void Quoted_cells_hold_commas_doubled_quotes_and_empty_text()
    {
        var record = Assert.Single(ReadAll("\"a,b\",\"say \"\"hi\"\"\",\"\",, \"spaced\" ,\"\"\"\""));

        Assert.Equal(["a,b", "say \"hi\"", "", "", "spaced", "\""], record.Cells);
        Assert.Equal(6, record.CellCount);
        Assert.Empty(record.Faults);
    }

    [Fact]
    public void Unquoted_cells_are_kept_as_written_with_their_spaces()
    {
        Assert.Equal([" a ", "b\t"], Assert.Single(ReadAll(" a ,b\t\n")).Cells);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped_only_at_the_start()
    {
        Assert.Equal(["a", "\uFEFFb"], Assert.Single(ReadAll("\uFEFFa,\uFEFFb")).Cells);
    }

    [Fact]
    public void Empty_lines_are_records_of_one_empty_cell_which_the_caller_may_skip()
    {
        var records = ReadAll("\n,,\n\"\"\n");

        Assert.Equal([1, 2, 3], records.Select(record => record.LineNumber));
        Assert.All(records, record => Assert.True(record.IsBlank));
        Assert.False(Assert.Single(ReadAll("a")).IsBlank);
    }

    [Fact]
    public void A_quote_never_closed_is_a_fault_of_its_cell_naming_the_line_it_opens_on()
    {
        var records = ReadAll("a,b\nc,\"d\ne,f\n");

        Assert.Equal(2, records.Count);
        var record = records[1];

        Assert.Equal(2, record.LineNumber);
        Assert.Equal(new CsvFault(2, "opens a quote on line 2 that is never closed, so the rest of the file was read into it"), Assert.Single(record.Faults));
        Assert.Equal("d\ne,f\n", record.Cells[1]);
    }

    [Fact]
    public void Stray_quotes_and_text_after_a_closing_quote_are_faults_and_reading_goes_on()
    {
        var records = ReadAll("a\"b,\"c\"d\ne,f");

        Assert.Equal([1, 2], records[0].Faults.Select(fault => fault.Cell));
        Assert.Equal(["e", "f"], records[1].Cells);
        Assert.Empty(records[1].Faults);
    }

    [Fact]
    public void Cells_and_records_are_kept_only_up_to_their_limits_and_the_excess_is_counted()
    {
        var record = Assert.Single(ReadAll(new string('x', 50) + "," + string.Concat(Enumerable.Repeat(",", 20)), maxCellLength: 10, maxCells: 3));

        Assert.Equal(22, record.CellCount);
        Assert.Equal(3, record.Cells.Count);
        Assert.Equal(new string('x', 10), record.Cells[0]);
        Assert.Equal(new CsvFault(1, "is longer than 10 characters"), Assert.Single(record.Faults));
    }
}
