namespace Fer.Core;

/// <summary>What a <see cref="TrainingProgress"/> report is about.</summary>
public enum TrainingPhase
{
    /// <summary>A training batch finished.</summary>
    Training,

    /// <summary>A validation batch finished.</summary>
    Validating,

    /// <summary>An epoch finished; <see cref="TrainingProgress.Logs"/> holds its results.</summary>
    EpochEnd,
}
