namespace Fer.Core;

/// <summary>A progress report of <see cref="Sequential.Fit"/>, sent through <see cref="IProgress{T}"/>.</summary>
/// <param name="Phase">What finished.</param>
/// <param name="Epoch">The current epoch, 1-based.</param>
/// <param name="Epochs">The number of epochs asked for.</param>
/// <param name="Batch">Batches done in this phase of the epoch.</param>
/// <param name="Batches">Batches in this phase of the epoch.</param>
/// <param name="Loss">The running mean training loss of the epoch.</param>
/// <param name="ImagesPerSecond">Training throughput so far in this epoch.</param>
/// <param name="Logs">The epoch's results, in <see cref="TrainingPhase.EpochEnd"/> reports.</param>
public sealed record TrainingProgress(TrainingPhase Phase, int Epoch, int Epochs, int Batch, int Batches, double Loss, double ImagesPerSecond, EpochLogs? Logs);
