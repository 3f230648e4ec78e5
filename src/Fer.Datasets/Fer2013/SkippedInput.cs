namespace Fer.Datasets;

/// <summary>A row or file that a loader left out under <see cref="MalformedRowHandling.Skip"/>.</summary>
/// <param name="Input">The file the problem was found in.</param>
/// <param name="LineNumber">The 1-based line, for CSV files; null for image files.</param>
/// <param name="Reason">Why it was left out.</param>
public sealed record SkippedInput(string Input, long? LineNumber, string Reason);
