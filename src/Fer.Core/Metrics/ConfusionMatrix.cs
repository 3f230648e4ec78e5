namespace Fer.Core;

/// <summary>Counts of (true class, predicted class) pairs: rows are true classes, columns predicted ones.</summary>
public sealed class ConfusionMatrix
{
    private readonly long[,] _counts;

    internal ConfusionMatrix(IReadOnlyList<string> classNames, long[,] counts)
    {
        ClassNames = classNames;
        _counts = counts;
    }

    /// <summary>The classes, in row and column order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>How many images of class <paramref name="actual"/> were predicted as <paramref name="predicted"/>.</summary>
    /// <param name="actual">Row: the true class index.</param>
    /// <param name="predicted">Column: the predicted class index.</param>
    public long this[int actual, int predicted] => _counts[actual, predicted];

    /// <summary>The counts as a jagged array, rows = true classes.</summary>
    public long[][] ToArray()
        => Enumerable.Range(0, ClassNames.Count).Select(r => Enumerable.Range(0, ClassNames.Count).Select(c => _counts[r, c]).ToArray()).ToArray();

    /// <summary>Each row divided by its sum (recall on the diagonal); a row with no images stays all zero.</summary>
    public double[][] RowNormalized()
        => ToArray().Select(row =>
        {
            var total = row.Sum();
            return row.Select(v => total == 0 ? 0.0 : (double)v / total).ToArray();
        }).ToArray();

    /// <summary>The matrix as text, true classes down, predicted across.</summary>
    public override string ToString()
    {
        var width = Math.Max(8, ClassNames.Max(n => n.Length) + 1);
        var builder = new System.Text.StringBuilder();
        builder.Append("true\\pred".PadRight(width));
        foreach (var name in ClassNames)
        {
            builder.Append(name.PadLeft(width));
        }

        builder.AppendLine();
        for (var r = 0; r < ClassNames.Count; r++)
        {
            builder.Append(ClassNames[r].PadRight(width));
            for (var c = 0; c < ClassNames.Count; c++)
            {
                builder.Append(_counts[r, c].ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width));
            }

            builder.AppendLine();
        }

        return builder.ToString();
    }
}
