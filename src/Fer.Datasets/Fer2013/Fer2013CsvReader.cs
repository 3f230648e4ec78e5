using Fer.Internal;
using nietras.SeparatedValues;
namespace Fer.Datasets;

/// <summary>
/// Reads the Kaggle FER2013 CSV layouts: <c>emotion,pixels,Usage</c> (fer2013.csv, optionally gzip-compressed),
/// <c>emotion, Usage, pixels</c> (icml_face_data.csv, headers with leading spaces) and <c>emotion,pixels</c>
/// (train.csv, everything Training).
/// </summary>
internal sealed class Fer2013CsvReader
{
    private const int PixelCount = 48 * 48;

    /// <summary>The longest line read: 27 times a FER2013 row (2,304 pixel values of up to three digits, about 9,300 characters).</summary>
    internal const int MaxLineLength = 256 * 1024;

    /// <summary>The most empty lines a file may have: a real one has none or a few, so a file of millions is refused at once.</summary>
    internal const int MaxEmptyLines = 1_000_000;

    /// <summary>The most columns a header may have (FER2013's layouts have two or three).</summary>
    internal const int MaxColumns = 64;
    private readonly string _path;
    private readonly Fer2013LoadOptions _options;
    private readonly int _classCount;
    private readonly Dictionary<Fer2013Split, (List<byte[]> Pixels, List<int> Labels)> _rows = [];
    private readonly SkippedInputs _skipped = new();

    public Fer2013CsvReader(string path, Fer2013LoadOptions options)
    {
        _path = path;
        _options = options;
        _classCount = ModelInputChecks.ClassNameList(options.ClassNames, nameof(options.ClassNames)).Count;
    }

    public FerDataset Read()
    {
        try
        {
            return ReadRows();
        }
        catch (Exception e) when (ReadError(e) is { } error)
        {
            throw error;
        }
    }

    private FerDataset ReadRows()
    {
        foreach (var row in Rows())
        {
            if (row.Pixels is { } pixels)
            {
                if (!_rows.TryGetValue(row.Split, out var bucket))
                {
                    bucket = ([], []);
                    _rows[row.Split] = bucket;
                }

                bucket.Pixels.Add(pixels);
                bucket.Labels.Add(row.Label);
            }
            else if (_options.MalformedRows == MalformedRowHandling.Skip)
            {
                _skipped.Add(new SkippedInput(_path, row.LineNumber, row.Reason!));
            }
            else
            {
                throw Malformed(row.LineNumber, row.Reason!);
            }
        }

        if (_rows.Count == 0)
        {
            throw new FerDataException($"{_path} has a header but no usable rows: the data set is empty.") { Input = _path };
        }

        var splits = _rows.ToDictionary(
            kv => kv.Key,
            kv => LabeledFaces.Create(Concatenate(kv.Value.Pixels, kv.Key), [.. kv.Value.Labels], ImageShape.Fer2013, _options.ClassNames, $"{_path} ({kv.Key})"));
        return new FerDataset(_path, splits, _skipped);
    }

    /// <summary>
    /// Every non-empty data row in file order, parsed or with the reason it is malformed; a missing or bad header and
    /// an overlong line throw. The caller wraps I/O errors (see <see cref="Read"/>).
    /// </summary>
    internal IEnumerable<Fer2013Row> Rows()
    {
        // Sep parses; the guard below it bounds every line, so Sep's buffers never grow past MaxLineLength. Quotes are
        // not parsed as CSV quoting (a stray quote would otherwise join the rest of the file into one row): FER2013's
        // fields never hold commas or line breaks, and quoted values are unquoted field by field instead.
        using var text = new LineLengthGuard(
            new StreamReader(OpenMaybeCompressed(_path), System.Text.Encoding.UTF8, true, 1 << 16),
            MaxLineLength,
            (line, limit) => Malformed(line, $"the line is longer than {limit:N0} characters; this is not a FER2013 CSV file"));
        using var reader = Sep.New(',')
            .Reader(o => o with { HasHeader = false, DisableColCountCheck = true, DisableQuotesParsing = true })
            .From(text);
        if (!reader.MoveNext())
        {
            throw Malformed(1, "the file is empty; expected a header such as 'emotion,pixels,Usage'");
        }

        var columns = ParseHeader(reader.Current);
        var emptyLines = 0;
        foreach (var row in reader)
        {
            if (row.Span.IsEmpty)
            {
                if (++emptyLines > MaxEmptyLines)
                {
                    throw Malformed(row.LineNumberFrom, $"more than {MaxEmptyLines:N0} empty lines; this is not a FER2013 CSV file");
                }

                continue;
            }

            long lineNumber = row.LineNumberFrom;
            yield return TryParseRow(row, columns, out var split, out var label, out var pixels, out var reason)
                ? new Fer2013Row(lineNumber, split, label, pixels, null)
                : new Fer2013Row(lineNumber, split, label, null, reason);
        }
    }

    /// <summary>Wraps a read error of <see cref="Rows"/> (permissions, a failing disk) as ours, naming the file.</summary>
    internal FerDataException? ReadError(Exception e)
        => InputFile.IsReadFailure(e)
            ? new FerDataException($"{_path} could not be read: {e.Message}", e) { Input = _path }
            : null;

    internal static Stream OpenMaybeCompressed(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var magic = new byte[2];
        var read = file.Read(magic, 0, 2);
        file.Position = 0;
        return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b ? CheckedGzipStream.Open(file, path) : file;
    }

