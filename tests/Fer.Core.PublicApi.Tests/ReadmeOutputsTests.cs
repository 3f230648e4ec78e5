using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;

namespace Fer.Core.PublicApi.Tests;

/// <summary>The outputs that README.md shows in its comments are what the code prints (invariant culture).</summary>
public sealed class ReadmeOutputsTests
{
    private static readonly string[] Readme = File.ReadAllLines(Path.Combine(SharedData.RepositoryRoot(), "README.md"));

    /// <summary>The comment after the first README line that contains <paramref name="code"/>, without a trailing "  (…)" remark.</summary>
    /// <param name="code">The code on the line.</param>
    /// <param name="after">When given, only lines after the first one that contains it are searched.</param>
    private static string CommentAfter(string code, string? after = null)
    {
        var start = after is null ? 0 : Array.FindIndex(Readme, l => l.Contains(after, StringComparison.Ordinal));
        Assert.True(start >= 0, $"README.md has no line with {after}");
        var line = Readme.Skip(start).First(l => l.Contains(code, StringComparison.Ordinal));
        var comment = line[(line.IndexOf("// ", line.IndexOf(code, StringComparison.Ordinal), StringComparison.Ordinal) + 3)..];
        var remark = comment.IndexOf("  (", StringComparison.Ordinal);
        return (remark < 0 ? comment : comment[..remark]).Trim();
    }

    [Fact]
    public void The_photo_example_prints_what_the_readme_shows()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            using var classifier = EmotionClassifier.LoadDefault();
            using var detector = new Fer.Detection.BlazeFaceDetector();
            var first = classifier.PredictFaces(Path.Combine(AppContext.BaseDirectory, "Photos", "group1.jpg"), detector)[0];
            Assert.Equal(CommentAfter("Console.WriteLine(face);"), first.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void The_deploy_without_LibTorch_example_prints_what_the_readme_shows()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try
        {
            using var classifier = Fer.Onnx.OnnxEmotionClassifier.LoadDefault();
            using var detector = new Fer.Detection.BlazeFaceDetector();
            var first = classifier.PredictFaces(Path.Combine(AppContext.BaseDirectory, "Photos", "group1.jpg"), detector)[0];
            Assert.Equal(CommentAfter("Console.WriteLine(face);", after: "OnnxEmotionClassifier.LoadDefault();"), first.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [SkippableFact]
    public void The_first_example_prints_what_the_readme_shows_for_the_quick_starts_happy_face()
    {
        var tarball = SharedData.RequireImagesTar();
        var face = Path.Combine(Directory.CreateTempSubdirectory("fer-readme-face-").FullName, "face.jpg");
        try
        {
            using (var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
            using (var tar = new TarReader(gzip))
            {
                while (tar.GetNextEntry() is { } entry)
                {
                    if (entry.Name.EndsWith("test/happy/PublicTest_10130075.jpg", StringComparison.Ordinal))
                    {
                        entry.ExtractToFile(face, overwrite: true);
                        break;
                    }
                }
            }

            Assert.True(File.Exists(face), "the quick start's happy face is not in the images tarball");
            var previous = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            try
            {
                using var classifier = EmotionClassifier.LoadDefault();
                EmotionPrediction p = classifier.Predict(face);
                Assert.Equal(CommentAfter("{p.Confidence:P1}\");"), $"{p.Emotion} {p.Confidence:P1}");
            }
            finally
            {
                CultureInfo.CurrentCulture = previous;
            }
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(face)!, recursive: true);
        }
    }
}
