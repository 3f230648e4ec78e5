using System.Diagnostics;
using Fer.Core.Onnx.Schema;
using Fer.Datasets;
using Google.Protobuf;

namespace Fer.Onnx.Tests;

/// <summary>Model files that are missing, not ONNX, not ours, or contradict themselves get FerModelException with the reason.</summary>
public sealed class OnnxModelLoadingTests
{
    [Fact]
    public void A_missing_file_or_a_folder_is_named()
    {
        Assert.Throws<FileNotFoundException>(() => OnnxEmotionClassifier.Load("no-such-model.onnx"));
        var error = Assert.ThrowsAny<Exception>(() => OnnxEmotionClassifier.Load(Path.GetTempPath()));
        Assert.Contains(Path.GetTempPath().TrimEnd('/'), error.Message);
    }

    [SkippableFact]
    public void A_named_pipe_is_refused_without_blocking()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fer-onnx-fifo-{Guid.NewGuid():N}");
        using (var mkfifo = Process.Start("mkfifo", [path]))
        {
            mkfifo.WaitForExit();
            Skip.IfNot(mkfifo.ExitCode == 0, "mkfifo is not available");
        }

        try
        {
            var error = Assert.Throws<FerModelException>(() => OnnxEmotionClassifier.Load(path));
            Assert.Contains("pipe", error.Message, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(4096)]
    [InlineData(600_000)]
    public void Truncated_models_are_refused(int length)
    {
        var bytes = OnnxEmotionClassifierTests.DefaultModelBytes()[..length];

        var error = Assert.Throws<FerModelException>(() => OnnxEmotionClassifier.Load(bytes, "cut.onnx"));

        Assert.Contains("cut.onnx", error.Message);
    }

    [Fact]
    public void Random_bytes_are_refused()
    {
        var bytes = new byte[10_000];
        new Random(3).NextBytes(bytes);

        var error = Assert.Throws<FerModelException>(() => OnnxEmotionClassifier.Load(bytes, "noise.onnx"));

        // Our words, ONNX Runtime's own report only as the inner exception.
        Assert.Contains("Invalid ONNX model: noise.onnx: ONNX Runtime cannot load it: it is not a well-formed ONNX model", error.Message);
        Assert.DoesNotContain("[ErrorCode:", error.Message);
        Assert.Contains("[ErrorCode:", error.InnerException!.Message);
    }

    [Fact]
    public void An_ONNX_model_not_exported_by_Fer_Core_is_refused_with_the_reason()
    {
        var model = Edit(m => m.MetadataProps.Clear());

        var error = Assert.Throws<FerModelException>(() => OnnxEmotionClassifier.Load(model, "foreign.onnx"));

        Assert.Contains("foreign.onnx", error.Message);
        Assert.Contains("not exported by Fer.Core", error.Message);
    }

    [Theory]
    [InlineData("fer.format", "2", "format")]
    [InlineData("fer.class_names", "[\"a\",\"b\",\"c\"]", "3 classes")]
    [InlineData("fer.class_names", "[\"a\",\"a\",\"b\",\"c\",\"d\",\"e\",\"f\"]", "twice")]
    [InlineData("fer.class_names", "{not json", "JSON")]
    [InlineData("fer.input_shape", "1,64,64", "(N, 1, 64, 64)")]
    [InlineData("fer.input_shape", "1,48", "C,H,W")]
    [InlineData("fer.input_shape", "1,99999,48", "outside")]
    [InlineData("fer.input_range", "0-1", "input range")]
    [InlineData("fer.prediction.test_time_augmentation", "Rotate", "test-time augmentation 'Rotate'")]
    [InlineData("fer.prediction.test_time_augmentation", "2", "test-time augmentation '2'")]
    [InlineData("fer.prediction.temperature", "0", "calibration temperature '0'")]
    [InlineData("fer.prediction.temperature", "NaN", "calibration temperature 'NaN'")]
    [InlineData("fer.prediction.temperature", "warm", "calibration temperature 'warm'")]
    public void Metadata_that_contradicts_the_graph_or_is_malformed_is_refused(string key, string value, string reason)
    {
        var model = Edit(m => m.MetadataProps.Single(p => p.Key == key).Value = value);

        var error = Assert.Throws<FerModelException>(() => OnnxEmotionClassifier.Load(model, "edited.onnx"));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Weights_that_give_NaN_probabilities_are_refused()
    {
        var model = Edit(m =>
        {
            // The first convolution's weights, stored as float16 (a Constant node) or float32 (an initializer).
            var weight = m.Graph.Node.Where(n => n.OpType == "Constant").Select(n => n.Attribute.Single(a => a.Name == "value").T).FirstOrDefault()
                ?? m.Graph.Initializer.First(t => t.Name.EndsWith(".weight", StringComparison.Ordinal));
            var values = weight.RawData.ToByteArray();
            (weight.DataType == (int)TensorProto.Types.DataType.Float16 ? BitConverter.GetBytes(Half.NaN) : BitConverter.GetBytes(float.NaN)).CopyTo(values, 0);
            weight.RawData = ByteString.CopyFrom(values);
        });

        var error = Assert.Throws<FerModelException>(() => OnnxEmotionClassifier.Load(model, "nan.onnx"));

        Assert.Contains("NaN", error.Message);
    }

    [Fact]
    public void A_graph_with_other_input_names_is_refused()
    {
        var model = Edit(m =>
        {
            m.Graph.Input[0].Name = "image";
            foreach (var node in m.Graph.Node)
            {
                for (var i = 0; i < node.Input.Count; i++)
                {
                    node.Input[i] = node.Input[i] == "pixels" ? "image" : node.Input[i];
                }
            }
        });

        var error = Assert.Throws<FerModelException>(() => OnnxEmotionClassifier.Load(model, "renamed.onnx"));

        Assert.Contains("'pixels'", error.Message);
    }

    private static byte[] Edit(Action<ModelProto> edit)
    {
        var model = ModelProto.Parser.ParseFrom(OnnxEmotionClassifierTests.DefaultModelBytes());
        edit(model);
        return model.ToByteArray();
    }
}
