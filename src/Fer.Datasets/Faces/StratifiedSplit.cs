namespace Fer.Datasets;

/// <summary>The seeded, stratified split that <see cref="LabeledFaces.SplitStratified"/> and <see cref="FerPlusVotes.SplitStratified"/> share.</summary>
internal static class StratifiedSplit
{
    /// <summary>
    /// Within each stratum (in stratum order) the indices are shuffled with one <see cref="Random"/> of
    /// <paramref name="seed"/> and <paramref name="fraction"/> of them (rounded half away from zero; at least one where
    /// the stratum has two or more, never all of it) go to the second part. Both parts come back in ascending order.
    /// </summary>
    /// <param name="strata">The stratum of every item, each in [0, <paramref name="strataCount"/>).</param>
    /// <param name="strataCount">How many strata there are.</param>
    /// <param name="fraction">Share of each stratum for the second part, in (0, 1).</param>
    /// <param name="seed">Seed of the shuffle.</param>
    public static (int[] First, int[] Second) Indices(ReadOnlySpan<int> strata, int strataCount, double fraction, int seed)
    {
        var perStratum = Enumerable.Range(0, strataCount).Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < strata.Length; i++)
        {
            perStratum[strata[i]].Add(i);
        }

        var random = new Random(seed);
        var first = new List<int>();
        var second = new List<int>();
        foreach (var indices in perStratum.Select(l => l.ToArray()))
        {
            random.Shuffle(indices);
            var take = (int)Math.Round(indices.Length * fraction, MidpointRounding.AwayFromZero);
            if (take == 0 && indices.Length >= 2)
            {
                take = 1;
            }

            if (take == indices.Length && take > 0)
            {
                take--;
            }

            second.AddRange(indices.Take(take));
            first.AddRange(indices.Skip(take));
        }

        first.Sort();
        second.Sort();
        return ([.. first], [.. second]);
    }
}
