using Fer.Core;

/// <summary>
/// Starts a network from a trained model of the same architecture (--init), with <see cref="Sequential.TransferWeightsFrom"/>:
/// a FER2013 model (7 classes) starts a FER+ model (8 classes in another order; contempt starts fresh).
/// </summary>
internal static class TransferWeights
{
    public static string From(string trainedPath, Sequential target)
    {
        using var trained = Sequential.Load(trainedPath);
        var fresh = target.TransferWeightsFrom(trained);
        return $"Initialised from {trainedPath}: weights copied, classifier rows matched by emotion; fresh rows: {string.Join(", ", fresh.DefaultIfEmpty("none"))}";
    }
}
