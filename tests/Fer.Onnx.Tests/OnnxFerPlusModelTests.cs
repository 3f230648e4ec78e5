using Fer.Core;

namespace Fer.Onnx.Tests;

/// <summary>The FER+ model embedded in Fer.Onnx is Fer.Core's FER+ model exported, and predicts the eight emotions as it does.</summary>
public sealed class OnnxFerPlusModelTests
{
    [Fact]
    public void The_embedded_FerPlus_model_is_the_export_of_Fer_Core_s_FerPlus_model()
    {
        using var shipped = EmotionClassifier.LoadEmbedded(EmbeddedModel.FerPlus);
        EmbeddedExports.AssertCurrent(shipped, "Fer.Onnx.Models.ferplus.onnx", "fer export training-artifacts/ferplus-fast/ferplus.fer training-artifacts/ferplus-fast/ferplus.onnx");
    }

    [Fact]
    public void Real_faces_get_the_same_eight_probabilities_as_with_TorchSharp()
    {
        using var torch = EmotionClassifier.LoadEmbedded(EmbeddedModel.FerPlus);
        using var onnx = OnnxEmotionClassifier.LoadEmbedded(EmbeddedModel.FerPlus);
        Assert.Equal(ClassNames.FerPlus, onnx.ClassNames);
        Assert.Equal(torch.TestTimeAugmentation, onnx.TestTimeAugmentation);
        Assert.Equal(torch.Temperature, onnx.Temperature);
        Assert.Equal(torch.TrainingInfo.OrderBy(kv => kv.Key), onnx.TrainingInfo.OrderBy(kv => kv.Key));

        var faces = RealFaces.Pixels();
        PredictionComparison.AssertSame(torch.PredictPixelBatch(faces), onnx.PredictPixelBatch(faces));
    }

    [Fact]
    public void Every_embedded_model_loads_by_name_and_an_undefined_one_is_refused()
    {
        foreach (var model in Enum.GetValues<EmbeddedModel>())
        {
            using var classifier = OnnxEmotionClassifier.LoadEmbedded(model);
            Assert.Equal(model is EmbeddedModel.FerPlus or EmbeddedModel.FerPlusAccurate ? 8 : 7, classifier.ClassNames.Count);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxEmotionClassifier.LoadEmbedded((EmbeddedModel)(-1)));
    }
}
