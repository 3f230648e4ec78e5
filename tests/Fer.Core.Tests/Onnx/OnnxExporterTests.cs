using Fer.Core.Onnx.Schema;
using Fer.Datasets;

namespace Fer.Core.Tests;

public sealed class OnnxExporterTests
{
    private const double Tolerance = 1e-5;

    public static TheoryData<string> Presets() => [.. Architectures.All.Select(a => a.Name)];

    [Theory]
    [MemberData(nameof(Presets))]
    public void Every_preset_with_random_batch_norm_statistics_gives_the_same_probabilities_in_ONNX_Runtime(string preset)
    {
        using var model = Architectures.FromName(preset).Build(seed: 3);
        model.ClassNames = ClassNames.Fer2013;
        model.Normalization = Normalization.Fer2013;
        OnnxParity.RandomizeBatchNorms(model, seed: 5);
        var faces = RealFaces.Pixels();
        var expected = model.Predict(LabeledFaces.FromPixels(faces, new int[faces.Length / 2304]));

        var actual = OnnxParity.Run(OnnxExporter.Export(model), faces, model.InputShape);

        Assert.InRange(OnnxParity.MaxDifference(expected, actual), 0, Tolerance);
    }

    [Fact]
    public void Every_layer_kind_exports_with_asymmetric_padding_and_matches()
    {
        // An odd input size makes "same" padding asymmetric for the strided convolution and pools.
        using var model = new Sequential((1, 23, 23), seed: 2)
            .Add(Layers.Conv2D(6, kernel: 3, stride: 2, padding: Padding.Same))
            .Add(Layers.BatchNorm())
            .Add(Layers.ELU())
            .Add(Layers.SeparableConv2D(8, kernel: 3, padding: Padding.Same, depthMultiplier: 2))
            .Add(Layers.BatchNorm())
            .Add(Layers.Activation(ActivationKind.LeakyReLU))
            .Add(Layers.BatchNorm())
            .Add(Layers.Residual(
                [Layers.Conv2D(8, kernel: 3, padding: Padding.Same, useBias: false), Layers.BatchNorm(), Layers.GELU(), Layers.SeparableConv2D(8, kernel: 3, padding: Padding.Same, useBias: false)],
                activation: ActivationKind.ReLU))
            .Add(Layers.Residual(
                [Layers.Conv2D(10, kernel: 3, stride: 2, padding: Padding.Same), Layers.ReLU()],
                shortcut: [Layers.Conv2D(10, kernel: 1, stride: 2, padding: Padding.Same), Layers.BatchNorm()]))
            .Add(Layers.MaxPool2D(3, stride: 2, padding: Padding.Same))
            .Add(Layers.Conv2D(12, kernel: 2, padding: Padding.Valid))
            .Add(Layers.AvgPool2D(2, stride: 1, padding: Padding.Same))
            .Add(Layers.Dropout(0.3))
            .Add(Layers.Flatten())
            .Add(Layers.Dense(16, useBias: false))
            .Add(Layers.BatchNorm())
            .Add(Layers.GELU())
            .Add(Layers.Dense(3))
            .Add(Layers.Softmax());
        model.ClassNames = ["a", "b", "c"];
        OnnxParity.RandomizeBatchNorms(model, seed: 9);
        var images = RandomImages(40, model.InputShape, seed: 4);
        var expected = model.Predict(LabeledFaces.FromPixels(images, new int[40], model.InputShape, model.ClassNames));

        var actual = OnnxParity.Run(OnnxExporter.Export(model), images, model.InputShape);

        Assert.InRange(OnnxParity.MaxDifference(expected, actual), 0, Tolerance);
    }

