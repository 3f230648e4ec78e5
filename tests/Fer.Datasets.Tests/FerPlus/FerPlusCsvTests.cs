using System.IO.Compression;

namespace Fer.Datasets.Tests;

/// <summary>FER+ from Kaggle's CSV and Microsoft's votes joined by row: splits, rules, and every way the join can be wrong.</summary>
public sealed class FerPlusCsvTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private FerPlusDataset Load(string votes, string? pixels = null, FerPlusLoadOptions? options = null)
        => FerPlus.Load(_folder.Write("fer2013.csv", pixels ?? FerPlusFixtures.Pixels()), _folder.Write("fer2013new.csv", votes), options);

    [Fact]
    public void Rows_are_joined_in_order_and_split_by_usage()
    {
        var data = Load(FerPlusFixtures.Votes());

        Assert.Equal([Fer2013Split.Training, Fer2013Split.PublicTest], data.Splits.Order());
        Assert.Equal(4, data.Training.Count);
        Assert.Equal(CsvFixtures.Face(3), data.Training.GetPixels(3).ToArray());
        Assert.Equal(new byte[] { 1, 0, 0, 0, 0, 0, 0, 7, 2, 0 }, data.Training.GetVotes(3).ToArray());
        Assert.Equal(3, data.Training.GetSourceRow(3));
        Assert.Equal(4, data.PublicTest.GetSourceRow(0));
        Assert.Empty(data.Skipped);
    }

    [Fact]
    public void Majority_selection_keeps_the_agreed_faces_with_FER_plus_class_names()
    {
        var selection = Load(FerPlusFixtures.Votes()).Training.Select(FerPlusLabelMode.Majority);

        Assert.Equal(ClassNames.FerPlus, selection.Faces.ClassNames);
        Assert.Equal([1, 7], selection.Faces.Labels);                 // happy, contempt
        Assert.Equal(TargetKind.Label, selection.Faces.TargetKind);
        Assert.Equal(4, selection.Total);
        Assert.Equal(1, selection.Excluded[FerPlusExclusion.NoAgreement]);
        Assert.Equal(1, selection.Excluded[FerPlusExclusion.NotAFace]);
        Assert.Equal(0, selection.Excluded[FerPlusExclusion.Unknown]);
        Assert.Equal("kept 2 of 4 faces (majority); left out 1 without agreement, 0 unknown, 1 not a face", selection.ToString());
    }

    [Fact]
    public void Cross_entropy_selection_carries_the_vote_distributions()
    {
        var faces = Load(FerPlusFixtures.Votes()).Training.Select(FerPlusLabelMode.CrossEntropy).Faces;

        Assert.Equal(TargetKind.Distribution, faces.TargetKind);
        Assert.Equal(3, faces.Count);
        Assert.Equal([4f / 7, 0, 0, 0, 3f / 7, 0, 0, 0], faces.GetTarget(1));
        Assert.Equal(0, faces.Labels[1]);
        Assert.Equal(TargetKind.DrawnLabel, Load(FerPlusFixtures.Votes()).Training.Select(FerPlusLabelMode.Probability).Faces.TargetKind);
        Assert.Equal(TargetKind.AnyOfLabels, Load(FerPlusFixtures.Votes()).Training.Select(FerPlusLabelMode.MultiTarget).Faces.TargetKind);
    }

    [Fact]
    public void Compressed_files_load_as_plain_ones()
    {
        var pixels = _folder.Combine("fer2013.csv.gz");
        using (var gzip = new GZipStream(File.Create(pixels), CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gzip))
        {
            writer.Write(FerPlusFixtures.Pixels());
        }

        var data = FerPlus.Load(pixels, _folder.Write("fer2013new.csv", FerPlusFixtures.Votes()));
        Assert.Equal(4, data.Training.Count);
    }

    [Fact]
    public void Files_with_different_row_counts_are_refused_naming_both()
    {
        var votes = _folder.Write("fer2013new.csv", FerPlusFixtures.Votes(FerPlusFixtures.Rows.Take(4)));
        var error = Assert.Throws<FerDataException>(() => FerPlus.Load(_folder.Write("fer2013.csv", FerPlusFixtures.Pixels()), votes));

        Assert.Contains("has 5 data rows", error.Message);
        Assert.Contains("fer2013new.csv has 4", error.Message);
        Assert.Contains("fer2013.csv", error.Message);
    }

    [Fact]
    public void The_first_row_whose_usage_differs_is_named_with_both_files()
    {
        var rows = FerPlusFixtures.Rows.ToArray();
        rows[2] = ("PublicTest", rows[2].Votes);
        var error = Assert.Throws<FerDataException>(() => Load(FerPlusFixtures.Votes(rows)));

        Assert.Contains("Row 3 is Training in", error.Message);
        Assert.Contains("(line 4) but PublicTest in", error.Message);
        Assert.Contains("fer2013new.csv", error.Message);
        Assert.Equal(4, error.LineNumber);
    }

    [Theory]
    [InlineData("0,-1,0,0,0,0,0,0,0,0", "happiness vote count -1 is outside [0, 10]")]
    [InlineData("0,11,0,0,0,0,0,0,0,0", "happiness vote count 11 is outside [0, 10]")]
    [InlineData("0,abc,0,0,0,0,0,0,0,0", "happiness vote count 'abc' is not a whole number")]
    [InlineData("0,2.5,0,0,0,0,0,0,0,0", "happiness vote count '2.5' is not a whole number")]
    [InlineData("5,6,0,0,0,0,0,0,0,0", "the vote counts sum to 11")]
    [InlineData("0,10,0,0,0,0,0,0,0", "expected 12 comma-separated fields")]
    [InlineData("0,99999999999999999999,0,0,0,0,0,0,0,0", "is not a whole number")]
    public void Malformed_vote_rows_are_refused_with_line_and_reason(string votes, string expected)
    {
        var rows = FerPlusFixtures.Rows.ToArray();
        rows[1] = ("Training", votes);
        var error = Assert.Throws<FerDataException>(() => Load(FerPlusFixtures.Votes(rows)));

        Assert.Contains("fer2013new.csv, line 3:", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Skipping_leaves_a_malformed_row_out_of_both_files()
    {
        var rows = FerPlusFixtures.Rows.ToArray();
        rows[1] = ("Training", "0,x,0,0,0,0,0,0,0,0");
        var data = Load(FerPlusFixtures.Votes(rows), options: new FerPlusLoadOptions { MalformedRows = MalformedRowHandling.Skip });

        Assert.Equal(3, data.Training.Count);
        Assert.Equal([0, 2, 3], Enumerable.Range(0, 3).Select(data.Training.GetSourceRow));
        Assert.Equal(CsvFixtures.Face(2), data.Training.GetPixels(1).ToArray());
        var skipped = Assert.Single(data.Skipped);
        Assert.Equal(3, skipped.LineNumber);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Usage,Image name,neutral,happiness\n")]
    [InlineData("emotion,pixels,Usage\n")]
    public void A_missing_or_wrong_header_is_refused(string votes)
    {
        var error = Assert.Throws<FerDataException>(() => Load(votes));
        Assert.Contains("fer2013new.csv, line 1:", error.Message);
    }

    [Fact]
    public void A_vote_file_of_one_endless_line_is_refused_without_reading_it_all()
    {
        var error = Assert.Throws<FerDataException>(() => Load(FerPlusFixtures.VotesHeader + "\nTraining," + new string('9', 1_000_000)));
        Assert.Contains("longer than 4,096 characters", error.Message);
    }

    [Fact]
    public void A_bad_usage_and_missing_files_are_refused()
    {
        var rows = FerPlusFixtures.Rows.ToArray();
        rows[0] = ("Trainingx", rows[0].Votes);
        Assert.Contains("Usage 'Trainingx' is not", Assert.Throws<FerDataException>(() => Load(FerPlusFixtures.Votes(rows))).Message);
        Assert.Throws<FileNotFoundException>(() => FerPlus.Load(_folder.Combine("none.csv"), _folder.Write("fer2013new.csv", FerPlusFixtures.Votes())));
        Assert.Throws<FileNotFoundException>(() => FerPlus.Load(_folder.Write("fer2013.csv", FerPlusFixtures.Pixels()), _folder.Combine("none.csv")));
    }

    [Fact]
    public void The_votes_split_keeps_the_proportions_of_the_most_voted_class()
    {
        var rows = Enumerable.Range(0, 40).Select(i => ("Training", i % 4 == 0 ? "0,0,0,0,0,0,0,0,0,10" : "0,10,0,0,0,0,0,0,0,0")).ToArray();
        var pixels = CsvFixtures.Classic(rows.Select((_, i) => (0, "Training", i)).ToArray());
        var (train, validation) = Load(FerPlusFixtures.Votes(rows), pixels).Training.SplitStratified(0.2, seed: 3);

        Assert.Equal(32, train.Count);
        Assert.Equal(8, validation.Count);
        Assert.Equal(2, Enumerable.Range(0, 8).Count(i => validation.GetVotes(i)[9] == 10));
        Assert.Empty(Enumerable.Range(0, 32).Select(train.GetSourceRow).Intersect(Enumerable.Range(0, 8).Select(validation.GetSourceRow)));
    }
}
