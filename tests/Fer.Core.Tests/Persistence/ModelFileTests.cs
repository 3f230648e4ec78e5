using System.Security.Cryptography;
using System.Text;

namespace Fer.Core.Tests;

/// <summary>Truncated, corrupted and forged model files end in a clear exception, never a crash.</summary>
public sealed class ModelFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly byte[] _valid;

    public ModelFileTests()
    {
        using var model = SyntheticFaces.SmallNet();
        model.Save(_temp.File("valid.fer"));
        _valid = File.ReadAllBytes(_temp.File("valid.fer"));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Truncation_at_any_point_is_reported()
    {
        foreach (var length in new[] { 0, 4, 15, 100, _valid.Length / 2, _valid.Length - 1 })
        {
            var error = Assert.Throws<FerModelException>(() => Sequential.Load(_valid[..length], "cut.fer"));
            Assert.StartsWith("Invalid model file: cut.fer:", error.Message);
        }
    }

    [Fact]
    public void Flipped_bytes_fail_the_checksum()
    {
        var random = new Random(1);
        for (var i = 0; i < 20; i++)
        {
            var corrupt = (byte[])_valid.Clone();
            corrupt[random.Next(8, corrupt.Length)] ^= 0x40;
            Assert.Throws<FerModelException>(() => Sequential.Load(corrupt, "flip.fer"));
        }
    }

    [Fact]
    public void Wrong_magic_and_future_versions_are_named()
    {
        var notModel = (byte[])_valid.Clone();
        notModel[0] = (byte)'X';
        Assert.Contains("does not start with FERMODEL", Assert.Throws<FerModelException>(() => Sequential.Load(notModel, "x")).Message);
        var future = Forge(_valid, header => header, version: 99);
        Assert.Contains("format version 99", Assert.Throws<FerModelException>(() => Sequential.Load(future, "future.fer")).Message);
    }

    [Theory]
    [InlineData("\"kind\":\"Conv2D\"", "\"kind\":\"Lambda\"", "unknown layer kind 'Lambda'")]
    [InlineData("\"filters\":8", "\"filters\":-8", "filters must be positive")]
    [InlineData("\"rate\":0.1", "\"rate\":\"0.1\"", "'rate' must be a finite number")]
    [InlineData("\"inputShape\":[1,16,16]", "\"inputShape\":[1,16]", "input shape")]
    [InlineData("\"name\":\"model/layers.8.weight\"", "\"name\":\"model/layers.8.weights\"", "has weights the architecture does not: model/layers.8.weights")]
    [InlineData("\"shape\":[3,16]", "\"shape\":[16,3]", "weight 'layers.8.weight' is float32[16, 3] but the architecture needs float32[3, 16]")]
    [InlineData("\"format\":\"fer-model\"", "\"format\":\"pickle\"", "its format is 'pickle'")]
    [InlineData("\"format\":\"fer-model\"", "\"format\":\"fer-model\",\"format\":\"fer-model\"", "its header repeats a key in one JSON object")]
    public void Forged_headers_with_valid_checksums_are_refused(string original, string forged, string expected)
    {
        var file = Forge(_valid, header =>
        {
            Assert.Contains(original, header);
            return header.Replace(original, forged, StringComparison.Ordinal);
        });
        Assert.Contains(expected, Assert.Throws<FerModelException>(() => Sequential.Load(file, "forged.fer")).Message);
    }

    [Fact]
    public void Missing_files_are_named()
        => Assert.Contains("nothing.fer", Assert.Throws<FileNotFoundException>(() => Sequential.Load(_temp.File("nothing.fer"))).Message);

    /// <summary>Rewrites the JSON header (and version) and recomputes the checksum, as a forger would.</summary>
    internal static byte[] Forge(byte[] file, Func<string, string> editHeader, int version = 1)
    {
        var headerLength = BitConverter.ToInt32(file, 12);
        var header = Encoding.UTF8.GetBytes(editHeader(Encoding.UTF8.GetString(file, 16, headerLength)));
        var body = new List<byte>();
        body.AddRange(file[..8]);
        body.AddRange(BitConverter.GetBytes(version));
        body.AddRange(BitConverter.GetBytes(header.Length));
        body.AddRange(header);
        body.AddRange(file[(16 + headerLength)..^32]);
        body.AddRange(SHA256.HashData(body.ToArray()));
        return [.. body];
    }
}
