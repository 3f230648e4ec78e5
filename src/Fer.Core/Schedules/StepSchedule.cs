using System.Text.Json.Nodes;

namespace Fer.Core;

/// <summary>Multiplies the rate by <see cref="Gamma"/> every <see cref="StepEpochs"/> epochs.</summary>
public sealed class StepSchedule : LearningRateSchedule
{
    internal StepSchedule(int stepEpochs, double gamma)
    {
        StepEpochs = LayerChecks.Positive(stepEpochs, nameof(stepEpochs), "Step schedule");
        if (!(gamma > 0 && gamma <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(gamma), $"Step schedule: gamma must be in (0, 1], but was {gamma}.");
        }

        Gamma = gamma;
    }

    /// <summary>Epochs between reductions.</summary>
    public int StepEpochs { get; }

    /// <summary>Factor applied at each step.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    public override double LearningRateAt(int epoch, double initialLearningRate)
        => initialLearningRate * Math.Pow(Gamma, (epoch - 1) / StepEpochs);

    /// <inheritdoc/>
    public override string ToString() => $"Step(every={StepEpochs}, gamma={Gamma})";

    internal override JsonObject ToJson() => new() { ["kind"] = "Step", ["stepEpochs"] = StepEpochs, ["gamma"] = Gamma };
}
