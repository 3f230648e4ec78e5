
namespace Fer;

/// <summary>The predicted emotion of one face: the most probable class, its probability, and every class's probability.</summary>
public sealed class EmotionPrediction
{
    /// <summary>
    /// A prediction from each class's probability, for classifiers of any kind (the library's own, or an app's
    /// <see cref="IEmotionPredictor"/>).
    /// </summary>
    /// <param name="classNames">The class names, in output order.</param>
    /// <param name="probabilities">One probability per class, each finite and in [0, 1].</param>
    /// <exception cref="ArgumentException">The counts differ, or a probability is not in [0, 1].</exception>
    public EmotionPrediction(IReadOnlyList<string> classNames, ReadOnlySpan<float> probabilities)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        if (classNames.Count != probabilities.Length || probabilities.Length == 0)
        {
            throw new ArgumentException($"There are {probabilities.Length} probabilities for {classNames.Count} class names; give one per class.", nameof(probabilities));
        }

        var best = 0;
        for (var i = 0; i < probabilities.Length; i++)
        {
            if (!(probabilities[i] >= 0f && probabilities[i] <= 1.0001f))
            {
                throw new ArgumentException($"The probability of class {i} ({classNames[i]}) is {probabilities[i]}; probabilities must be in [0, 1].", nameof(probabilities));
            }

            if (probabilities[i] > probabilities[best])
            {
                best = i;
            }
        }

        var values = probabilities.ToArray();
        ClassIndex = best;
        Label = classNames[best];
        Confidence = values[best];
        Probabilities = classNames.Select((name, i) => KeyValuePair.Create(name, values[i])).ToDictionary(StringComparer.OrdinalIgnoreCase);
        Emotion = ClassNames.ToEmotion(Label);
    }

    /// <summary>The most probable emotion, by its class name (FER2013's seven, FER+'s eight); null for a class name that is no emotion (see <see cref="Label"/>).</summary>
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
