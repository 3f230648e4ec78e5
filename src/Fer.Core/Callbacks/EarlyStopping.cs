using System.Text.Json.Nodes;

namespace Fer.Core;

/// <summary>Stops training when a monitored value has not improved for <see cref="Patience"/> epochs, optionally restoring the best weights.</summary>
public sealed class EarlyStopping : Callback
{
    private readonly MonitorTracker _tracker;
    private byte[]? _bestWeights;

    internal EarlyStopping(string monitor, int patience, double minDelta, MonitorMode mode, bool restoreBestWeights)
    {
        _tracker = new MonitorTracker(monitor, mode, minDelta);
        Patience = patience >= 0 ? patience : throw new FerModelException($"EarlyStopping: patience must be >= 0, but was {patience}.");
        RestoreBestWeights = restoreBestWeights;
    }

    /// <summary>Epochs without improvement before stopping.</summary>
    public int Patience { get; }

    /// <summary>Whether the weights of the best epoch are put back when training ends.</summary>
    public bool RestoreBestWeights { get; }

    /// <summary>The epoch training was stopped after, or 0 if it was not stopped.</summary>
    public int StoppedEpoch { get; private set; }

    /// <summary>The epoch with the best monitored value so far.</summary>
    public int BestEpoch { get; private set; }

    /// <inheritdoc/>
    public override void OnEpochEnd(EpochLogs logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        if (_tracker.Update(logs))
        {
            BestEpoch = logs.Epoch;
            if (RestoreBestWeights)
            {
                _bestWeights = SequentialFile.SnapshotWeights(Model);
            }
        }
        else if (_tracker.Wait > Patience)
        {
            StoppedEpoch = logs.Epoch;
            Model.StopTraining = true;
        }
    }

    /// <inheritdoc/>
    public override void OnTrainEnd(History history)
    {
        if (RestoreBestWeights && _bestWeights is not null)
        {
            SequentialFile.RestoreWeights(Model, _bestWeights);
        }
    }

    /// <inheritdoc/>
    public override JsonNode? SaveState()
    {
        var state = _tracker.Save();
        state["bestEpoch"] = BestEpoch;
        state["bestWeights"] = _bestWeights is null ? null : Convert.ToBase64String(_bestWeights);
        return state;
    }

    /// <inheritdoc/>
    public override void LoadState(JsonNode state)
    {
        _tracker.Load(state);
        BestEpoch = state["bestEpoch"]?.GetValue<int>() ?? 0;
        _bestWeights = state["bestWeights"] is JsonValue v ? Convert.FromBase64String(v.GetValue<string>()) : null;
    }
}
