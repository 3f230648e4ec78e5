using System.Text.Json.Nodes;
using Fer.Internal;

namespace Fer.Core;

/// <summary>
/// The training state that <see cref="BackupAndRestore"/> keeps: the model's weights, the optimizer's state, the
/// learning rate, the history and every callback's <see cref="Callback.SaveState"/>, in the model file format with its
/// own format name. Restoring checks every field before anything of the model changes.
/// </summary>
internal static class TrainingStateFile
{
    public const string Format = "fer-training-state";

    public static void Save(TrainingSession session, string path)
    {
        var model = session.Model;
        var header = SequentialFile.Header(model, Format);
        header["epoch"] = session.History.Epochs.Count;
        header["learningRate"] = model.LearningRate;
        header["history"] = session.History.ToJsonNode();
        header["callbacks"] = new JsonArray(session.Callbacks.Select(c => (JsonNode)new JsonObject { ["type"] = c.GetType().FullName, ["state"] = c.SaveState() }).ToArray());
        var entries = SequentialFile.WeightEntries(model);
        using (var buffer = new MemoryStream())
        {
            using (var writer = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
            {
                session.Optimizer.save_state_dict(writer);
            }

            entries.Add(new TensorEntry("optimizer", TensorEntry.Bytes, [buffer.Length], buffer.ToArray()));
        }

        AtomicFile.Write(path, s => ModelFile.Write(s, header, entries));
    }

    public static History Restore(TrainingSession session, string path)
    {
        var model = session.Model;
        var callbacks = session.Callbacks;
        var (header, entries) = ModelFile.Read(ModelFile.ReadAllBytes(path), path);
        if (ModelFile.Text(header["format"]) != Format)
        {
            throw ModelFile.Invalid(path, "it is not a training state");
        }

        if (!JsonNode.DeepEquals(header["architecture"], SequentialFile.Architecture(model)))
        {
            throw new FerModelException($"The training state {path} was written for another architecture; delete it or train the model it was written for.");
        }

        // Every field is read and checked before anything of the model changes.
        var epoch = Field<int>(header, "epoch", path);
        var learningRate = Field<double>(header, "learningRate", path);
        if (epoch < 1 || !double.IsFinite(learningRate) || learningRate < 0)
        {
            throw ModelFile.Invalid(path, $"its epoch ({epoch}) or learning rate ({learningRate}) is out of range");
        }

        History history;
        try
        {
            history = History.FromJson(header["history"] as JsonArray ?? throw ModelFile.Invalid(path, "it has no history"));
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException or ArgumentException)
        {
            throw new FerModelException($"Invalid model file: {path}: its history is malformed: {Fer.Internal.ExceptionWords.Of(e)}.", e);
        }

        if (history.Epochs.Count != epoch || history.Epochs.Select((e, i) => e.Epoch != i + 1).Any(wrong => wrong))
        {
            throw ModelFile.Invalid(path, $"its history holds {history.Epochs.Count} epochs, numbered otherwise than 1 to {epoch}, the epoch it says it stopped at");
        }

        var saved = header["callbacks"] as JsonArray ?? throw ModelFile.Invalid(path, "it has no callback list");
        if (saved.Count != callbacks.Count || saved.Select(c => ModelFile.Text((c as JsonObject)?["type"]))
                .Where((t, i) => t != callbacks[i].GetType().FullName).Any())
        {
            throw new FerModelException($"The training state {path} was written with other callbacks; resume with the same callbacks in the same order.");
        }

        if (!entries.TryGetValue("optimizer", out var optimizerState))
        {
            throw ModelFile.Invalid(path, "it has no optimizer state");
        }

        var before = SequentialFile.SnapshotWeights(model);
        try
        {
            SequentialFile.LoadWeights(model, entries, path);
            try
            {
                using var reader = new BinaryReader(new MemoryStream(optimizerState.Data));
                session.Optimizer.load_state_dict(reader);
            }
            catch (Exception e) when (e is not FerException)
            {
                throw new FerModelException($"Invalid model file: {path}: its optimizer state does not fit {session.Optimizer.GetType().Name} of this model (truncated, or written by another optimizer).", e);
            }
        }
        catch
        {
            SequentialFile.RestoreWeights(model, before);
            throw;
        }

        model.LearningRate = learningRate;
        for (var i = 0; i < callbacks.Count; i++)
        {
            if (saved[i]?["state"] is { } state)
            {
                try
                {
                    callbacks[i].LoadState(state);
                }
                catch (Exception e) when (e is InvalidOperationException or FormatException or NullReferenceException or KeyNotFoundException or ArgumentException or System.Text.Json.JsonException)
                {
                    throw new FerModelException($"Invalid model file: {path}: the state of callback {i + 1} ({callbacks[i].GetType().Name}) is malformed: {Fer.Internal.ExceptionWords.Describe(e)}.", e);
                }
            }
        }

        return history;
    }

    /// <summary>A typed header field of a training state, or the model exception naming it.</summary>
    private static T Field<T>(JsonObject header, string name, string path)
        => header[name] is JsonValue value && value.TryGetValue<T>(out var result)
            ? result
            : throw ModelFile.Invalid(path, $"its '{name}' is missing or not a {typeof(T).Name}");
}
