using Fer.Internal;

namespace Fer.Datasets;

/// <summary>
/// Joins Kaggle's <c>fer2013.csv</c> (pixels) and Microsoft's <c>fer2013new.csv</c> (votes) row by row, as
/// Microsoft's <c>generate_training_data.py</c> does, checking that both have the same rows with the same Usage.
/// </summary>
internal sealed class FerPlusCsvJoin(string pixelsPath, string votesPath, FerPlusLoadOptions options)
{
    private static readonly string[] Header = ["usage", "image name", .. FerPlusVotes.VoteColumns.Select(c => c.ToLowerInvariant())];

    /// <summary>One data row of the votes file: its line, split and counts, or why it is malformed.</summary>
    private readonly record struct VoteRow(long LineNumber, Fer2013Split Split, byte[]? Votes, string? Reason);

    public FerPlusDataset Read()
    {
        // Both files are read in step, one row of each at a time: memory holds the kept faces, never the bad rows.
        var pixelReader = new Fer2013CsvReader(pixelsPath, new Fer2013LoadOptions());
        try
        {
            using var faces = pixelReader.Rows().GetEnumerator();
            using var votes = ReadVotes().GetEnumerator();
            return Join(faces, votes);
        }
        catch (Exception e) when (pixelReader.ReadError(e) is { } error)
        {
            throw error;
        }
    }

    private FerPlusDataset Join(IEnumerator<Fer2013Row> faces, IEnumerator<VoteRow> votes)
    {
        var buckets = new Dictionary<Fer2013Split, (List<byte[]> Pixels, List<byte[]> Votes, List<int> Rows)>();
        var skipped = new SkippedInputs();
        var row = 0;
        while (true)
        {
            var hasFace = faces.MoveNext();
            var hasVote = votes.MoveNext();
            if (!hasFace || !hasVote)
            {
                if (hasFace || hasVote)
                {
                    throw RowCountMismatch(row, hasFace ? faces : null, hasVote ? votes : null);
                }

                break;
            }

            var (face, vote) = (faces.Current, votes.Current);
            if (face.Pixels is not null && vote.Votes is not null && face.Split != vote.Split)
            {
                throw new FerDataException(
                    $"Row {row + 1:N0} is {face.Split} in {pixelsPath} (line {face.LineNumber:N0}) but {vote.Split} in {votesPath} (line {vote.LineNumber:N0}): " +
                    "the files are not in the same row order, so their votes would be joined to the wrong faces.")
                { Input = votesPath, LineNumber = vote.LineNumber };
            }

            if (face.Pixels is null || vote.Votes is null)
            {
                var (path, line, reason) = face.Pixels is null ? (pixelsPath, face.LineNumber, face.Reason!) : (votesPath, vote.LineNumber, vote.Reason!);
                if (options.MalformedRows != MalformedRowHandling.Skip)
                {
                    throw new FerDataException($"{path}, line {line}: {reason}.") { Input = path, LineNumber = line };
                }

                skipped.Add(new SkippedInput(path, line, reason));
                row++;
                continue;
            }

            if (!buckets.TryGetValue(face.Split, out var bucket))
            {
                bucket = ([], [], []);
                buckets[face.Split] = bucket;
            }

            bucket.Pixels.Add(face.Pixels);
            bucket.Votes.Add(vote.Votes);
            bucket.Rows.Add(row);
            row++;
        }

        if (buckets.Count == 0)
        {
            throw new FerDataException($"{pixelsPath} and {votesPath} have no usable rows: the data set is empty.") { Input = votesPath };
        }

        var source = $"{pixelsPath} + {votesPath}";
        var splits = buckets.ToDictionary(
            kv => kv.Key,
            kv => new FerPlusVotes(Flatten(kv.Value.Pixels), Flatten(kv.Value.Votes), [.. kv.Value.Rows], $"{source} ({kv.Key})"));
        return new FerPlusDataset(source, splits, skipped);
    }

