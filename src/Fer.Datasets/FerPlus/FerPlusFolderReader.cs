using Fer.Internal;

namespace Fer.Datasets;

/// <summary>
/// Reads Microsoft's FER+ folder layout: <c>FER2013Train/</c>, <c>FER2013Valid/</c>, <c>FER2013Test/</c>, each with a
/// <c>label.csv</c> (<c>name,[box,]</c> and the ten vote counts, no header) and the images it names.
/// </summary>
internal sealed class FerPlusFolderReader(string root, FerPlusLoadOptions options)
{
    private static readonly (string Folder, Fer2013Split Split)[] SplitFolders =
    [
        ("FER2013Train", Fer2013Split.Training),
        ("FER2013Valid", Fer2013Split.PublicTest),
        ("FER2013Test", Fer2013Split.PrivateTest),
    ];

    private readonly SkippedInputs _skipped = new();

    public FerPlusDataset Read()
    {
        var splits = new Dictionary<Fer2013Split, FerPlusVotes>();
        foreach (var (name, split) in SplitFolders)
        {
            var folder = Directory.GetDirectories(root).FirstOrDefault(d => string.Equals(Path.GetFileName(d), name, StringComparison.OrdinalIgnoreCase));
            if (folder is not null)
            {
                splits[split] = ReadSplit(folder);
            }
        }

        if (splits.Count == 0)
        {
            throw new FerDataException($"{root} holds none of FER+'s split folders ({string.Join(", ", SplitFolders.Select(s => s.Folder))}), each with a label.csv and its images.") { Input = root };
        }

        return new FerPlusDataset(root, splits, _skipped);
    }

    private FerPlusVotes ReadSplit(string folder)
    {
        var labels = Path.Combine(folder, "label.csv");
        if (!File.Exists(labels))
        {
            throw new FerDataException($"{folder} has no label.csv: FER+'s folders hold one, with each image's name and its ten vote counts.") { Input = folder };
        }

        var rows = ReadLabels(labels);
        const int size = 48 * 48;
        var pixels = new byte[(long)rows.Count * size];
        var failures = new string?[rows.Count];
        Parallel.For(0, rows.Count, i =>
        {
            var path = Path.Combine(folder, rows[i].Name);
            try
            {
                var encoded = InputFile.ReadAllBytes(path, "image", Photo.MaxFileBytes, message => new FerDataException(message) { Input = path }, nameof(path));
                using var photo = Photo.Decode(encoded, path);
                photo.ToGrayPixels(48, 48).CopyTo(pixels.AsSpan(i * size, size));
            }
            catch (Exception e) when (e is FerDataException or IOException or UnauthorizedAccessException)
            {
                failures[i] = e.Message;
            }
        });

        var keep = new List<int>(rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            if (failures[i] is null)
            {
                keep.Add(i);
            }
            else if (options.MalformedRows == MalformedRowHandling.Skip)
            {
                _skipped.Add(new SkippedInput(Path.Combine(folder, rows[i].Name), null, failures[i]!));
            }
            else
            {
                throw new FerDataException(failures[i]!) { Input = Path.Combine(folder, rows[i].Name) };
            }
        }

        if (keep.Count == 0)
        {
            throw new FerDataException($"{folder}: no face of its label.csv could be read; the split is empty.") { Input = folder };
        }

        var all = new FerPlusVotes(pixels, FerPlusCsvJoin.Flatten(rows.Select(r => r.Votes).ToList()), rows.Select(r => r.Row).ToArray(), folder);
        return keep.Count == rows.Count ? all : all.Subset(keep);
    }

    /// <summary>The rows of a label.csv: image name, votes and data row, malformed rows skipped or thrown.</summary>
    private List<(string Name, byte[] Votes, int Row)> ReadLabels(string path)
    {
        var rows = new List<(string Name, byte[] Votes, int Row)>();
        try
        {
            using var text = new LineLengthGuard(
                new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), System.Text.Encoding.UTF8, true, 1 << 16),
                FerPlusVoteFields.MaxLineLength,
                (line, limit) => new FerDataException($"{path}, line {line}: the line is longer than {limit:N0} characters; this is not a FER+ label.csv.") { Input = path, LineNumber = line });
            long lineNumber = 0;
            var row = 0;
            while (text.ReadLine() is { } line)
            {
                lineNumber++;
                if (line.Length == 0)
                {
                    continue;
                }

                var reason = ParseRow(line, out var name, out var votes);
                if (reason is null)
                {
                    rows.Add((name!, votes!, row));
                }
                else if (options.MalformedRows == MalformedRowHandling.Skip)
                {
                    _skipped.Add(new SkippedInput(path, lineNumber, reason));
                }
                else
                {
                    throw new FerDataException($"{path}, line {lineNumber}: {reason}.") { Input = path, LineNumber = lineNumber };
                }

                row++;
            }
        }
        catch (Exception e) when (InputFile.IsReadFailure(e))
        {
            throw new FerDataException($"{path} could not be read: {e.Message}", e) { Input = path };
        }

        if (rows.Count == 0)
        {
            throw new FerDataException($"{path} has no usable rows: the split is empty.") { Input = path };
        }

        return rows;
    }

    /// <summary>Parses <c>name,[box,]votes…</c>: the first field is the image's file name (no folder), the last ten the counts.</summary>
    private static string? ParseRow(string line, out string? name, out byte[]? votes)
    {
        votes = null;
        var fields = FerPlusVoteFields.Split(line);
        name = fields[0];
        if (fields.Length < 1 + FerPlusRules.Columns)
        {
            return $"expected an image name and {FerPlusRules.Columns} vote counts, found {fields.Length} comma-separated fields";
        }

        if (name.Length == 0 || name != Path.GetFileName(name) || name is "." or ".." || name.AsSpan().IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            return $"the image name '{(name.Length <= 60 ? name : name[..60] + "…")}' is not a plain file name in the split's folder";
        }

        votes = FerPlusVoteFields.TryParseCounts(fields, out var reason);
        return reason;
    }
}
