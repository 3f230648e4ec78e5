using Fer.Datasets;

namespace Fer.Core;

/// <summary>The predicted emotion of one face: the most probable class, its probability, and every class's probability.</summary>
public sealed class EmotionPrediction
{
    internal EmotionPrediction(IReadOnlyList<string> classNames, float[] probabilities)
    {
        var best = 0;
        for (var i = 1; i < probabilities.Length; i++)
        {
            if (probabilities[i] > probabilities[best])
            {
                best = i;
            }
        }

        ClassIndex = best;
        Label = classNames[best];
        Confidence = probabilities[best];
        Probabilities = classNames.Select((name, i) => KeyValuePair.Create(name, probabilities[i])).ToDictionary(StringComparer.OrdinalIgnoreCase);
        Emotion = classNames.SequenceEqual(ClassNames.Fer2013, StringComparer.OrdinalIgnoreCase) ? (Emotion)best : null;
    }

    /// <summary>The most probable emotion, for models with FER2013's seven classes; null for other class lists (see <see cref="Label"/>).</summary>
    public Emotion? Emotion { get; }

    /// <summary>The most probable class's name, e.g. "happy".</summary>
    public string Label { get; }

    /// <summary>The most probable class's index.</summary>
    public int ClassIndex { get; }

    /// <summary>The most probable class's probability, in [0, 1].</summary>
    public float Confidence { get; }

    /// <summary>Every class's probability by name (case-insensitive); they sum to 1.</summary>
    public IReadOnlyDictionary<string, float> Probabilities { get; }

    /// <summary>"happy 93.2%".</summary>
    public override string ToString() => FormattableString.Invariant($"{Label} {Confidence:P1}");
}
