using System.Buffers.Binary;
using System.Security.Cryptography;
using Fer.Datasets;

namespace Fer.Core.PublicApi.Tests;

/// <summary>
/// An embedded model's probabilities for every face of a test split, for the card tests of the models that cost many
/// network passes per face (the accurate models: 10 to 30 passes, 2 to 6 minutes per split on two cores). They are
/// stored beside the tests (<c>Classifier/CardPredictions/&lt;name&gt;.bin</c>, about 100 KB each: float32 per face and
/// class) under a key: SHA-256 of the model's embedded file, its test-time augmentation and temperature, and the
/// split's pixels and labels. Each run then checks the stored probabilities against the live model on a fresh random
/// sample of faces (any change of weights, inference code or native library shows there) and computes the card's
/// figures from them against the labels read from the shared data.
/// The whole split is predicted again, and the file rewritten, when the key differs (a new model or other faces) or
/// when FER_FULL_CARD_TESTS=1 is set; commit the rewritten file.
/// </summary>
internal static class CardPredictions
{
    private const string FullVariable = "FER_FULL_CARD_TESTS";
    private static readonly byte[] Magic = "FERCARD1"u8.ToArray();

    /// <summary>The largest difference per probability between the stored and the live model: float32 across CPUs and instruction sets.</summary>
    private const float Tolerance = 2e-4f;

    /// <summary>
    /// The probabilities of <paramref name="classifier"/> (loaded from the embedded <paramref name="modelBytes"/>) for
    /// every face of <paramref name="faces"/>, in its class order: stored and checked on <paramref name="sample"/>
    /// random faces, or predicted in full.
    /// </summary>
    public static IReadOnlyList<float[]> For(EmotionClassifier classifier, byte[] modelBytes, LabeledFaces faces, string name, int sample = 96)
    {
        Assert.Equal(faces.ClassNames, classifier.ClassNames);
        var path = Path.Combine(Folder(), name + ".bin");
        var key = Key(classifier, modelBytes, faces);
        var stored = Environment.GetEnvironmentVariable(FullVariable) == "1" ? null : Read(path, key, faces.Count, classifier.ClassNames.Count);
        if (stored is null)
        {
            var all = Predict(classifier, faces, Enumerable.Range(0, faces.Count).ToArray());
            Write(path, key, all);
            return all;
        }

        var seed = Environment.TickCount;
        var indices = Enumerable.Range(0, faces.Count).ToArray();
        new Random(seed).Shuffle(indices);
        var chosen = indices.Take(Math.Min(sample, faces.Count)).Order().ToArray();
        var live = Predict(classifier, faces, chosen);
        for (var i = 0; i < chosen.Length; i++)
        {
            for (var c = 0; c < live[i].Length; c++)
            {
                var difference = Math.Abs(live[i][c] - stored[chosen[i]][c]);
                Assert.True(difference <= Tolerance,
                    $"{name}: face {chosen[i]}, class {classifier.ClassNames[c]}: the model gives {live[i][c]}, {path} stores {stored[chosen[i]][c]} (sample seed {seed}). "
                    + $"Inference changed: if that is meant, run the card tests with {FullVariable}=1 and commit the rewritten file.");
            }
        }

        return stored;
    }

    /// <summary>Accuracy, macro F1 and the rest of <paramref name="probabilities"/> against the faces' labels.</summary>
    public static ClassificationMetrics Metrics(LabeledFaces faces, IReadOnlyList<float[]> probabilities)
    {
        var accumulator = new MetricsAccumulator(faces.ClassNames);
        accumulator.AddBatch(faces.Labels, probabilities);
        return accumulator.Compute();
    }

    /// <summary>The bytes of Fer.Core's embedded model file <paramref name="resource"/> (e.g. <c>Fer.Core.Models.accurate.fer</c>).</summary>
    public static byte[] EmbeddedFile(string resource)
    {
        using var stream = typeof(EmotionClassifier).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Fer.Core embeds no {resource}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static float[][] Predict(EmotionClassifier classifier, LabeledFaces faces, int[] indices)
    {
        var pixelCount = faces.Shape.PixelCount;
        var result = new List<float[]>(indices.Length);
        foreach (var chunk in indices.Chunk(256))
        {
            var pixels = new byte[chunk.Length * pixelCount];
            for (var i = 0; i < chunk.Length; i++)
            {
                faces.GetPixels(chunk[i]).CopyTo(pixels.AsSpan(i * pixelCount));
            }

            result.AddRange(classifier.PredictPixelBatch(pixels).Select(p => classifier.ClassNames.Select(c => p.Probabilities[c]).ToArray()));
        }

        return [.. result];
    }

    private static byte[] Key(EmotionClassifier classifier, byte[] modelBytes, LabeledFaces faces)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(SHA256.HashData(modelBytes));
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(FormattableString.Invariant($"{classifier.TestTimeAugmentation};{classifier.Temperature:R};{faces.Count}")));
        Span<byte> label = stackalloc byte[4];
        for (var i = 0; i < faces.Count; i++)
        {
            hash.AppendData(faces.GetPixels(i));
            BinaryPrimitives.WriteInt32LittleEndian(label, faces.Labels[i]);
            hash.AppendData(label);
        }

        return hash.GetHashAndReset();
    }

    /// <summary>The stored probabilities, or null when the file is absent or was made for another key or shape.</summary>
    private static float[][]? Read(string path, byte[] key, int count, int classes)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var bytes = File.ReadAllBytes(path);
        var header = Magic.Length + key.Length + 8;
        if (bytes.Length != header + (count * classes * 4) || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)
            || !bytes.AsSpan(Magic.Length, key.Length).SequenceEqual(key)
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Magic.Length + key.Length)) != count
            || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Magic.Length + key.Length + 4)) != classes)
        {
            return null;
        }

        var result = new float[count][];
        for (var i = 0; i < count; i++)
        {
            result[i] = new float[classes];
            for (var c = 0; c < classes; c++)
            {
                result[i][c] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(header + (((i * classes) + c) * 4)));
            }
        }

        return result;
    }

    private static void Write(string path, byte[] key, float[][] probabilities)
    {
        var classes = probabilities[0].Length;
        using var stream = File.Create(path);
        stream.Write(Magic);
        stream.Write(key);
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(number, probabilities.Length);
        stream.Write(number);
        BinaryPrimitives.WriteInt32LittleEndian(number, classes);
        stream.Write(number);
        foreach (var row in probabilities)
        {
            foreach (var value in row)
            {
                BinaryPrimitives.WriteSingleLittleEndian(number, value);
                stream.Write(number);
            }
        }
    }

    /// <summary>The source folder of the stored files (the repository's, so that a rewrite lands where it is committed).</summary>
    private static string Folder()
        => Directory.CreateDirectory(Path.Combine(SharedData.RepositoryRoot(), "tests", "Fer.Core.PublicApi.Tests", "Classifier", "CardPredictions")).FullName;
}
