namespace Fer.Datasets;

/// <summary>Options of <see cref="FerPlus.Load(string, string, FerPlusLoadOptions?)"/> and <see cref="FerPlus.LoadFolders(string, FerPlusLoadOptions?)"/>.</summary>
public sealed record FerPlusLoadOptions
{
    /// <summary>
    /// What to do with a malformed row (bad pixels or vote counts) or an unreadable image; <see cref="MalformedRowHandling.Throw"/>
    /// by default. Skipping leaves the face out of both files and reports it in <see cref="Fer2013Splits{TSplit}.Skipped"/>; a
    /// row count or Usage that differs between the two files is always an error (the join would be wrong).
    /// </summary>
    public MalformedRowHandling MalformedRows { get; init; } = MalformedRowHandling.Throw;
}
