namespace Fer.Core;

/// <summary>
/// Keeps the full training state in <see cref="Directory"/> after every epoch so that a stopped run (cancelled,
/// killed, or out of time) resumes where it left off. See <see cref="Callbacks.BackupAndRestore"/>.
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
}
