using SkiaSharp;

namespace Fer.Datasets.Tests;

public sealed class Fer2013FolderTests
{
    [Fact]
    public void Reads_split_and_class_folders_case_insensitively_and_converts_any_image_to_48px_gray()
    {
        using var temp = new TempFolder();
        WriteImage(temp.Combine("train", "Happy", "a.png"), CsvFixtures.Face(1), 48, 48, SKEncodedImageFormat.Png);
        WriteImage(temp.Combine("train", "angry", "b.jpg"), CsvFixtures.Face(2), 48, 48, SKEncodedImageFormat.Jpeg);
        WriteImage(temp.Combine("test", "SAD", "c.png"), Enumerable.Repeat((byte)128, 96 * 64).ToArray(), 96, 64, SKEncodedImageFormat.Png, color: true);
        File.WriteAllText(temp.Combine("train", "Happy", "notes.txt"), "not an image");

        var data = Fer2013.LoadFolders(temp.Path);
        Assert.Equal(2, data.Training.Count);
        Assert.Equal([0, 3], data.Training.Labels);
        Assert.Equal(CsvFixtures.Face(1), data.Training.GetPixels(1).ToArray());
        Assert.Equal(1, data.PublicTest.Count);
        Assert.All(data.PublicTest.GetPixels(0).ToArray(), p => Assert.InRange(p, 126, 130));
    }

    [Fact]
    public void A_root_of_class_folders_is_all_training()
    {
        using var temp = new TempFolder();
        WriteImage(temp.Combine("neutral", "x.png"), CsvFixtures.Face(3), 48, 48, SKEncodedImageFormat.Png);
        Assert.Equal([6], Fer2013.LoadFolders(temp.Path).Training.Labels);
    }

    [Fact]
    public void Corrupt_images_unknown_classes_and_empty_folders_are_named()
    {
        using var temp = new TempFolder();
        WriteImage(temp.Combine("train", "happy", "good.png"), CsvFixtures.Face(1), 48, 48, SKEncodedImageFormat.Png);
        var corrupt = temp.Combine("train", "happy", "corrupt.jpg");
        File.WriteAllBytes(corrupt, [0xFF, 0xD8, 0xFF, 0x00, 0x13]);
        var error = Assert.Throws<FerDataException>(() => Fer2013.LoadFolders(temp.Path));
        Assert.Contains(corrupt, error.Message);
        Assert.Equal(corrupt, error.Input);

        var skipped = Fer2013.LoadFolders(temp.Path, new Fer2013LoadOptions { MalformedRows = MalformedRowHandling.Skip });
        Assert.Equal(1, skipped.Training.Count);
        Assert.Equal(corrupt, Assert.Single(skipped.Skipped).Input);

        File.Delete(corrupt);
        Directory.CreateDirectory(temp.Combine("train", "contempt"));
        Assert.Contains("'contempt' is not one of the classes", Assert.Throws<FerDataException>(() => Fer2013.LoadFolders(temp.Path)).Message);

        using var empty = new TempFolder();
        Directory.CreateDirectory(empty.Combine("train", "happy"));
        Assert.Contains("holds no images", Assert.Throws<FerDataException>(() => Fer2013.LoadFolders(empty.Path)).Message);
        Assert.Throws<DirectoryNotFoundException>(() => Fer2013.LoadFolders(empty.Combine("missing")));
    }

    internal static void WriteImage(string path, byte[] gray, int width, int height, SKEncodedImageFormat format, bool color = false)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, color ? SKColorType.Rgba8888 : SKColorType.Gray8, SKAlphaType.Opaque));
        var span = bitmap.GetPixelSpan();
        for (var i = 0; i < gray.Length; i++)
        {
            if (color)
            {
                span[(i * 4) + 0] = span[(i * 4) + 1] = span[(i * 4) + 2] = gray[i];
                span[(i * 4) + 3] = 255;
            }
            else
            {
                span[i] = gray[i];
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 100);
        File.WriteAllBytes(path, data.ToArray());
    }
}
