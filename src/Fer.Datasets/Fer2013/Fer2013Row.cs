namespace Fer.Datasets;

/// <summary>One data row of a FER2013 CSV: its line, and its face (split, label, 48x48 pixels) or why it is malformed.</summary>
/// <param name="LineNumber">The 1-based line.</param>
/// <param name="Split">The Usage column's split (Training when the file has none).</param>
/// <param name="Label">The emotion column's label.</param>
/// <param name="Pixels">The 2,304 pixels; null when the row is malformed.</param>
/// <param name="Reason">Why the row is malformed; null when it is not.</param>
internal readonly record struct Fer2013Row(long LineNumber, Fer2013Split Split, int Label, byte[]? Pixels, string? Reason);
