namespace Fer.Datasets.Tests;

/// <summary>Small FER+ files: Kaggle's fer2013.csv rows and Microsoft's fer2013new.csv rows for the same faces.</summary>
internal static class FerPlusFixtures
{
    public const string VotesHeader = "Usage,Image name,neutral,happiness,surprise,sadness,anger,disgust,fear,contempt,unknown,NF";

    /// <summary>Five faces: four Training (happy majority, a neutral/anger split, not a face, a contempt majority) and one PublicTest (surprise).</summary>
    public static readonly (string Usage, string Votes)[] Rows =
    [
        ("Training", "0,10,0,0,0,0,0,0,0,0"),
        ("Training", "4,0,0,1,3,2,0,0,0,0"),
        ("Training", "0,0,0,0,0,0,0,0,0,10"),
        ("Training", "1,0,0,0,0,0,0,7,2,0"),
        ("PublicTest", "0,0,9,0,0,0,1,0,0,0"),
    ];

    public static string Pixels() => CsvFixtures.Classic(Rows.Select((r, i) => (i % 7, r.Usage, i)).ToArray());

    public static string Votes(IEnumerable<(string Usage, string Votes)> rows)
        => VotesHeader + "\n" + string.Concat(rows.Select((r, i) => $"{r.Usage},fer{i:0000000}.png,{r.Votes}\n"));

    public static string Votes() => Votes(Rows);
}