    /// <summary>Rows of equal length, one after another.</summary>
    internal static byte[] Flatten(List<byte[]> rows)
    {
        var length = rows.Count == 0 ? 0 : rows[0].Length;
        var all = new byte[(long)rows.Count * length];
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].CopyTo(all, (long)i * length);
        }

        return all;
    }

    /// <summary>The most rows of the longer file counted past the shorter one's end, for the message.</summary>
    private const int MaxRowsCounted = 100_000;

    /// <summary>The error for files whose row counts differ: the rest of the longer file is counted, up to <see cref="MaxRowsCounted"/> rows.</summary>
    private FerDataException RowCountMismatch(int joined, IEnumerator<Fer2013Row>? moreFaces, IEnumerator<VoteRow>? moreVotes)
    {
        string Rows<T>(IEnumerator<T>? rows)
        {
            long count = joined;
            if (rows is not null)
            {
                count++;
                while (count - joined < MaxRowsCounted && rows.MoveNext())
                {
                    count++;
                }

                if (count - joined == MaxRowsCounted && rows.MoveNext())
                {
                    return $"more than {count:N0}";
                }
            }

            return count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
        }

        return new FerDataException(
            $"{pixelsPath} has {Rows(moreFaces)} data rows but {votesPath} has {Rows(moreVotes)}: FER+'s votes are joined to the faces by row position, " +
            "so both files must have the same rows in the same order (Kaggle's original fer2013.csv and Microsoft's fer2013new.csv).")
        { Input = votesPath };
    }

    /// <summary>The votes file's data rows in order, parsed or with the reason they are malformed; a bad header or an overlong line throws.</summary>
    private IEnumerable<VoteRow> ReadVotes()
    {
        using var text = new LineLengthGuard(
            new StreamReader(OpenVotes(), System.Text.Encoding.UTF8, true, 1 << 16),
            FerPlusVoteFields.MaxLineLength,
            (line, limit) => Malformed(line, $"the line is longer than {limit:N0} characters; this is not FER+'s fer2013new.csv"));
        var header = ReadLine(text) ?? throw Malformed(1, $"the file is empty; expected the header '{string.Join(',', Header)}'");
        var names = FerPlusVoteFields.Split(header).Select(n => n.ToLowerInvariant()).ToArray();
        if (!names.SequenceEqual(Header))
        {
            throw Malformed(1, $"the header is '{(header.Length <= 200 ? header : header[..200] + "…")}', but FER+'s fer2013new.csv has '{string.Join(',', Header)}'");
        }

        long lineNumber = 1;
        var emptyLines = 0;
        while (ReadLine(text) is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                if (++emptyLines > Fer2013CsvReader.MaxEmptyLines)
                {
                    throw Malformed(lineNumber, $"more than {Fer2013CsvReader.MaxEmptyLines:N0} empty lines; this is not FER+'s fer2013new.csv");
                }

                continue;
            }

            yield return ParseRow(lineNumber, line);
        }
    }

    private Stream OpenVotes()
    {
        try
        {
            return Fer2013CsvReader.OpenMaybeCompressed(votesPath);
        }
        catch (Exception e) when (InputFile.IsReadFailure(e))
        {
            throw new FerDataException($"{votesPath} could not be read: {e.Message}", e) { Input = votesPath };
        }
    }

    /// <summary>One line of the votes file; a read error (permissions, a failing disk) becomes ours, naming the file.</summary>
    private string? ReadLine(TextReader text)
    {
        try
        {
            return text.ReadLine();
        }
        catch (Exception e) when (InputFile.IsReadFailure(e))
        {
            throw new FerDataException($"{votesPath} could not be read: {e.Message}", e) { Input = votesPath };
        }
    }

    private static VoteRow ParseRow(long lineNumber, string line)
    {
        var fields = FerPlusVoteFields.Split(line);
        if (fields.Length != Header.Length)
        {
            return new VoteRow(lineNumber, default, null, $"expected {Header.Length} comma-separated fields (Usage, Image name and {FerPlusRules.Columns} vote counts), found {fields.Length}");
        }

        if (!Enum.TryParse<Fer2013Split>(fields[0], ignoreCase: true, out var split) || !Enum.IsDefined(split) || !fields[0].All(char.IsAsciiLetter))
        {
            return new VoteRow(lineNumber, default, null, $"Usage '{(fields[0].Length <= 20 ? fields[0] : fields[0][..20] + "…")}' is not Training, PublicTest or PrivateTest");
        }

        var votes = FerPlusVoteFields.TryParseCounts(fields, out var reason);
        return new VoteRow(lineNumber, split, votes, reason);
    }

    private FerDataException Malformed(long lineNumber, string reason)
        => new($"{votesPath}, line {lineNumber}: {reason}.") { Input = votesPath, LineNumber = lineNumber };
}
