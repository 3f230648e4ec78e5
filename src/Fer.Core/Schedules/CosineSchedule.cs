using System.Text.Json.Nodes;

namespace Fer.Core;

/// <summary>Linear warm-up, then cosine annealing from the initial rate to <see cref="MinLearningRate"/> at the last epoch.</summary>
public sealed class CosineSchedule : LearningRateSchedule
{
    internal CosineSchedule(int totalEpochs, double minLearningRate, int warmupEpochs)
    {
        TotalEpochs = LayerChecks.Positive(totalEpochs, nameof(totalEpochs), "Cosine schedule");
        if (!(minLearningRate >= 0) || warmupEpochs < 0 || warmupEpochs >= totalEpochs)
        {
            throw new ArgumentOutOfRangeException(nameof(warmupEpochs), $"Cosine schedule: needs minLearningRate >= 0 and 0 <= warmupEpochs < totalEpochs, but got {minLearningRate}, {warmupEpochs}, {totalEpochs}.");
        }

        MinLearningRate = minLearningRate;
        WarmupEpochs = warmupEpochs;
    }

    /// <summary>The epoch at which the rate reaches its minimum.</summary>
    public int TotalEpochs { get; }

    /// <summary>The final learning rate.</summary>
    public double MinLearningRate { get; }

    /// <summary>Epochs of linear warm-up from initial/warmup to the initial rate.</summary>
    public int WarmupEpochs { get; }

    /// <inheritdoc/>
    public override double LearningRateAt(int epoch, double initialLearningRate)
    {
        if (epoch <= WarmupEpochs)
        {
            return initialLearningRate * epoch / (WarmupEpochs + 1);
        }

        var span = Math.Max(TotalEpochs - WarmupEpochs - 1, 1);
        var progress = Math.Clamp((double)(epoch - WarmupEpochs - 1) / span, 0, 1);
        return MinLearningRate + ((initialLearningRate - MinLearningRate) * 0.5 * (1 + Math.Cos(Math.PI * progress)));
    }

    /// <inheritdoc/>
    public override string ToString() => $"Cosine(total={TotalEpochs}, min={MinLearningRate}, warmup={WarmupEpochs})";

    internal override JsonObject ToJson() => new() { ["kind"] = "Cosine", ["totalEpochs"] = TotalEpochs, ["minLearningRate"] = MinLearningRate, ["warmupEpochs"] = WarmupEpochs };
}
