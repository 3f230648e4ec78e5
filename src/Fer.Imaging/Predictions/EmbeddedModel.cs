namespace Fer;

/// <summary>
/// The trained models embedded in the packages, the same on both engines: Fer.Core's
/// <c>EmotionClassifier.LoadEmbedded</c> (TorchSharp) and Fer.Onnx's <c>OnnxEmotionClassifier.LoadEmbedded</c> (ONNX
/// Runtime) load the same model and give the same predictions. The <c>fer</c> tool names them in lower case
/// (<c>--model ferplus</c>). Each has a model card in the repository's docs folder.
/// </summary>
public enum EmbeddedModel
{
    /// <summary>
    /// FER2013's seven emotions, one fast network (docs/model-card.md); the model <c>LoadDefault()</c> loads.
    /// </summary>
    Default = 0,

    /// <summary>
    /// FER2013's seven emotions, an ensemble of networks with ten-crop test-time augmentation and calibrated
    /// probabilities (docs/model-card-accurate.md): more accurate than <see cref="Default"/>, about 30 network passes
    /// per face; the model <c>LoadAccurate()</c> loads.
    /// </summary>
    Accurate = 1,

    /// <summary>
    /// FER+'s eight emotions (FER2013's seven and contempt, in <see cref="ClassNames.FerPlus"/> order), one fast network
    /// trained on the votes of ten taggers per face rather than FER2013's single noisy label (docs/model-card-ferplus.md).
    /// Its accuracy is measured against the majority of those votes, a cleaner reference than FER2013's labels.
    /// </summary>
    FerPlus = 2,

    /// <summary>
    /// FER+'s eight emotions like <see cref="FerPlus"/>, more accurate: ten-crop test-time augmentation (ten network passes
    /// per face) and calibrated probabilities (docs/model-card-ferplus-accurate.md). The <c>fer</c> tool calls it
    /// <c>ferplus-accurate</c>.
    /// </summary>
    FerPlusAccurate = 3,
}
