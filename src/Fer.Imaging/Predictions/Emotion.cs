namespace Fer;

/// <summary>
/// The emotions the library's models tell apart: FER2013's seven, numbered in FER2013's label order (0 angry … 6
/// neutral), and contempt, FER+'s eighth. A model's own output order is its <c>ClassNames</c>; an
/// <see cref="Fer.EmotionPrediction"/> maps it to these by name.
/// </summary>
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

    /// <summary>Not a FER2013 class: FER+'s eighth emotion (about 1% of its faces by majority vote).</summary>
    Contempt = 7,
}
