using System.Text.Json.Nodes;

namespace Fer.Core;

/// <summary>Multiplies the learning rate by <see cref="Factor"/> when a monitored value has not improved for <see cref="Patience"/> epochs.</summary>
public sealed class ReduceLROnPlateau : Callback
{
    private readonly MonitorTracker _tracker;
    private int _cooldownLeft;

    internal ReduceLROnPlateau(string monitor, double factor, int patience, double minLearningRate, int cooldown, double minDelta, MonitorMode mode)
    {
        if (!(factor > 0 && factor < 1))
        {
            throw new FerModelException($"ReduceLROnPlateau: factor must be in (0, 1), but was {factor}.");
        }

        if (patience < 0 || cooldown < 0 || !(minLearningRate >= 0))
        {
            throw new FerModelException($"ReduceLROnPlateau: patience, cooldown and minLearningRate must be >= 0, but were {patience}, {cooldown}, {minLearningRate}.");
        }

        _tracker = new MonitorTracker(monitor, mode, minDelta);
        Factor = factor;
        Patience = patience;
        MinLearningRate = minLearningRate;
        Cooldown = cooldown;
    }

    /// <summary>Factor applied to the learning rate on a plateau.</summary>
    public double Factor { get; }

    /// <summary>Epochs without improvement before a reduction.</summary>
    public int Patience { get; }

    /// <summary>The rate is never reduced below this.</summary>
    public double MinLearningRate { get; }

    /// <summary>Epochs to wait after a reduction before counting again.</summary>
    public int Cooldown { get; }

    /// <inheritdoc/>
    public override void OnEpochEnd(EpochLogs logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        if (_cooldownLeft > 0)
        {
            _cooldownLeft--;
            _tracker.Wait = 0;
        }

        if (_tracker.Update(logs) || _tracker.Wait < Patience)
        {
            return;
        }

        var reduced = Math.Max(Model.LearningRate * Factor, MinLearningRate);
        if (reduced < Model.LearningRate)
        {
            Model.LearningRate = reduced;
            _cooldownLeft = Cooldown;
            _tracker.Wait = 0;
        }
    }

    /// <inheritdoc/>
    public override JsonNode? SaveState()
    {
        var state = _tracker.Save();
        state["cooldownLeft"] = _cooldownLeft;
        return state;
    }

    /// <inheritdoc/>
    public override void LoadState(JsonNode state)
    {
        _tracker.Load(state);
        _cooldownLeft = state["cooldownLeft"]?.GetValue<int>() ?? 0;
    }
}
