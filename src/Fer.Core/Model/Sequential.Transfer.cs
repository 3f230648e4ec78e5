using NumSharp;

namespace Fer.Core;

public sealed partial class Sequential
{
    /// <summary>
    /// Starts this model from a trained one of the same architecture (transfer learning, e.g. a FER2013 model fine-tuned
    /// on FER+ or on your own faces): every weight of the same name and shape is copied, and the classifier (the
    /// output layer, the last with weights) is copied row by row, matching the two models' classes by
    /// emotion (<see cref="Fer.ClassNames.ToEmotion"/>) or else by name, whatever their order. A class the trained
    /// model lacks (FER+'s contempt for a FER2013 model) keeps this model's initialisation. Builds this model; call it
    /// before <see cref="Compile"/>.
    /// </summary>
    /// <param name="trained">The trained model; it needs class names, as does this model.</param>
    /// <returns>The classes of this model that no trained class matched (empty when all did).</returns>
    /// <exception cref="FerModelException">The two models' weights differ in name or shape beyond the classifier, or a model has no class names.</exception>
    public IReadOnlyList<string> TransferWeightsFrom(Sequential trained)
    {
        ArgumentNullException.ThrowIfNull(trained);
        var trainedClasses = trained.ClassNames ?? throw new FerModelException("TransferWeightsFrom: the trained model has no class names.");
        var targetClasses = ClassNames ?? throw new FerModelException("TransferWeightsFrom: set this model's ClassNames first, so that the classifier's rows can be matched.");
        var source = trained.GetWeights();
        var destination = GetWeights();
        var rows = targetClasses.Select(name => MatchingClass(name, trainedClasses)).ToArray();
        var copied = new Dictionary<string, NDArray>(StringComparer.Ordinal);
        var classifier = NamedWeights().Last().Name.Split('.')[0] + ".";   // the output layer: the last one with weights
        foreach (var (name, value) in destination)
        {
            if (!source.TryGetValue(name, out var trainedValue))
            {
                throw new FerModelException($"TransferWeightsFrom: the trained model has no weight '{name}'; the two models have different architectures.");
            }

            copied[name] = name.StartsWith(classifier, StringComparison.Ordinal) && IsClassifierWeight(trainedValue, value, trainedClasses.Count, targetClasses.Count) ? CopyClassRows(trainedValue, value, rows)
                : trainedValue.shape.SequenceEqual(value.shape) ? trainedValue
                : throw new FerModelException($"TransferWeightsFrom: weight '{name}' has shape ({string.Join(", ", trainedValue.shape)}) in the trained model and ({string.Join(", ", value.shape)}) here; the two models have different architectures.");
        }

        SetWeights(copied);
        return targetClasses.Where((_, i) => rows[i] < 0).ToArray();
    }

    // The trained class that stands for the same emotion (or has the same name), or -1.
    private static int MatchingClass(string name, IReadOnlyList<string> trainedClasses)
    {
        var emotion = Fer.ClassNames.ToEmotion(name);
        for (var i = 0; i < trainedClasses.Count; i++)
        {
            if (emotion is not null ? Fer.ClassNames.ToEmotion(trainedClasses[i]) == emotion : string.Equals(trainedClasses[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsClassifierWeight(NDArray trained, NDArray fresh, int trainedClasses, int targetClasses)
        => trained.ndim == fresh.ndim && trained.shape[0] == trainedClasses && fresh.shape[0] == targetClasses
           && trained.shape.Skip(1).SequenceEqual(fresh.shape.Skip(1));

    private static NDArray CopyClassRows(NDArray trained, NDArray fresh, int[] sourceRows)
    {
        var rowLength = fresh.size / fresh.shape[0];
        var trainedValues = trained.ToArray<float>();
        var values = fresh.ToArray<float>();
        for (var row = 0; row < sourceRows.Length; row++)
        {
            if (sourceRows[row] >= 0)
            {
                Array.Copy(trainedValues, sourceRows[row] * rowLength, values, row * rowLength, rowLength);
            }
        }

        return new NDArray(values, new NumSharp.Shape(fresh.shape.Select(d => checked((int)d)).ToArray()));
    }
}
