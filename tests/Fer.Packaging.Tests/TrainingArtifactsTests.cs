using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Fer.Packaging.Tests;

/// <summary>training-artifacts/ holds exactly the files its MANIFEST.md lists, with the sizes and SHA-256 it gives.</summary>
public sealed partial class TrainingArtifactsTests
{
    [GeneratedRegex(@"^\| `(?<path>[^`]+)` \| (?<bytes>\d+) \| `(?<sha>[0-9a-f]{64})` \|")]
    private static partial Regex ManifestRow();

    [Fact]
    public void The_folder_and_its_manifest_agree()
    {
        var folder = Path.Combine(Repository.Root(), "training-artifacts");
        var listed = File.ReadLines(Path.Combine(folder, "MANIFEST.md"))
            .Select(line => ManifestRow().Match(line))
            .Where(match => match.Success)
            .ToDictionary(match => match.Groups["path"].Value, match => (Bytes: long.Parse(match.Groups["bytes"].Value), Sha: match.Groups["sha"].Value));
        var present = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(folder, file).Replace('\\', '/'))
            .Where(path => path != "MANIFEST.md")
            .ToHashSet();

        Assert.Empty(present.Except(listed.Keys));
        Assert.Empty(listed.Keys.Except(present));
        foreach (var (path, expected) in listed)
        {
            var file = Path.Combine(folder, path);
            using var stream = File.OpenRead(file);
            var actual = (Bytes: stream.Length, Sha: Convert.ToHexStringLower(SHA256.HashData(stream)));
            Assert.True(expected == actual, $"{path}: the manifest says {expected.Bytes} bytes, {expected.Sha}; the file has {actual.Bytes} bytes, {actual.Sha}");
        }
    }

    [Fact]
    public void The_embedded_default_model_is_stored_once()
    {
        var root = Repository.Root();
        var embedded = SHA256.HashData(File.ReadAllBytes(Path.Combine(root, "training-artifacts", "compactvgg-student", "default.fer")));
        var copies = Directory.EnumerateFiles(root, "*.fer", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !file.Contains($"{Path.DirectorySeparatorChar}runs{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => SHA256.HashData(File.ReadAllBytes(file)).AsSpan().SequenceEqual(embedded))
            .ToList();
        Assert.Single(copies);
    }
}
