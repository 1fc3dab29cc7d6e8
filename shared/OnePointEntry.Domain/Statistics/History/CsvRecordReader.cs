using System.Text;

namespace OnePointEntry.Statistics;

/// <summary>
/// Reads RFC 4180 CSV one record at a time: cells separated by commas, cells in double quotes holding commas,
/// line breaks and doubled quotes (<c>""</c>), records ended by CRLF, LF or a lone CR, and a leading UTF-8 byte
/// order mark skipped.
/// </summary>
/// <remarks>
/// Stricter than spreadsheets are when writing, and more forgiving in one way: spaces around a quoted cell are
/// let through, because people editing a file by hand write <c>a, "b, c"</c>. Memory stays bounded whatever
/// the input: a cell keeps at most <c>maxCellLength</c> characters and a record at most <c>maxCells</c> cells,
/// the rest is counted and reported, not kept.
/// </remarks>
internal sealed class CsvRecordReader(TextReader reader, int maxCellLength, int maxCells)
{
    private const int End = -1;

    private readonly char[] _buffer = new char[4096];
    private int _length;
    private int _position;
    private bool _started;

    // The physical line of the next character, so a record's first line is known before it is read.
    private int _line = 1;

    /// <summary>The next record, or null at the end of the input.</summary>
    public CsvRecord? ReadRecord()
    {
        var c = Read();
        if (c == End)
        {
            return null;
        }

        var lineNumber = _line - (c == '\n' ? 1 : 0);
        var cells = new List<string>();
        var faults = new List<CsvFault>();
        var cellCount = 0;
        var cell = new StringBuilder();
        while (true)
        {
            cellCount++;
            cell.Clear();
            var tooLong = false;
            var ended = ReadCell(ref c, cell, ref tooLong, cellCount, faults);
            if (tooLong)
            {
                faults.Add(new CsvFault(cellCount, $"is longer than {maxCellLength} characters"));
            }

            if (cells.Count < maxCells)
            {
                cells.Add(cell.ToString());
            }

            if (ended)
            {
                return new CsvRecord(lineNumber, cells, cellCount, faults);
            }

            c = Read();
        }
    }

    // Reads one cell starting at c; true when the record ended with it, false when a comma follows.
    private bool ReadCell(ref int c, StringBuilder cell, ref bool tooLong, int cellNumber, List<CsvFault> faults)
    {
        while (c is ' ' or '\t')
        {
            Append(cell, (char)c, ref tooLong);
            c = Read();
        }

        if (c == '"')
        {
            cell.Clear();
            tooLong = false;
            var opened = _line;
            while (true)
            {
                c = Read();
                if (c == End)
                {
                    faults.Add(new CsvFault(cellNumber, $"opens a quote on line {opened} that is never closed, so the rest of the file was read into it"));
                    return true;
                }

                if (c == '"')
                {
                    if (Peek() != '"')
                    {
                        break;
                    }

                    Read();
                }

                Append(cell, (char)c, ref tooLong);
            }

            c = Read();
            var textAfter = false;
            while (c is not (',' or '\n' or End))
            {
                textAfter |= c is not (' ' or '\t');
                c = Read();
            }

            if (textAfter)
            {
                faults.Add(new CsvFault(cellNumber, "has text after its closing quote (quote the whole cell)"));
            }

            return c != ',';
        }

        var strayQuote = false;
        while (c is not (',' or '\n' or End))
        {
            strayQuote |= c == '"';
            Append(cell, (char)c, ref tooLong);
            c = Read();
        }

        if (strayQuote)
        {
            faults.Add(new CsvFault(cellNumber, "has a \" but does not start with one (put the whole cell in quotes and double each \" in it)"));
        }

        return c != ',';
    }

    private void Append(StringBuilder cell, char c, ref bool tooLong)
    {
        if (cell.Length < maxCellLength)
        {
            cell.Append(c);
        }
        else
        {
            tooLong = true;
        }
    }

    // The next character, with CRLF, LF and a lone CR all read as one '\n' that moves to the next line.
    private int Read()
    {
        if (!Fill())
        {
            return End;
        }

        var c = _buffer[_position++];
        if (c == '\r')
        {
            if (Fill() && _buffer[_position] == '\n')
            {
                _position++;
            }

            c = '\n';
        }

        if (c == '\n')
        {
            _line++;
        }

        return c;
    }

    private int Peek() => Fill() ? _buffer[_position] : End;

    private bool Fill()
    {
        if (_position < _length)
        {
            return true;
        }

        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        if (!_started && _length > 0)
        {
            _started = true;
            if (_buffer[0] == '\uFEFF')
            {
                _position = 1;
                return Fill();
            }
        }

        return _length > 0;
    }
}