    private HeaderColumns ParseHeader(SepReader.Row headerRow)
    {
        if (headerRow.ColCount > MaxColumns)
        {
            throw Malformed(1, $"the header has {headerRow.ColCount:N0} columns, more than the {MaxColumns} read; expected a header such as 'emotion,pixels,Usage'");
        }

        var header = headerRow.Span.ToString();
        var names = new string[headerRow.ColCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = Unquote(headerRow[i].Span).ToString().ToLowerInvariant();
        }

        var emotion = Array.IndexOf(names, "emotion");
        var pixels = Array.IndexOf(names, "pixels");
        var usage = Array.IndexOf(names, "usage");
        if (pixels < 0)
        {
            throw Malformed(1, $"the header '{header}' has no 'pixels' column");
        }

        if (emotion < 0)
        {
            throw Malformed(1, $"the header '{header}' has no 'emotion' column, so the faces have no labels (Kaggle's test.csv is unlabelled; use it for prediction only)");
        }

        return new HeaderColumns(emotion, pixels, usage, names.Length);
    }

    /// <summary>Where the header put each column FER2013 needs (usage -1 when absent), and how many columns it has.</summary>
    private readonly record struct HeaderColumns(int Emotion, int Pixels, int Usage, int Count);

    private bool TryParseRow(SepReader.Row row, HeaderColumns columns, out Fer2013Split split, out int label, out byte[]? pixels, out string? reason)
    {
        split = Fer2013Split.Training;
        label = -1;
        pixels = null;
        if (row.ColCount != columns.Count)
        {
            reason = $"expected {columns.Count} comma-separated fields, found {row.ColCount}";
            return false;
        }

        var emotionText = Unquote(row[columns.Emotion].Span);
        if (!int.TryParse(emotionText, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out label))
        {
            reason = $"emotion '{emotionText.ToString()}' is not a whole number";
            return false;
        }

        if ((uint)label >= (uint)_classCount)
        {
            reason = $"label {label} is out of range [0, {_classCount - 1}]";
            return false;
        }

        if (columns.Usage >= 0)
        {
            var usage = Unquote(row[columns.Usage].Span);
            if (usage.IsEmpty || usage.ContainsAnyExcept(UsageLetters) || !Enum.TryParse(usage, ignoreCase: true, out split) || !Enum.IsDefined(split))
            {
                reason = $"Usage '{usage.ToString()}' is not Training, PublicTest or PrivateTest";
                return false;
            }
        }

        pixels = new byte[PixelCount];
        return TryParsePixels(Unquote(row[columns.Pixels].Span), pixels, out reason);
    }

    /// <summary>
    /// Parses space-separated pixel values in one pass; on anything unexpected it leaves the explanation to
    /// <see cref="DescribeBadPixels"/>, which reads the text again the slow way.
    /// </summary>
    private static bool TryParsePixels(ReadOnlySpan<char> text, byte[] pixels, out string? reason)
    {
        var count = 0;
        var value = 0;
        var inNumber = false;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                if (inNumber)
                {
                    if (count == PixelCount)
                    {
                        return DescribeBadPixels(text, pixels, out reason);
                    }

                    pixels[count++] = (byte)value;
                    value = 0;
                    inNumber = false;
                }

                continue;
            }

            var digit = c - '0';
            value = (value * 10) + digit;
            if ((uint)digit > 9 || value > 255)
            {
                return DescribeBadPixels(text, pixels, out reason);
            }

            inNumber = true;
        }

        if (inNumber && count < PixelCount)
        {
            pixels[count++] = (byte)value;
            inNumber = false;
        }

        if (count != PixelCount || inNumber)
        {
            return DescribeBadPixels(text, pixels, out reason);
        }

        reason = null;
        return true;
    }

    private static bool DescribeBadPixels(ReadOnlySpan<char> text, byte[] pixels, out string? reason)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var value = 0;
            var start = i;
            while (i < text.Length && text[i] != ' ')
            {
                var digit = text[i] - '0';
                if ((uint)digit > 9)
                {
                    reason = $"pixel {count + 1} '{text[start..NextSpace(text, start)].ToString()}' is not a number";
                    return false;
                }

                value = (value * 10) + digit;
                if (value > 255)
                {
                    reason = $"pixel {count + 1} '{text[start..NextSpace(text, start)].ToString()}' is outside 0-255";
                    return false;
                }

                i++;
            }

            if (count < PixelCount)
            {
                pixels[count] = (byte)value;
            }

            count++;
        }

        reason = count == PixelCount ? null : $"expected {PixelCount} pixel values (48x48), found {count}";
        return reason is null;
    }

    private static int NextSpace(ReadOnlySpan<char> text, int start)
    {
        var end = text[start..].IndexOf(' ');
        return end < 0 ? text.Length : start + end;
    }

    private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> field)
    {
        field = field.Trim();
        return field.Length >= 2 && field[0] == '"' && field[^1] == '"' ? field[1..^1].Trim() : field;
    }

    private static readonly System.Buffers.SearchValues<char> UsageLetters = System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private byte[] Concatenate(List<byte[]> rows, Fer2013Split split)
    {
        if ((long)rows.Count * PixelCount > Array.MaxLength)
        {
            throw new FerDataException($"{_path}: the {split} split has {rows.Count:N0} faces, more than the {Array.MaxLength / PixelCount:N0} that one data set holds.") { Input = _path };
        }

        var all = new byte[rows.Count * PixelCount];
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].CopyTo(all, i * PixelCount);
        }

        return all;
    }

    internal FerDataException Malformed(long lineNumber, string reason)
        => new($"{_path}, line {lineNumber}: {reason}.") { Input = _path, LineNumber = lineNumber };
}
