using System.Text.Json.Nodes;

namespace Fer.Core;

/// <summary>
/// Saves the model file after each epoch, or only when a monitored value improves. Writes are atomic: the file
/// is written beside the target and then renamed over it, so a crash never leaves a half-written model.
/// </summary>
public sealed class ModelCheckpoint : Callback
{
    private readonly MonitorTracker? _tracker;

    internal ModelCheckpoint(string path, string monitor, bool saveBestOnly, MonitorMode mode)
    {
        Path = string.IsNullOrWhiteSpace(path) ? throw new FerModelException("ModelCheckpoint needs a file path.") : path;
        _tracker = saveBestOnly ? new MonitorTracker(monitor, mode, 0) : null;
    }

    /// <summary>The model file written. "{epoch}" in it is replaced by the epoch number.</summary>
    public string Path { get; }

    /// <summary>Whether only improvements are saved.</summary>
    public bool SaveBestOnly => _tracker is not null;

    /// <inheritdoc/>
    public override void OnEpochEnd(EpochLogs logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        if (_tracker is null || _tracker.Update(logs))
        {
            Model.Save(Path.Replace("{epoch}", logs.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }
    }

    /// <inheritdoc/>
    public override JsonNode? SaveState() => _tracker?.Save();

    /// <inheritdoc/>
    public override void LoadState(JsonNode state) => _tracker?.Load(state);
}
