using Fer.Internal;

namespace Fer.Core;

/// <summary>Writes the history so far after every epoch, as CSV or JSON (chosen by the file's extension), atomically.</summary>
public sealed class HistoryLogger : Callback
{
    internal HistoryLogger(string path)
    {
        Path = string.IsNullOrWhiteSpace(path) ? throw new FerModelException("HistoryLogger needs a file path.") : path;
    }

    /// <summary>The file written; ".json" gives JSON, anything else CSV.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public override void OnEpochEnd(EpochLogs logs)
    {
        var json = System.IO.Path.GetExtension(Path).Equals(".json", StringComparison.OrdinalIgnoreCase);
        AtomicFile.WriteAllText(Path, json ? History.ToJson() : History.ToCsv());
    }
}
