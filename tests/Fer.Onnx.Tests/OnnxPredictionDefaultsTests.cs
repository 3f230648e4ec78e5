using Fer.Core;
using Fer.Core.Onnx.Schema;
using Fer.Datasets;
using Google.Protobuf;

namespace Fer.Onnx.Tests;

/// <summary>A model's prediction defaults (test-time augmentation, temperature) travel through the ONNX export and apply alike.</summary>
public sealed class OnnxPredictionDefaultsTests
{
    [Fact]
    public void An_exported_calibrated_model_predicts_with_its_defaults_as_TorchSharp_does()
    {
        using var torch = EmotionClassifier.LoadDefault();
        torch.TestTimeAugmentation = TestTimeAugmentation.TenCrop;
        torch.Temperature = 0.8;
        using var onnx = OnnxEmotionClassifier.Load(OnnxExporter.Export(torch.Model), "calibrated.onnx");

        Assert.Equal(TestTimeAugmentation.TenCrop, onnx.TestTimeAugmentation);
        Assert.Equal(0.8, onnx.Temperature);
        var faces = RealFaces.Pixels();
        PredictionComparison.AssertSame(torch.PredictPixelBatch(faces), onnx.PredictPixelBatch(faces));

        onnx.Temperature = torch.Temperature = 3;
        onnx.TestTimeAugmentation = torch.TestTimeAugmentation = TestTimeAugmentation.HorizontalFlip;
        PredictionComparison.AssertSame(torch.PredictPixelBatch(faces), onnx.PredictPixelBatch(faces));
        Assert.Throws<ArgumentOutOfRangeException>(() => onnx.Temperature = 0);
    }

    [Fact]
    public void A_model_exported_before_defaults_existed_predicts_plainly()
    {
        var model = ModelProto.Parser.ParseFrom(OnnxEmotionClassifierTests.DefaultModelBytes());
        foreach (var key in new[] { "fer.prediction.test_time_augmentation", "fer.prediction.temperature" })
        {
            model.MetadataProps.Remove(model.MetadataProps.Single(p => p.Key == key));
        }

        using var onnx = OnnxEmotionClassifier.Load(model.ToByteArray(), "older.onnx");
        Assert.Equal(TestTimeAugmentation.None, onnx.TestTimeAugmentation);
        Assert.Equal(1, onnx.Temperature);
    }
}
