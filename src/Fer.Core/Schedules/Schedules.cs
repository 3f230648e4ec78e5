namespace Fer.Core;

/// <summary>Creates epoch-wise learning-rate schedules for <see cref="Sequential.Compile"/>.</summary>
public static class Schedules
{
    /// <summary>Cosine annealing with optional linear warm-up.</summary>
    /// <param name="totalEpochs">The epoch at which the rate reaches <paramref name="minLearningRate"/>.</param>
    /// <param name="minLearningRate">The final rate.</param>
    /// <param name="warmupEpochs">Epochs of linear warm-up.</param>
    public static CosineSchedule Cosine(int totalEpochs, double minLearningRate = 0, int warmupEpochs = 0)
        => new(totalEpochs, minLearningRate, warmupEpochs);

    /// <summary>Step decay: the rate times <paramref name="gamma"/> every <paramref name="stepEpochs"/> epochs.</summary>
    /// <param name="stepEpochs">Epochs between reductions.</param>
    /// <param name="gamma">Factor per step.</param>
    public static StepSchedule Step(int stepEpochs, double gamma = 0.1) => new(stepEpochs, gamma);
}
