using System.Text.Json.Nodes;

namespace Fer.Core;

/// <summary>
/// A hook into <see cref="Sequential.Fit"/>, as in Keras: override the methods you need (each does nothing by
/// default). <see cref="Model"/> is the model being trained; set its <see cref="Sequential.StopTraining"/> to end
/// training after the current epoch, or its <see cref="Sequential.LearningRate"/> to change the rate.
/// </summary>
public abstract class Callback
{
    /// <summary>Creates a callback.</summary>
    protected Callback()
    {
    }

    /// <summary>The model being trained; set when training begins.</summary>
    protected Sequential Model { get; private set; } = null!;

    /// <summary>Called once before the first epoch (after a resumed run's state is restored).</summary>
    public virtual void OnTrainBegin()
    {
    }

    /// <summary>Called before each epoch.</summary>
    /// <param name="epoch">The epoch, 1-based.</param>
    public virtual void OnEpochBegin(int epoch)
    {
    }

    /// <summary>Called after each training batch.</summary>
    /// <param name="epoch">The epoch, 1-based.</param>
    /// <param name="batch">The batch, 1-based.</param>
    /// <param name="loss">The batch's loss.</param>
    public virtual void OnBatchEnd(int epoch, int batch, double loss)
    {
    }

    /// <summary>Called after each epoch, validation included.</summary>
    /// <param name="logs">The epoch's results.</param>
    public virtual void OnEpochEnd(EpochLogs logs)
    {
    }

    /// <summary>Called once after the last epoch (or after training was stopped).</summary>
    /// <param name="history">The results of every epoch.</param>
    public virtual void OnTrainEnd(History history)
    {
    }

    internal void Attach(Sequential model) => Model = model;

    /// <summary>State to save in a backup so that a resumed run continues exactly; null if none.</summary>
    internal virtual JsonNode? SaveState() => null;

    internal virtual void LoadState(JsonNode state)
    {
    }
}
