using System.Text.Json.Nodes;

namespace Fer.Core;

/// <summary>
/// A hook into <see cref="Sequential.Fit"/>, as in Keras: override the methods you need (each does nothing by
/// default). <see cref="Model"/> is the model being trained; set its <see cref="Sequential.StopTraining"/> to end
/// training after the current epoch, or its <see cref="Sequential.LearningRate"/> to change the rate. A callback
/// that keeps state across epochs (a counter, a best value) overrides <see cref="SaveState"/> and
/// <see cref="LoadState"/>, so that a run resumed by <see cref="Callbacks.BackupAndRestore"/> continues with it.
/// </summary>
public abstract class Callback
{
    /// <summary>Creates a callback.</summary>
    protected Callback()
    {
    }

    /// <summary>The model being trained; set when training begins.</summary>
    protected Sequential Model => Session.Model;

    /// <summary>The epochs completed so far, those of a resumed run included; set when training begins.</summary>
    protected History History => Session.History;

    private TrainingSession Session => _session ?? throw new InvalidOperationException($"{GetType().Name} is used outside Sequential.Fit.");

    private TrainingSession? _session;

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

    /// <summary>
    /// The state this callback needs to continue exactly after a resume (counters, best values), saved with the
    /// training state after every epoch when <see cref="Callbacks.BackupAndRestore"/> is among the callbacks; null
    /// (the default) when it keeps none. The JSON is stored as data only: nothing in it is ever executed or typed.
    /// </summary>
    /// <returns>The state, or null.</returns>
    public virtual JsonNode? SaveState() => null;

    /// <summary>
    /// Restores what <see cref="SaveState"/> returned, when a run resumes (before <see cref="OnTrainBegin"/>). A state
    /// that is malformed should throw <see cref="FormatException"/>, <see cref="InvalidOperationException"/> or
    /// <see cref="KeyNotFoundException"/>: the resume then fails with the model exception naming the state file.
    /// </summary>
    /// <param name="state">The saved state.</param>
    public virtual void LoadState(JsonNode state)
    {
    }

    /// <summary>Connects the callback to a run of <see cref="Sequential.Fit"/>.</summary>
    internal void Attach(TrainingSession session) => _session = session;

    /// <summary>Called before <see cref="LoadState"/> and <see cref="OnTrainBegin"/>: a callback that restores a run (<see cref="BackupAndRestore"/>) does it here.</summary>
    internal virtual void OnResume(TrainingSession session)
    {
    }

    /// <summary>Called after every callback's <see cref="OnEpochEnd"/>: a callback that saves the run does it here.</summary>
    internal virtual void OnEpochCommitted(TrainingSession session)
    {
    }
}
