using NumSharp;

namespace Fer.Datasets.Tests;

public sealed class LabeledFacesTests
{
    private static LabeledFaces Make(int perClass, int classes = 7)
    {
        var labels = Enumerable.Range(0, perClass * classes).Select(i => i % classes).ToArray();
        var pixels = labels.SelectMany((l, i) => Enumerable.Repeat((byte)(i % 256), 4)).ToArray();
        return LabeledFaces.FromPixels(pixels, labels, new ImageShape(1, 2, 2), classes == 7 ? null : Enumerable.Range(0, classes).Select(c => $"c{c}").ToArray());
    }

    [Fact]
    public void Stratified_split_keeps_class_shares_and_is_seeded()
    {
        var data = Make(20);
        var (train, validation) = data.SplitStratified(0.25, seed: 1);
        Assert.Equal(Enumerable.Repeat(15, 7), train.CountPerClass());
        Assert.Equal(Enumerable.Repeat(5, 7), validation.CountPerClass());
        var again = data.SplitStratified(0.25, seed: 1).Validation;
        Assert.Equal(validation.GetPixels(3).ToArray(), again.GetPixels(3).ToArray());
        var other = data.SplitStratified(0.25, seed: 2).Validation;
        Assert.NotEqual(Enumerable.Range(0, validation.Count).Select(i => validation.GetPixels(i)[0]), Enumerable.Range(0, other.Count).Select(i => other.GetPixels(i)[0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => data.SplitStratified(1.0));
    }

    [Fact]
    public void Sampling_subsets_and_concatenation()
    {
        var data = Make(10);
        var sample = data.SampleStratified(14, seed: 3);
        Assert.Equal(Enumerable.Repeat(2, 7), sample.CountPerClass());
        var subset = data.Subset([5, 5, 0]);
        Assert.Equal([5, 5, 0], subset.Labels);
        Assert.Equal(data.Count + 3, data.Concat(subset).Count);
    }

    [Fact]
    public void Bad_construction_is_refused_with_the_problem()
    {
        Assert.Contains("need 8 pixel values, but 7 were given", Assert.Throws<FerDataException>(() => LabeledFaces.FromPixels(new byte[7], [0, 1], new ImageShape(1, 2, 2))).Message);
        Assert.Contains("label 7 of image 1 is outside [0, 6]", Assert.Throws<FerDataException>(() => LabeledFaces.FromPixels(new byte[8], [0, 7], new ImageShape(1, 2, 2))).Message);
        Assert.Contains("empty", Assert.Throws<FerDataException>(() => LabeledFaces.FromPixels(Array.Empty<byte>(), Array.Empty<int>())).Message);
        Assert.Contains("pixels[1] is 1.5", Assert.Throws<FerDataException>(() => LabeledFaces.FromPixels(new[] { 0f, 1.5f, 0f, 0f }, [0], new ImageShape(1, 2, 2))).Message);
        Assert.Throws<ArgumentException>(() => LabeledFaces.FromPixels(new byte[4], [0], new ImageShape(1, 2, 2), ["same", "SAME"]));
    }

    [Fact]
    public void NDArrays_of_bytes_or_unit_floats_load_in_several_shapes()
    {
        var bytes = np.arange(0, 2 * 48 * 48).astype(NPTypeCode.Int32);
        var images = (bytes % 256).astype(NPTypeCode.Byte).reshape(2, 48, 48);
        var labels = np.array(new[] { 3, 5 });
        var fromBytes = LabeledFaces.FromNDArray(images, labels);
        Assert.Equal(ImageShape.Fer2013, fromBytes.Shape);
        Assert.Equal((byte)5, fromBytes.GetPixels(0)[5]);

        var floats = LabeledFaces.FromNDArray(images.astype(NPTypeCode.Single) / 255f, labels);
        Assert.Equal(fromBytes.GetPixels(1).ToArray(), floats.GetPixels(1).ToArray());
        var flat = LabeledFaces.FromNDArray(images.reshape(2, 2304), labels);
        Assert.Equal(fromBytes.GetPixels(1).ToArray(), flat.GetPixels(1).ToArray());
        Assert.Contains("shape (N, H, W)", Assert.Throws<FerDataException>(() => LabeledFaces.FromNDArray(np.zeros(new Shape(2, 100), NPTypeCode.Byte), labels)).Message);
        Assert.Contains("not a whole number", Assert.Throws<FerDataException>(() => LabeledFaces.FromNDArray(images, np.array(new[] { 0.5, 1.0 }))).Message);
    }

    [Fact]
    public void Class_weights_follow_their_formulas()
    {
        var labels = Enumerable.Repeat(0, 6).Concat(Enumerable.Repeat(1, 2)).ToArray();
        var data = LabeledFaces.FromPixels(new byte[8], labels, new ImageShape(1, 1, 1), ["a", "b", "c"]);
        Assert.Equal([8.0 / (3 * 6), 8.0 / (3 * 2), 0], ClassWeights.InverseFrequency(data));
        var effective = ClassWeights.EffectiveNumber(data, 0.9);
        var raw = new[] { 0.1 / (1 - Math.Pow(0.9, 6)), 0.1 / (1 - Math.Pow(0.9, 2)) };
        Assert.Equal(raw[0] * 2 / raw.Sum(), effective[0], 12);
        Assert.Equal(raw[1] * 2 / raw.Sum(), effective[1], 12);
        Assert.Equal(0, effective[2]);
        var sampling = ClassWeights.BalancedSampleWeights(data);
        Assert.Equal(1.0 / 6, sampling[0]);
        Assert.Equal(0.5, sampling[7]);
    }
}
