namespace Fer.Datasets.Tests;

/// <summary>
/// The shared FER+ files: sizes and, per mode, the faces kept and their classes, which equal what Microsoft's
/// reference code (src/ferplus.py's rules, with unknown and not-a-face excluded) gives on the same file.
/// </summary>
public sealed class FerPlusSharedDataTests
{
    private static readonly Lazy<FerPlusDataset> Data = new(() =>
    {
        var (pixels, votes) = SharedData.RequireFerPlus();
        return FerPlus.Load(pixels, votes);
    });

    [SkippableFact]
    public void Both_splits_have_all_their_rows()
    {
        SharedData.RequireFerPlus();
        Assert.Equal(28_709, Data.Value.Training.Count);
        Assert.Equal(3_589, Data.Value.PublicTest.Count);
        Assert.Empty(Data.Value.Skipped);
    }

    [SkippableFact]
    public void The_readme_shows_what_the_rules_leave_out_of_PublicTest()
    {
        SharedData.RequireFerPlus();
        var readme = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot(), "README.md"));
        var shown = Data.Value.PublicTest.Select(FerPlusLabelMode.Majority).ToString();

        Assert.Equal("kept 3,199 of 3,589 faces (majority); left out 367 without agreement, 13 unknown, 10 not a face", shown);
        Assert.Contains($"// {shown}", readme);
    }

    [SkippableTheory]
    [InlineData(Fer2013Split.Training, FerPlusLabelMode.Majority, new[] { 8740, 7287, 3149, 3014, 2100, 119, 532, 119 })]
    [InlineData(Fer2013Split.Training, FerPlusLabelMode.CrossEntropy, new[] { 10122, 7503, 3524, 3430, 2407, 169, 641, 160 })]
    [InlineData(Fer2013Split.Training, FerPlusLabelMode.MultiTarget, new[] { 10071, 7492, 3486, 3399, 2327, 153, 598, 145 })]
    [InlineData(Fer2013Split.PublicTest, FerPlusLabelMode.Majority, new[] { 1182, 865, 415, 351, 287, 24, 62, 13 })]
    [InlineData(Fer2013Split.PublicTest, FerPlusLabelMode.Probability, new[] { 1317, 897, 450, 401, 314, 31, 72, 23 })]
    public void The_rules_keep_what_the_reference_code_keeps(Fer2013Split split, FerPlusLabelMode mode, int[] perClass)
    {
        SharedData.RequireFerPlus();
        var selection = Data.Value[split].Select(mode);

        Assert.Equal(perClass, selection.Faces.CountPerClass());
        Assert.Equal(selection.Total, selection.Kept + selection.Excluded.Values.Sum());
    }
}
