namespace Fer.Internal;

/// <summary>
/// The last check before probabilities leave an engine: none may be NaN or infinite. Loading probes a model with plain
/// images, but weights that overflow only on some inputs pass that probe; such a prediction is refused, never returned.
/// </summary>
internal static class FiniteProbabilities
{
    /// <summary>Throws unless every value of the (images × classes) rows is finite; one pass, no allocation.</summary>
    /// <param name="rows">The probabilities, one row of <paramref name="classes"/> values per image.</param>
    /// <param name="classes">Values per image.</param>
    /// <param name="model">The model's name for the message (its file, or what it is).</param>
    /// <exception cref="FerModelException">A value is NaN or infinite.</exception>
    public static void Require(ReadOnlySpan<float> rows, int classes, string model)
    {
        // Probabilities are in [0, 1]: their sum cannot overflow, so it is finite exactly when every value is.
        var sum = 0f;
        foreach (var value in rows)
        {
            sum += value;
        }

        if (float.IsFinite(sum))
        {
            return;
        }

        var index = 0;
        while (float.IsFinite(rows[index]))
        {
            index++;
        }

        throw new FerModelException(
            $"The model '{model}' gave a {(float.IsNaN(rows[index]) ? "NaN" : "infinite")} probability for image {(index / classes) + 1} of {rows.Length / classes}: " +
            "its weights overflow on this input, so the model is broken (it passed the plain images checked when it was loaded). No prediction was returned; retrain or re-export the model.");
    }
}
