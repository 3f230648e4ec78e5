using Fer.Core;

namespace Fer.Onnx.Tests;

/// <summary>
/// The FER+ models embedded in Fer.Onnx (fast and accurate) are Fer.Core's exported, with their test-time augmentation
/// and temperature, and predict the eight emotions as Fer.Core does.
/// </summary>
public sealed class OnnxFerPlusModelTests
{
    [Theory]
    [InlineData(EmbeddedModel.FerPlus, "ferplus-fast/ferplus")]
    [InlineData(EmbeddedModel.FerPlusAccurate, "ferplus-accurate/ferplus-accurate")]
    public void The_embedded_FerPlus_model_is_the_export_of_Fer_Core_s(EmbeddedModel model, string file)
    {
        using var shipped = EmotionClassifier.LoadEmbedded(model);
        EmbeddedExports.AssertCurrent(shipped, $"Fer.Onnx.Models.{Path.GetFileName(file)}.onnx", $"fer export training-artifacts/{file}.fer training-artifacts/{file}.onnx");
    }

    [Theory]
    [InlineData(EmbeddedModel.FerPlus, TestTimeAugmentation.None)]
    [InlineData(EmbeddedModel.FerPlusAccurate, TestTimeAugmentation.TenCrop)]
    public void Real_faces_get_the_same_eight_probabilities_as_with_TorchSharp(EmbeddedModel model, TestTimeAugmentation augmentation)
    {
        using var torch = EmotionClassifier.LoadEmbedded(model);
        using var onnx = OnnxEmotionClassifier.LoadEmbedded(model);
        Assert.Equal(ClassNames.FerPlus, onnx.ClassNames);
        Assert.Equal(augmentation, onnx.TestTimeAugmentation);
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
