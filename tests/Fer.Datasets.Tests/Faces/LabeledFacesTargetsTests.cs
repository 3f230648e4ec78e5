namespace Fer.Datasets.Tests;

/// <summary>Faces whose training targets are distributions: checked on creation, labelled by their top class, kept by every selection.</summary>
public sealed class LabeledFacesTargetsTests
{
    private static readonly ImageShape Tiny = new(1, 2, 2);
    private static readonly string[] Three = ["a", "b", "c"];

    private static LabeledFaces Faces(TargetKind kind = TargetKind.Distribution)
        => LabeledFaces.FromDistributions(new byte[3 * 4], [0.2f, 0.5f, 0.3f, 1f, 0, 0, 0.5f, 0, 0.5f], kind, Tiny, Three);

    [Fact]
    public void Labels_are_the_top_class_the_first_on_a_tie()
    {
        var faces = Faces();

        Assert.Equal([1, 0, 0], faces.Labels);
        Assert.True(faces.HasDistributions);
        Assert.Equal(TargetKind.Distribution, faces.TargetKind);
        Assert.Equal([0.2f, 0.5f, 0.3f], faces.GetTarget(0));
    }

    [Fact]
    public void Label_faces_give_one_hot_targets()
    {
        var faces = LabeledFaces.FromPixels(new byte[8], [2, 0], Tiny, Three);

        Assert.False(faces.HasDistributions);
        Assert.Equal(TargetKind.Label, faces.TargetKind);
        Assert.Equal([0f, 0, 1], faces.GetTarget(0));
    }

    [Fact]
    public void Subsets_splits_and_concatenations_keep_the_distributions()
    {
        var faces = Faces(TargetKind.DrawnLabel);

        var subset = faces.Subset([2, 0]);
        Assert.Equal(TargetKind.DrawnLabel, subset.TargetKind);
        Assert.Equal([0.5f, 0, 0.5f], subset.GetTarget(0));
        Assert.Equal([0.2f, 0.5f, 0.3f], subset.GetTarget(1));

        var both = faces.Concat(faces);
        Assert.Equal(6, both.Count);
        Assert.Equal([0.5f, 0, 0.5f], both.GetTarget(5));

        Assert.Throws<FerDataException>(() => faces.Concat(Faces(TargetKind.Distribution)));
    }

    [Theory]
    [InlineData(new[] { 0.5f, 0.5f, 0.5f }, "sums to 1.5")]
    [InlineData(new[] { -0.5f, 1f, 0.5f }, "holds -0.5")]
    [InlineData(new[] { float.NaN, 1f, 0f }, "holds NaN")]
    [InlineData(new[] { 1f, 0f }, "not a whole number of distributions")]
    public void Bad_distributions_are_refused(float[] distribution, string expected)
    {
        var error = Assert.Throws<FerDataException>(() => LabeledFaces.FromDistributions(new byte[4], distribution, TargetKind.Distribution, Tiny, Three));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Distributions_need_a_distribution_kind_and_matching_pixels()
    {
        Assert.Throws<ArgumentException>(() => LabeledFaces.FromDistributions(new byte[4], [1f, 0, 0], TargetKind.Label, Tiny, Three));
        Assert.Throws<FerDataException>(() => LabeledFaces.FromDistributions(new byte[8], [1f, 0, 0], TargetKind.Distribution, Tiny, Three));
    }
}
