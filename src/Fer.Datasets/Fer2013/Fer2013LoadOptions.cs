namespace Fer.Datasets;

/// <summary>Options of <see cref="Fer2013.Load(string, Fer2013LoadOptions?)"/> and <see cref="Fer2013.LoadFolders(string, Fer2013LoadOptions?)"/>.</summary>
public sealed record Fer2013LoadOptions
{
    /// <summary>
    /// What to do with a malformed row or unreadable image; <see cref="MalformedRowHandling.Throw"/> by default. Skipping
    /// keeps the first 100 with their reason in <see cref="Fer2013Splits{TSplit}.Skipped"/> and counts all; past 1,000,000 the file is refused.
    /// </summary>
    public MalformedRowHandling MalformedRows { get; init; } = MalformedRowHandling.Throw;

    /// <summary>The class names that labels index (and that folder names are matched against); FER2013's seven by default.</summary>
    public IReadOnlyList<string>? ClassNames { get; init; }
}
