using System.IO.Compression;

namespace Fer.Datasets.Tests;

public sealed class Fer2013CsvTests
{
    [Fact]
    public void Reads_the_classic_layout_into_usage_splits()
    {
        using var temp = new TempFolder();
        var path = temp.Write("fer2013.csv", CsvFixtures.Classic((3, "Training", 1), (0, "PublicTest", 2), (6, "Training", 3), (1, "PrivateTest", 4)));
        var data = Fer2013.Load(path);
        Assert.Equal(2, data.Training.Count);
        Assert.Equal([3, 6], data.Training.Labels);
        Assert.Equal(CsvFixtures.Face(3), data.Training.GetPixels(1).ToArray());
        Assert.Equal(1, data.PublicTest.Count);
        Assert.Equal(1, data.PrivateTest.Count);
        Assert.Equal(ImageShape.Fer2013, data.Training.Shape);
        Assert.Equal(ClassNames.Fer2013, data.Training.ClassNames);
    }

    [Fact]
    public void Reads_gzip_compressed_csv_by_content()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("data.csv.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gzip))
        {
            writer.Write(CsvFixtures.Classic((5, "Training", 7)));
        }

        Assert.Equal(CsvFixtures.Face(7), Fer2013.Load(path).Training.GetPixels(0).ToArray());
    }

    [Fact]
    public void Reads_the_icml_layout_with_spaced_headers_and_train_csv_without_usage()
    {
        using var temp = new TempFolder();
        var icml = temp.Write("icml_face_data.csv", $"emotion, Usage, pixels\n2,PublicTest,{CsvFixtures.Pixels(1)}\n4,Training,\"{CsvFixtures.Pixels(2)}\"\n");
        var data = Fer2013.Load(icml);
        Assert.Equal([4], data.Training.Labels);
        Assert.Equal(CsvFixtures.Face(1), data.PublicTest.GetPixels(0).ToArray());

        var train = temp.Write("train.csv", $"emotion,pixels\r\n0,{CsvFixtures.Pixels(3)}\r\n1,{CsvFixtures.Pixels(4)}\r\n");
        var trainData = Fer2013.Load(train);
        Assert.Equal([0, 1], trainData.Training.Labels);
        Assert.False(trainData.Contains(Fer2013Split.PublicTest));
        Assert.Contains("has no PublicTest faces", Assert.Throws<FerDataException>(() => trainData.PublicTest).Message);
    }

    [Theory]
    [InlineData("3,1 2 3,Training", "line 3", "expected 2304 pixel values (48x48), found 3")]
    [InlineData("3,{pixels} x,Training", "line 3", "pixel 2305 'x' is not a number")]
    [InlineData("3,{pixels-bad},Training", "line 3", "is outside 0-255")]
    [InlineData("9,{pixels},Training", "line 3", "label 9 is out of range [0, 6]")]
    [InlineData("happy,{pixels},Training", "line 3", "emotion 'happy' is not a whole number")]
    [InlineData("3,{pixels},Validation", "line 3", "Usage 'Validation' is not Training, PublicTest or PrivateTest")]
    [InlineData("3,{pixels}", "line 3", "expected 3 comma-separated fields, found 2")]
    [InlineData("3,{pixels},1", "line 3", "Usage '1' is not Training, PublicTest or PrivateTest")]
    [InlineData("3,{pixels},", "line 3", "Usage '' is not Training, PublicTest or PrivateTest")]
    public void Malformed_rows_throw_with_file_line_and_reason(string row, string where, string reason)
    {
        using var temp = new TempFolder();
        row = row.Replace("{pixels-bad}", "256 " + string.Join(" ", Enumerable.Repeat("1", 2303)), StringComparison.Ordinal)
                 .Replace("{pixels}", CsvFixtures.Pixels(1), StringComparison.Ordinal);
        var path = temp.Write("bad.csv", CsvFixtures.Classic((3, "Training", 1)) + row + "\n");
        var error = Assert.Throws<FerDataException>(() => Fer2013.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains(where, error.Message);
        Assert.Contains(reason, error.Message);
        Assert.Equal(3, error.LineNumber);
        Assert.Equal(path, error.Input);
    }

    [Fact]
    public void Malformed_rows_are_skipped_and_reported_when_asked()
    {
        using var temp = new TempFolder();
        var path = temp.Write("mixed.csv", CsvFixtures.Classic((3, "Training", 1)) + "3,1 2 3,Training\n" + $"4,{CsvFixtures.Pixels(2)},Training\n");
        var data = Fer2013.Load(path, new Fer2013LoadOptions { MalformedRows = MalformedRowHandling.Skip });
        Assert.Equal([3, 4], data.Training.Labels);
        var skipped = Assert.Single(data.Skipped);
        Assert.Equal(3, skipped.LineNumber);
        Assert.Contains("found 3", skipped.Reason);
    }

    [Fact]
    public void Missing_empty_and_headerless_inputs_are_named()
    {
        using var temp = new TempFolder();
        Assert.Contains("nope.csv", Assert.Throws<FileNotFoundException>(() => Fer2013.Load(temp.Combine("nope.csv"))).Message);
        var empty = temp.Write("empty.csv", "");
        Assert.Contains("the file is empty", Assert.Throws<FerDataException>(() => Fer2013.Load(empty)).Message);
        var headerOnly = temp.Write("header.csv", "emotion,pixels,Usage\n");
        Assert.Contains("no usable rows", Assert.Throws<FerDataException>(() => Fer2013.Load(headerOnly)).Message);
        var unlabelled = temp.Write("test.csv", $"pixels\n{CsvFixtures.Pixels(1)}\n");
        Assert.Contains("no 'emotion' column", Assert.Throws<FerDataException>(() => Fer2013.Load(unlabelled)).Message);
    }

    [Fact]
    public void Custom_class_lists_bound_the_labels()
    {
        using var temp = new TempFolder();
        var path = temp.Write("two.csv", CsvFixtures.Classic((1, "Training", 1), (0, "Training", 2)));
        var data = Fer2013.Load(path, new Fer2013LoadOptions { ClassNames = ["calm", "excited"] });
        Assert.Equal(["calm", "excited"], data.Training.ClassNames);
        var bad = temp.Write("bad.csv", CsvFixtures.Classic((2, "Training", 1)));
        Assert.Contains("label 2 is out of range [0, 1]", Assert.Throws<FerDataException>(() => Fer2013.Load(bad, new Fer2013LoadOptions { ClassNames = ["calm", "excited"] })).Message);
    }
}