    [Fact]
    public void Global_average_pooling_and_a_model_without_softmax_get_a_softmax_output()
    {
        using var model = new Sequential((1, 12, 12), seed: 1)
            .Add(Layers.Conv2D(4, kernel: 3))
            .Add(Layers.GlobalAvgPool2D())
            .Add(Layers.Dense(2));
        model.ClassNames = ["no", "yes"];
        var images = RandomImages(5, model.InputShape, seed: 1);

        var actual = OnnxParity.Run(OnnxExporter.Export(model), images, model.InputShape);

        var expected = model.Predict(LabeledFaces.FromPixels(images, new int[5], model.InputShape, model.ClassNames));
        Assert.InRange(OnnxParity.MaxDifference(expected, actual), 0, Tolerance);
        Assert.All(actual, p => Assert.Equal(1.0, p.Sum(), 5));
    }

    [Fact]
    public void The_model_records_its_signature_and_metadata()
    {
        using var model = Architectures.TinyVgg.Build(seed: 1);
        model.ClassNames = ClassNames.Fer2013;
        model.Normalization = Normalization.Fer2013;
        model.TrainingInfo["recipe"] = "test";

        var proto = ModelProto.Parser.ParseFrom(OnnxExporter.Export(model));

        Assert.Equal(17, proto.OpsetImport.Single(o => o.Domain == "").Version);
        Assert.Equal("pixels", proto.Graph.Input.Single().Name);
        Assert.Equal("N", proto.Graph.Input[0].Type.TensorType.Shape.Dim[0].DimParam);
        Assert.Equal([1L, 48, 48], proto.Graph.Input[0].Type.TensorType.Shape.Dim.Skip(1).Select(d => d.DimValue));
        Assert.Equal("probabilities", proto.Graph.Output.Single().Name);
        Assert.Equal(7, proto.Graph.Output[0].Type.TensorType.Shape.Dim[1].DimValue);
        Assert.DoesNotContain(proto.Graph.Node, n => n.OpType is "Dropout" or "BatchNormalization");
        var metadata = proto.MetadataProps.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("[\"angry\",\"disgust\",\"fear\",\"happy\",\"sad\",\"surprise\",\"neutral\"]", metadata["fer.class_names"]);
        Assert.Equal("1,48,48", metadata["fer.input_shape"]);
        Assert.Equal("0-255", metadata["fer.input_range"]);
        Assert.Equal("0.5077", metadata["fer.normalization_mean"]);
        Assert.Equal("0.255", metadata["fer.normalization_std"]);
        Assert.Equal("test", metadata["fer.training.recipe"]);
        Assert.Equal("TinyVgg", metadata["fer.training.architecture"]);
    }

    [Fact]
    public void Exporting_twice_gives_the_same_bytes()
    {
        using var model = Architectures.MiniXception.Build(seed: 1);
        model.ClassNames = ClassNames.Fer2013;

        Assert.Equal(OnnxExporter.Export(model), OnnxExporter.Export(model));
    }

    [Fact]
    public void A_model_without_class_names_is_refused_with_the_fix()
    {
        using var model = Architectures.TinyVgg.Build(seed: 1);
        using var folder = new TempDirectory();

        var error = Assert.Throws<FerModelException>(() => model.ExportOnnx(Path.Combine(folder.Path, "m.onnx")));

        Assert.Contains("Sequential.ClassNames", error.Message);
        Assert.False(File.Exists(Path.Combine(folder.Path, "m.onnx")));
    }

    [Fact]
    public void The_classifier_exports_a_file_that_ONNX_Runtime_loads()
    {
        using var classifier = EmotionClassifier.LoadDefault();
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "sub", "default.onnx");

        classifier.ExportOnnx(path);

        var faces = RealFaces.Pixels();
        var expected = classifier.PredictPixelBatch(faces).Select(p => classifier.ClassNames.Select(c => p.Probabilities[c]).ToArray()).ToArray();
        Assert.InRange(OnnxParity.MaxDifference(expected, OnnxParity.Run(File.ReadAllBytes(path), faces, classifier.InputShape)), 0, Tolerance);
    }

    private static byte[] RandomImages(int count, ImageShape shape, int seed)
    {
        var images = new byte[count * shape.PixelCount];
        new Random(seed).NextBytes(images);
        return images;
    }
}
