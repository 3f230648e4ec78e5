namespace Fer.Datasets;

/// <summary>The seven FER2013 emotions, in the standard FER2013 label order (0 angry … 6 neutral).</summary>
public enum Emotion
{
    /// <summary>Label 0.</summary>
    Angry = 0,

    /// <summary>Label 1; the rarest class (436 of 28,709 training faces).</summary>
    Disgust = 1,

    /// <summary>Label 2.</summary>
    Fear = 2,

    /// <summary>Label 3; the most frequent class.</summary>
    Happy = 3,

    /// <summary>Label 4.</summary>
    Sad = 4,

    /// <summary>Label 5.</summary>
    Surprise = 5,

    /// <summary>Label 6.</summary>
    Neutral = 6,
}
