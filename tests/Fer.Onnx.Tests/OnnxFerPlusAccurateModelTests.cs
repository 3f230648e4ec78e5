using Fer.Core;

namespace Fer.Onnx.Tests;

/// <summary>The accurate FER+ model embedded in Fer.Onnx is Fer.Core's exported, with its ten-crop and temperature, and predicts as it does.</summary>
public sealed class OnnxFerPlusAccurateModelTests
{
    [Fact]
    public void The_embedded_accurate_FerPlus_model_is_the_export_of_Fer_Core_s()
    {
        using var shipped = EmotionClassifier.LoadEmbedded(EmbeddedModel.FerPlusAccurate);
        EmbeddedExports.AssertCurrent(shipped, "Fer.Onnx.Models.ferplus-accurate.onnx", "fer export training-artifacts/ferplus-accurate/ferplus-accurate.fer training-artifacts/ferplus-accurate/ferplus-accurate.onnx");
    }

    [Fact]
    public void Real_faces_get_the_same_calibrated_ten_crop_probabilities_as_with_TorchSharp()
    {
        using var torch = EmotionClassifier.LoadEmbedded(EmbeddedModel.FerPlusAccurate);
        using var onnx = OnnxEmotionClassifier.LoadEmbedded(EmbeddedModel.FerPlusAccurate);
        Assert.Equal(ClassNames.FerPlus, onnx.ClassNames);
        Assert.Equal(TestTimeAugmentation.TenCrop, onnx.TestTimeAugmentation);
        Assert.Equal(torch.Temperature, onnx.Temperature);
        Assert.Equal(torch.TrainingInfo.OrderBy(kv => kv.Key), onnx.TrainingInfo.OrderBy(kv => kv.Key));

        var faces = RealFaces.Pixels();
        PredictionComparison.AssertSame(torch.PredictPixelBatch(faces), onnx.PredictPixelBatch(faces));
    }
}
