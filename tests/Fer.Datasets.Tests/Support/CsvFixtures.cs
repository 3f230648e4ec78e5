using System.Globalization;

namespace Fer.Datasets.Tests;

/// <summary>Builds small FER2013-layout CSV texts.</summary>
internal static class CsvFixtures
{
    public static string Pixels(int seed) => string.Join(" ", Face(seed).Select(b => b.ToString(CultureInfo.InvariantCulture)));

    public static byte[] Face(int seed) => Enumerable.Range(0, 2304).Select(i => (byte)((i * (seed + 3)) % 256)).ToArray();

    public static string Classic(params (int Label, string Usage, int Seed)[] rows)
        => "emotion,pixels,Usage\n" + string.Concat(rows.Select(r => $"{r.Label},{Pixels(r.Seed)},{r.Usage}\n"));
}
