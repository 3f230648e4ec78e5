namespace Fer.Core;

/// <summary>Creates the built-in callbacks for <see cref="Sequential.Fit"/>.</summary>
public static class Callbacks
{
    /// <summary>Stops when <paramref name="monitor"/> stops improving.</summary>
    /// <param name="monitor">The value to watch, e.g. "val_loss" or "val_accuracy".</param>
    /// <param name="patience">Epochs without improvement before stopping.</param>
    /// <param name="minDelta">Smallest change that counts as an improvement.</param>
    /// <param name="mode">Whether lower or higher is better (auto: lower for losses).</param>
    /// <param name="restoreBestWeights">Put back the weights of the best epoch at the end.</param>
    public static EarlyStopping EarlyStopping(string monitor = "val_loss", int patience = 10, double minDelta = 0, MonitorMode mode = MonitorMode.Auto, bool restoreBestWeights = true)
        => new(monitor, patience, minDelta, mode, restoreBestWeights);

    /// <summary>Reduces the learning rate when <paramref name="monitor"/> reaches a plateau.</summary>
    /// <param name="monitor">The value to watch.</param>
    /// <param name="factor">Factor applied to the rate, in (0, 1).</param>
    /// <param name="patience">Epochs without improvement before a reduction.</param>
    /// <param name="minLearningRate">Lower bound of the rate.</param>
    /// <param name="cooldown">Epochs after a reduction before counting again.</param>
    /// <param name="minDelta">Smallest change that counts as an improvement.</param>
    /// <param name="mode">Whether lower or higher is better.</param>
    public static ReduceLROnPlateau ReduceLROnPlateau(string monitor = "val_loss", double factor = 0.1, int patience = 10, double minLearningRate = 0, int cooldown = 0, double minDelta = 1e-4, MonitorMode mode = MonitorMode.Auto)
        => new(monitor, factor, patience, minLearningRate, cooldown, minDelta, mode);

    /// <summary>Saves the model after each epoch, or only its best version.</summary>
    /// <param name="path">The model file; "{epoch}" is replaced by the epoch number.</param>
    /// <param name="monitor">The value that decides "best".</param>
    /// <param name="saveBestOnly">Save only when <paramref name="monitor"/> improves.</param>
    /// <param name="mode">Whether lower or higher is better.</param>
    public static ModelCheckpoint ModelCheckpoint(string path, string monitor = "val_loss", bool saveBestOnly = false, MonitorMode mode = MonitorMode.Auto)
        => new(path, monitor, saveBestOnly, mode);

    /// <summary>Writes the history after every epoch (CSV, or JSON for a ".json" path).</summary>
    /// <param name="path">The file.</param>
    public static HistoryLogger HistoryLogger(string path) => new(path);

    /// <summary>
    /// Makes training resumable: after every epoch the full training state (weights, optimizer and schedule state,
    /// callbacks, history) is written atomically to <paramref name="directory"/>; a Fit that finds such a state there
    /// continues after its last epoch as if it had never stopped.
    /// </summary>
    /// <param name="directory">Where the state is kept.</param>
    /// <param name="deleteOnFinish">Remove the state once training has finished all its epochs.</param>
    public static BackupAndRestore BackupAndRestore(string directory, bool deleteOnFinish = true) => new(directory, deleteOnFinish);
}
