using Fer.Core;
using Fer.Datasets;

namespace Fer.Onnx.Tests;

/// <summary>The accurate model embedded in Fer.Onnx is Fer.Core's accurate ensemble exported, and predicts as it does.</summary>
public sealed class OnnxAccurateModelTests
{
    [Fact]
    public void The_embedded_accurate_model_is_the_export_of_Fer_Core_s_accurate_model()
    {
        using var shipped = EmotionClassifier.LoadAccurate();
        EmbeddedExports.AssertCurrent(shipped, "Fer.Onnx.Models.accurate.onnx", "fer export training-artifacts/accurate-ensemble/accurate.fer training-artifacts/accurate-ensemble/accurate.onnx");
    }

    [Fact]
    public void Real_faces_get_the_same_calibrated_ten_crop_probabilities_as_with_TorchSharp()
    {
        using var torch = EmotionClassifier.LoadAccurate();
        using var onnx = OnnxEmotionClassifier.LoadAccurate();
        Assert.Equal(TestTimeAugmentation.TenCrop, onnx.TestTimeAugmentation);
        Assert.Equal(torch.Temperature, onnx.Temperature);
        Assert.Equal(torch.TrainingInfo.OrderBy(kv => kv.Key), onnx.TrainingInfo.OrderBy(kv => kv.Key));

        var faces = RealFaces.Pixels();
        PredictionComparison.AssertSame(torch.PredictPixelBatch(faces), onnx.PredictPixelBatch(faces));
    }
}
