using SkiaSharp;

namespace Fer.Datasets.Tests;

/// <summary>Microsoft's folder layout: FER2013Train/FER2013Valid/FER2013Test with label.csv and fer%07d.png.</summary>
public sealed class FerPlusFolderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Writes a split folder: one 48x48 PNG per row (its pixels from <see cref="CsvFixtures.Face"/>) and label.csv.</summary>
    private void WriteSplit(string name, string[] labelRows)
    {
        for (var i = 0; i < labelRows.Length; i++)
        {
            using var bitmap = new SKBitmap(new SKImageInfo(48, 48, SKColorType.Gray8, SKAlphaType.Opaque));
            System.Runtime.InteropServices.Marshal.Copy(CsvFixtures.Face(i), 0, bitmap.GetPixels(), 48 * 48);
            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            Directory.CreateDirectory(_folder.Combine(name));
            File.WriteAllBytes(_folder.Combine(name, $"fer{i:0000000}.png"), data.ToArray());
        }

        _folder.Write(Path.Combine(name, "label.csv"), string.Join("\n", labelRows) + "\n");
    }

    [Fact]
    public void Both_label_layouts_load_with_their_pixels_and_votes()
    {
        WriteSplit("FER2013Train", ["fer0000000.png,0,10,0,0,0,0,0,0,0,0", "fer0000001.png,\"(0, 0, 48, 48)\",6,0,1,1,0,0,0,0,2,0"]);
        WriteSplit("FER2013Valid", ["fer0000000.png,0,0,9,0,0,0,1,0,0,0"]);

        var data = FerPlus.LoadFolders(_folder.Path);

        Assert.Equal([Fer2013Split.Training, Fer2013Split.PublicTest], data.Splits.Order());
        Assert.Equal(CsvFixtures.Face(1), data.Training.GetPixels(1).ToArray());
        Assert.Equal(new byte[] { 6, 0, 1, 1, 0, 0, 0, 0, 2, 0 }, data.Training.GetVotes(1).ToArray());
        Assert.Equal([1, 0], data.Training.Select(FerPlusLabelMode.Majority).Faces.Labels);
        Assert.Equal([2], data.PublicTest.Select(FerPlusLabelMode.Majority).Faces.Labels);
    }

    [Theory]
    [InlineData("../fer0000000.png,0,10,0,0,0,0,0,0,0,0", "is not a plain file name")]
    [InlineData("/etc/passwd,0,10,0,0,0,0,0,0,0,0", "is not a plain file name")]
    [InlineData("fer0000000.png,0,10,0,0", "expected an image name and 10 vote counts")]
    [InlineData("fer0000000.png,0,12,0,0,0,0,0,0,0,0", "vote count 12 is outside")]
    [InlineData("missing.png,0,10,0,0,0,0,0,0,0,0", "missing.png")]
    public void Bad_rows_and_images_are_refused_by_name(string row, string expected)
    {
        WriteSplit("FER2013Train", ["fer0000000.png,0,10,0,0,0,0,0,0,0,0"]);
        _folder.Write(Path.Combine("FER2013Train", "label.csv"), row + "\n");

        var error = Assert.Throws<FerDataException>(() => FerPlus.LoadFolders(_folder.Path));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void A_corrupt_image_is_skipped_when_asked_and_reported()
    {
        WriteSplit("FER2013Train", ["fer0000000.png,0,10,0,0,0,0,0,0,0,0", "fer0000001.png,10,0,0,0,0,0,0,0,0,0"]);
        File.WriteAllBytes(_folder.Combine("FER2013Train", "fer0000000.png"), [0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

        Assert.Throws<FerDataException>(() => FerPlus.LoadFolders(_folder.Path));
        var data = FerPlus.LoadFolders(_folder.Path, new FerPlusLoadOptions { MalformedRows = MalformedRowHandling.Skip });
        Assert.Equal(1, data.Training.Count);
        Assert.Equal(1, data.Training.GetSourceRow(0));
        Assert.EndsWith("fer0000000.png", Assert.Single(data.Skipped).Input);
    }

    [Fact]
    public void A_folder_without_split_folders_or_label_file_is_refused()
    {
        Assert.Contains("none of FER+'s split folders", Assert.Throws<FerDataException>(() => FerPlus.LoadFolders(_folder.Path)).Message);
        Directory.CreateDirectory(_folder.Combine("FER2013Test"));
        Assert.Contains("has no label.csv", Assert.Throws<FerDataException>(() => FerPlus.LoadFolders(_folder.Path)).Message);
        Assert.Throws<DirectoryNotFoundException>(() => FerPlus.LoadFolders(_folder.Combine("none")));
    }
}
