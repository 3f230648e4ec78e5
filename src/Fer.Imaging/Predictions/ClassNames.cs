namespace Fer;

/// <summary>Class name lists. The FER2013 list is the default everywhere a list is optional.</summary>
public static class ClassNames
{
    /// <summary>The FER2013 names in label order: angry, disgust, fear, happy, sad, surprise, neutral.</summary>
    public static IReadOnlyList<string> Fer2013 { get; } =
        Array.AsReadOnly(["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"]);

    /// <summary>
    /// The FER+ names in FER+'s order (Microsoft's vote columns and the ONNX Model Zoo's emotion-ferplus outputs), with
    /// this library's words: neutral, happy, surprise, sad, angry, disgust, fear, contempt.
    /// </summary>
    public static IReadOnlyList<string> FerPlus { get; } =
        Array.AsReadOnly(["neutral", "happy", "surprise", "sad", "angry", "disgust", "fear", "contempt"]);

    /// <summary>
    /// The emotion a class name stands for: the library's names (<c>happy</c>) and FER+'s column names (<c>happiness</c>,
    /// <c>sadness</c>, <c>anger</c>), any case; null for other names.
    /// </summary>
    /// <param name="name">A class name.</param>
    public static Emotion? ToEmotion(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            "angry" or "anger" => Emotion.Angry,
            "disgust" => Emotion.Disgust,
            "fear" => Emotion.Fear,
            "happy" or "happiness" => Emotion.Happy,
            "sad" or "sadness" => Emotion.Sad,
            "surprise" => Emotion.Surprise,
            "neutral" => Emotion.Neutral,
            "contempt" => Emotion.Contempt,
            _ => null,
        };
    }
}
