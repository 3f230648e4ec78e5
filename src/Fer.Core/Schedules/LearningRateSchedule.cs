using System.Text.Json.Nodes;

namespace Fer.Core;

/// <summary>
/// A learning rate per epoch, set before the epoch starts. Create one with <see cref="Schedules"/> and pass it to
/// <see cref="Sequential.Compile"/>. (ReduceLROnPlateau, which reacts to validation results, is a callback:
/// <see cref="Callbacks.ReduceLROnPlateau"/>.)
/// </summary>
public abstract class LearningRateSchedule
{
    private protected LearningRateSchedule()
    {
    }

    /// <summary>The learning rate for <paramref name="epoch"/> (1-based) given the optimizer's initial rate.</summary>
    /// <param name="epoch">The epoch about to start, 1-based.</param>
    /// <param name="initialLearningRate">The optimizer's initial learning rate.</param>
    public abstract double LearningRateAt(int epoch, double initialLearningRate);

    internal abstract JsonObject ToJson();
}
