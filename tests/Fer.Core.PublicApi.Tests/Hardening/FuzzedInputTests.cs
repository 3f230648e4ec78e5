using Fer.Datasets;
using SkiaSharp;

namespace Fer.Core.PublicApi.Tests;

/// <summary>
/// A fixed, seeded corpus of 700 corrupted inputs (200 face images, 100 photos through face detection, 200 CSV files,
/// 200 model files): every one must end in a clear exception of the documented kinds (or be read correctly), never a
/// crash or a hang.
/// </summary>
public sealed class FuzzedInputTests(TrainedClassifierFixture fixture) : IClassFixture<TrainedClassifierFixture>
{
    private static readonly Type[] Expected = [typeof(FerDataException), typeof(FerModelException)];

    [Fact]
    public void Corrupted_and_truncated_images_throw_clear_exceptions()
    {
        var random = new Random(20261125);
        var face = TestImages.Face(1);
        var encodings = new[] { SKEncodedImageFormat.Png, SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Webp }
            .Select(f => TestImages.Encode(face, 48, 48, f)).ToArray();
        AssertReadOrDataException(200, minimumDataExceptions: 51, i =>
        {
            var bytes = Mutate(encodings[i % encodings.Length], random);
            return () => fixture.Classifier.Predict(bytes);
        });
    }

    [Fact]
    public void Corrupted_photos_end_in_clear_exceptions_or_faces()
    {
        var random = new Random(7007);
        var photo = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Photos", "group1.jpg"));
        using var detector = new Fer.Detection.BlazeFaceDetector();
        AssertReadOrDataException(100, minimumDataExceptions: 11, i =>
        {
            var bytes = Mutate(photo, random);
            return () =>
            {
                using var decoded = Photo.Decode(bytes, $"case {i}");
                fixture.Classifier.PredictFaces(decoded, detector);
            };
        });
    }

    [Fact]
    public void Malformed_csv_files_throw_with_the_line()
    {
        var random = new Random(7);
        var pixels = string.Join(" ", TestImages.Face(2).Select(b => b.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var valid = $"emotion,pixels,Usage\n3,{pixels},Training\n5,{pixels},PublicTest\n";
        var path = Path.Combine(Path.GetTempPath(), $"fer-fuzz-{Guid.NewGuid():N}.csv");
        try
        {
            for (var i = 0; i < 200; i++)
            {
                var text = valid.ToCharArray();
                var edits = 1 + random.Next(4);
                for (var e = 0; e < edits; e++)
                {
                    text[random.Next(text.Length)] = "0123456789, \n\"x-."[random.Next(16)];
                }

                var content = new string(text);
                File.WriteAllText(path, random.Next(5) == 0 ? content[..random.Next(content.Length)] : content);
                var outcome = Outcome(() => Fer2013.Load(path));
                Assert.True(outcome is "ok" or nameof(FerDataException), $"case {i}: {outcome}");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Truncated_and_forged_model_files_throw_clear_exceptions()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fer-fuzz-{Guid.NewGuid():N}.fer");
        fixture.Classifier.Save(path);
        var valid = File.ReadAllBytes(path);
        File.Delete(path);
        var random = new Random(11);
        for (var i = 0; i < 200; i++)
        {
            var bytes = Mutate(valid, random);
            var outcome = Outcome(() => Sequential.Load(bytes, $"case {i}").Dispose());
            Assert.True(outcome is nameof(FerModelException) || (outcome == "ok" && bytes.AsSpan().SequenceEqual(valid)), $"case {i}: {outcome}");
        }
    }

    [Fact]
    public void A_decompression_bomb_is_refused_before_decoding()
    {
        // A valid PNG whose header claims 60,000 x 60,000 pixels (3.6 gigapixels).
        var png = ForgedImages.DecompressionBombPng(60_000);
        var error = Assert.Throws<FerDataException>(() => fixture.Classifier.Predict(png));
        Assert.Contains("60000x60000", error.Message);
        Assert.Contains("refused", error.Message);
    }

    /// <summary>Truncates, flips bytes, overwrites runs or appends garbage, chosen by the seeded generator.</summary>
    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        switch (random.Next(4))
        {
            case 0:
                return bytes[..random.Next(bytes.Length)];
            case 1:
                for (var k = 0; k < 1 + random.Next(8); k++)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            case 2:
                var start = random.Next(bytes.Length);
                random.NextBytes(bytes.AsSpan(start, Math.Min(bytes.Length - start, 1 + random.Next(64))));
                return bytes;
            default:
                var garbage = new byte[1 + random.Next(256)];
                random.NextBytes(garbage);
                return [.. bytes[..random.Next(bytes.Length)], .. garbage];
        }
    }

    /// <summary>
    /// Runs <paramref name="count"/> cases made by <paramref name="makeCase"/> (in order, so that a seeded generator
    /// inside it stays repeatable) and asserts that each was read or threw a <see cref="FerDataException"/>, and that
    /// at least <paramref name="minimumDataExceptions"/> threw (the corruption reached the reader).
    /// </summary>
    private static void AssertReadOrDataException(int count, int minimumDataExceptions, Func<int, Action> makeCase)
    {
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < count; i++)
        {
            var outcome = Outcome(makeCase(i));
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        var tally = string.Join(", ", outcomes.Select(kv => $"{kv.Key}: {kv.Value}"));
        Assert.True(outcomes.Keys.All(k => k is "ok" or nameof(FerDataException)), tally);
        Assert.True(outcomes.GetValueOrDefault(nameof(FerDataException)) >= minimumDataExceptions, tally);
    }

    private static string Outcome(Action action)
    {
        try
        {
            action();
            return "ok";
        }
        catch (Exception e) when (Expected.Contains(e.GetType()))
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            return e.GetType().Name;
        }
        catch (Exception e)
        {
            return $"unexpected {e.GetType().Name}: {e.Message}";
        }
    }
}
