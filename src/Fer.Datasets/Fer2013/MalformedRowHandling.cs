namespace Fer.Datasets;

/// <summary>What a loader does with a malformed row or unreadable image.</summary>
public enum MalformedRowHandling
{
    /// <summary>Throw a <see cref="FerDataException"/> naming the file, line and reason (the default).</summary>
    Throw,

    /// <summary>Leave the row out and report it in <see cref="Fer2013Splits{TSplit}.Skipped"/>.</summary>
    Skip,
}
