namespace Fer.Core;

/// <summary>A tensor shape without the batch dimension, e.g. (32, 48, 48) or (7).</summary>
internal readonly record struct Shape(int[] Dimensions)
{
    public int Rank => Dimensions.Length;

    public int this[int index] => Dimensions[index];

    public long Elements => Dimensions.Aggregate(1L, (a, d) => a * d);

    public static Shape Of(params int[] dimensions) => new(dimensions);

    /// <summary>Keras style, with the batch dimension: "(None, 32, 48, 48)".</summary>
    public string ToBatchString() => $"(None, {string.Join(", ", Dimensions)})";

    public override string ToString() => $"({string.Join(", ", Dimensions)})";

    public bool Equals(Shape other) => Dimensions.AsSpan().SequenceEqual(other.Dimensions);

    public override int GetHashCode() => Dimensions.Aggregate(17, (h, d) => (h * 31) + d);
}
