using SkiaSharp;

namespace Fer.Datasets.Tests;

public sealed class AugmentationPreviewTests
{
    [Fact]
    public void Writes_a_labelled_grid_of_the_faces_training_sees()
    {
        using var temp = new TempFolder();
        var labels = Enumerable.Range(0, 20).Select(i => i % 7).ToArray();
        var faces = LabeledFaces.FromPixels(labels.SelectMany(CsvFixtures.Face).ToArray(), labels);
        var path = temp.Combine("preview.png");
        AugmentationPreview.SavePng(faces, path, Augmentations.Standard(1).Mixup(0.4), count: 12, columns: 4, scale: 2);
        using var bitmap = SKBitmap.Decode(path);
        Assert.Equal(4 * ((48 * 2) + 4), bitmap.Width);
        Assert.Equal(3 * ((48 * 2) + 16 + 4), bitmap.Height);
    }

    [Fact]
    public void Multi_channel_faces_are_refused()
    {
        var faces = LabeledFaces.FromPixels(new byte[3 * 4], [0], new ImageShape(3, 2, 2));
        Assert.Contains("3 channels", Assert.Throws<FerDataException>(() => AugmentationPreview.SavePng(faces, "x.png")).Message);
    }
}
