using Fer;
using Fer.Core;
using NumSharp;

/// <summary>
/// Starts a network from a trained model of the same architecture (--init): weights of the same name and shape are
/// copied; the classifier (the weights whose first dimension is the class count) is copied row by row, matching the
/// two models' classes by emotion, so a FER2013 model (7 classes) starts a FER+ model (8 classes in another order).
/// </summary>
internal static class TransferWeights
{
    public static string From(string trainedPath, Sequential target)
    {
        using var trained = Sequential.Load(trainedPath);
        var source = trained.GetWeights();
        var destination = target.GetWeights();
        var trainedClasses = trained.ClassNames ?? ClassNames.Fer2013;
        var targetClasses = target.ClassNames ?? throw new ArgumentException("--init needs the new model's class names.");
        var sourceRows = ClassRows(trainedClasses, targetClasses);
        var copied = new Dictionary<string, NDArray>(StringComparer.Ordinal);
        var rowsCopied = new List<string>();
        foreach (var (name, value) in destination)
        {
            if (!source.TryGetValue(name, out var trainedValue))
            {
                throw new ArgumentException($"--init {trainedPath}: it has no weight '{name}'; was it built with another architecture?");
            }

            if (trainedValue.shape.SequenceEqual(value.shape))
            {
                copied[name] = trainedValue;
            }
            else if (IsClassifierWeight(trainedValue, value, trainedClasses.Count, targetClasses.Count))
            {
                copied[name] = CopyRows(trainedValue, value, sourceRows);
                rowsCopied.Add(name);
            }
            else
            {
                throw new ArgumentException($"--init {trainedPath}: weight '{name}' has shape ({string.Join(", ", trainedValue.shape)}), the new model's ({string.Join(", ", value.shape)}).");
            }
        }

        target.SetWeights(copied);
        var fresh = targetClasses.Where((_, i) => sourceRows[i] < 0);
        return $"Initialised from {trainedPath}: {copied.Count - rowsCopied.Count} weights copied, classifier rows copied by emotion in {string.Join(", ", rowsCopied)}; fresh rows: {string.Join(", ", fresh.DefaultIfEmpty("none"))}";
    }

    // For each target class, the trained model's row of the same emotion, or -1.
    private static int[] ClassRows(IReadOnlyList<string> trainedClasses, IReadOnlyList<string> targetClasses)
    {
        var trainedEmotions = trainedClasses.Select(ClassNames.ToEmotion).ToList();
        return targetClasses.Select(name => ClassNames.ToEmotion(name) is { } emotion ? trainedEmotions.IndexOf(emotion) : -1).ToArray();
    }

    private static bool IsClassifierWeight(NDArray trained, NDArray fresh, int trainedClasses, int targetClasses)
        => trained.ndim == fresh.ndim && trained.shape[0] == trainedClasses && fresh.shape[0] == targetClasses
           && trained.shape.Skip(1).SequenceEqual(fresh.shape.Skip(1));

    private static NDArray CopyRows(NDArray trained, NDArray fresh, int[] sourceRows)
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

        return new NDArray(values, new Shape(fresh.shape));
    }
}
