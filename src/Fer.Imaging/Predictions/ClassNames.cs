namespace Fer.Datasets;

/// <summary>Class name lists. The FER2013 list is the default everywhere a list is optional.</summary>
public static class ClassNames
{
    /// <summary>The FER2013 names in label order: angry, disgust, fear, happy, sad, surprise, neutral.</summary>
    public static IReadOnlyList<string> Fer2013 { get; } =
        Array.AsReadOnly(Enum.GetNames<Emotion>().Select(n => n.ToLowerInvariant()).ToArray());
}
