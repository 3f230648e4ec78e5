using System.Globalization;

namespace Fer.Cli.Tests;

/// <summary>
/// A tiny FER+ data set in the two-file layout: six PublicTest faces of random pixels (Kaggle's CSV) and their votes
/// (Microsoft's fer2013new.csv). FER+'s rules keep four (one of them contempt) and leave out one without agreement
/// and one not a face.
/// </summary>
internal static class FerPlusFixture
{
    public static (string Pixels, string Votes) Write(string folder)
    {
        var random = new Random(5);
        var pixels = Path.Combine(folder, "fer2013.csv");
        File.WriteAllLines(pixels, new[] { "emotion,pixels,Usage" }.Concat(Enumerable.Range(0, 6).Select(i =>
            $"{i % 7},{string.Join(" ", Enumerable.Range(0, 2304).Select(_ => random.Next(256).ToString(CultureInfo.InvariantCulture)))},PublicTest")));
        string[] votes = ["0,10,0,0,0,0,0,0,0,0", "0,8,0,0,0,0,2,0,0,0", "9,0,0,0,0,0,0,0,1,0", "0,0,0,0,0,0,0,7,3,0", "4,0,0,0,3,3,0,0,0,0", "0,0,0,0,0,0,0,0,0,10"];
        var labels = Path.Combine(folder, "fer2013new.csv");
        File.WriteAllLines(labels, new[] { "Usage,Image name,neutral,happiness,surprise,sadness,anger,disgust,fear,contempt,unknown,NF" }
            .Concat(votes.Select((v, i) => $"PublicTest,fer{i:0000000}.png,{v}")));
        return (pixels, labels);
    }
}
