using Fer.Core.Onnx.Schema;
using Fer.Datasets;
using Microsoft.ML.OnnxRuntime;

namespace Fer.Core.Tests;

/// <summary>
/// A model saved with float16 weights exports them as float16: half the ONNX file, the same probabilities, and batch
/// norms that ONNX Runtime folds when it loads the model.
/// </summary>
public sealed class OnnxHalfWeightsTests
{
    private const double Tolerance = 1e-5;

    public static TheoryData<string> Presets() => ["TinyVgg", "MiniXception"];

    [Theory]
    [MemberData(nameof(Presets))]
    public void A_float16_model_exports_float16_weights_and_predicts_as_it_does(string preset)
    {
        using var folder = new TempDirectory();
        using var full = Architectures.FromName(preset).Build(seed: 3);
        full.ClassNames = ClassNames.Fer2013;
        full.Normalization = Normalization.Fer2013;
        OnnxParity.RandomizeBatchNorms(full, seed: 5);
        var path = Path.Combine(folder.Path, "half.fer");
        full.Save(path, WeightPrecision.Half);
        using var half = Sequential.Load(path);
        var faces = RealFaces.Pixels();
        var expected = half.Predict(LabeledFaces.FromPixels(faces, new int[faces.Length / 2304]));

        var fullBytes = OnnxExporter.Export(full);
        var halfBytes = OnnxExporter.Export(half);

        var graph = ModelProto.Parser.ParseFrom(halfBytes).Graph;
        var halves = graph.Node.Where(n => n.OpType == "Constant").Select(n => n.Attribute.Single().T).ToList();
        Assert.All(halves, t => Assert.Equal((int)TensorProto.Types.DataType.Float16, t.DataType));
        var fullWeights = ModelProto.Parser.ParseFrom(fullBytes).Graph.Initializer.Sum(t => (long)t.RawData.Length);
        var halfWeights = graph.Initializer.Sum(t => (long)t.RawData.Length) + halves.Sum(t => (long)t.RawData.Length);
        Assert.InRange(halfWeights, fullWeights * 0.45, fullWeights * 0.55);
        Assert.True(halfBytes.Length < fullBytes.Length * 0.7, $"{halfBytes.Length} bytes against {fullBytes.Length}");
        // Float16 values live in Constant nodes, never initializers, which ML.NET's ONNX transformer would refuse.
        Assert.DoesNotContain(graph.Initializer, t => t.DataType == (int)TensorProto.Types.DataType.Float16);
        Assert.Contains(graph.Node, n => n.OpType == "BatchNormalization");
        Assert.InRange(OnnxParity.MaxDifference(expected, OnnxParity.Run(halfBytes, faces, half.InputShape)), 0, Tolerance);

        // ONNX Runtime's basic optimisations turn the Casts into float weights and fold every batch norm into its
        // convolution, so the smaller file costs nothing per prediction.
        var optimized = Path.Combine(folder.Path, "optimized.onnx");
        using (var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_BASIC, OptimizedModelFilePath = optimized })
        using (new InferenceSession(halfBytes, options))
        {
        }

        var operators = ModelProto.Parser.ParseFrom(File.ReadAllBytes(optimized)).Graph.Node.Select(n => n.OpType).ToHashSet();
        Assert.DoesNotContain("Cast", operators);
        Assert.DoesNotContain("Constant", operators);
        Assert.DoesNotContain("BatchNormalization", operators);
    }

    [Fact]
    public void Float32_weights_stay_float32_with_folded_batch_norms()
    {
        using var model = Architectures.TinyVgg.Build(seed: 1);
        model.ClassNames = ClassNames.Fer2013;
        OnnxParity.RandomizeBatchNorms(model, seed: 2);

        var graph = ModelProto.Parser.ParseFrom(OnnxExporter.Export(model)).Graph;

        Assert.DoesNotContain(graph.Node, n => n.OpType is "BatchNormalization" or "Cast" or "Constant");
    }
}
