namespace Fer.Datasets;

/// <summary>
/// What a loader skipped under <see cref="MalformedRowHandling.Skip"/>, in constant memory: every skip is counted, the
/// first <see cref="MaxExamples"/> are kept as examples (a file of billions of bad rows costs a counter, not a list),
/// and past <see cref="MaxSkipped"/> the input is refused.
/// </summary>
internal sealed class SkippedInputs
{
    /// <summary>How many skipped rows or files are kept with their reason.</summary>
    public const int MaxExamples = 100;

    /// <summary>The most rows or files skipped before the input is refused as a whole: a data set with more bad rows than that is not one.</summary>
    public const int MaxSkipped = 1_000_000;

    private readonly List<SkippedInput> _examples = [];

    /// <summary>How many were skipped in all.</summary>
    public long Count { get; private set; }

    /// <summary>The first <see cref="MaxExamples"/> skipped, in order.</summary>
    public IReadOnlyList<SkippedInput> Examples => _examples;

    /// <exception cref="FerDataException">More than <see cref="MaxSkipped"/> were skipped.</exception>
    public void Add(SkippedInput skipped)
    {
        if (++Count > MaxSkipped)
        {
            throw new FerDataException(
                $"{skipped.Input}: more than {MaxSkipped:N0} rows or files are malformed (the last at {(skipped.LineNumber is { } line ? $"line {line:N0}" : "this file")}: {skipped.Reason}); " +
                "this is not a data set with a few bad rows to skip.")
            { Input = skipped.Input };
        }

        if (_examples.Count < MaxExamples)
        {
            _examples.Add(skipped);
        }
    }
}
