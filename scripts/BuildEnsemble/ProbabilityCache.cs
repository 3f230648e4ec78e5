using System.Security.Cryptography;
using System.Text.Json;
using Fer.Core;
using Fer.Datasets;
using Fer;

/// <summary>
/// A member's validation probabilities on disk, keyed by the SHA-256 of its model file and the test-time augmentation,
/// so that trying one more member does not recompute the others (their ten-crop passes are most of the script's time).
/// </summary>
internal sealed class ProbabilityCache(string folder)
{
    private readonly Dictionary<string, string> _hashes = [];

    /// <summary>The probabilities of <paramref name="classifier"/> (loaded from <paramref name="modelPath"/>) on <paramref name="faces"/>, from the cache when they are there.</summary>
    public float[][] Get(string modelPath, EmotionClassifier classifier, LabeledFaces faces, TestTimeAugmentation augmentation)
    {
        if (!_hashes.TryGetValue(modelPath, out var hash))
        {
            using var stream = File.OpenRead(modelPath);
            _hashes[modelPath] = hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        }

        var path = Path.Combine(folder, $"{hash[..16]}-{faces.Count}-{augmentation}.json");
        if (File.Exists(path) && JsonSerializer.Deserialize<float[][]>(File.ReadAllText(path)) is { } cached && cached.Length == faces.Count)
        {
            return cached;
        }

        var probabilities = ScriptEvaluation.Probabilities(classifier, faces, augmentation);
        Directory.CreateDirectory(folder);
        File.WriteAllText(path, JsonSerializer.Serialize(probabilities));
        return probabilities;
    }
}
