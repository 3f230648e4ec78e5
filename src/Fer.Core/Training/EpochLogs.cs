namespace Fer.Core;

/// <summary>The results of one epoch: loss and metrics (training, and "val_…" for validation), learning rate and duration.</summary>
public sealed class EpochLogs
{
    internal EpochLogs(int epoch, IReadOnlyDictionary<string, double> values, double learningRate, TimeSpan duration)
    {
        Epoch = epoch;
        Values = values;
        LearningRate = learningRate;
        Duration = duration;
    }

    /// <summary>The epoch, 1-based.</summary>
    public int Epoch { get; }

    /// <summary>Every value by name: "loss", "accuracy", "val_loss", "val_accuracy", …</summary>
    public IReadOnlyDictionary<string, double> Values { get; }

    /// <summary>The learning rate used during the epoch.</summary>
    public double LearningRate { get; }

    /// <summary>Wall-clock time of the epoch, validation included.</summary>
    public TimeSpan Duration { get; }

    /// <summary>A value by name.</summary>
    /// <param name="name">e.g. "val_accuracy".</param>
    /// <exception cref="KeyNotFoundException">No value has that name.</exception>
    public double this[string name] => Values.TryGetValue(name, out var v)
        ? v
        : throw new KeyNotFoundException($"Epoch {Epoch} has no value '{name}'; it has: {string.Join(", ", Values.Keys)}.");

    /// <summary>"epoch 3: loss=0.8123 accuracy=0.7012 val_loss=…".</summary>
    public override string ToString()
        => $"epoch {Epoch}: " + string.Join(" ", Values.Select(kv => FormattableString.Invariant($"{kv.Key}={kv.Value:0.####}"))) +
           FormattableString.Invariant($" lr={LearningRate:g4} ({Duration.TotalSeconds:0.0}s)");
}
