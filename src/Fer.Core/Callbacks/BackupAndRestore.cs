namespace Fer.Core;

/// <summary>
/// Keeps the full training state in <see cref="Directory"/> after every epoch so that a stopped run (cancelled,
/// killed, or out of time) resumes where it left off: the weights, the optimizer's state, the learning rate, the
/// history and every callback's <see cref="Callback.SaveState"/>. See <see cref="Callbacks.BackupAndRestore"/>.
/// </summary>
public sealed class BackupAndRestore : Callback
{
    internal BackupAndRestore(string directory, bool deleteOnFinish)
    {
        Directory = string.IsNullOrWhiteSpace(directory) ? throw new FerModelException("BackupAndRestore needs a directory.") : directory;
        DeleteOnFinish = deleteOnFinish;
    }

    /// <summary>Where the state is kept.</summary>
    public string Directory { get; }

    /// <summary>Whether the state is removed when training finishes all its epochs.</summary>
    public bool DeleteOnFinish { get; }

    /// <summary>The state file.</summary>
    public string StatePath => System.IO.Path.Combine(Directory, "training-state.fer");

    /// <inheritdoc/>
    public override void OnTrainEnd(History history)
    {
        if (DeleteOnFinish && File.Exists(StatePath))
        {
            File.Delete(StatePath);
        }
    }

    /// <summary>Restores the state, when there is one, before the other callbacks begin.</summary>
    internal override void OnResume(TrainingSession session)
    {
        if (File.Exists(StatePath))
        {
            session.History = TrainingStateFile.Restore(session, StatePath);
        }
    }

    /// <summary>Saves the state after every callback has seen the epoch, so that their states are those of its end.</summary>
    internal override void OnEpochCommitted(TrainingSession session) => TrainingStateFile.Save(session, StatePath);
}
