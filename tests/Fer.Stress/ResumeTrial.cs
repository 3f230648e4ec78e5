using System.Diagnostics;
using System.Text.Json.Nodes;
using Fer.Core;
using Fer.Datasets;

namespace Fer.Stress;

/// <summary>
/// Trains a small model with a user callback that counts epochs (its count kept through <see cref="Callback.SaveState"/>
/// and <see cref="Callback.LoadState"/>) and <see cref="Callbacks.BackupAndRestore"/>; with a kill epoch, the process
/// kills itself (SIGKILL) when that epoch begins, as an outside kill -9 would, after the previous epoch's state is saved.
/// </summary>
internal static class ResumeTrial
{
    public static (bool Passed, string Report) Run(string directory, int epochs, int killAtEpoch)
    {
        var random = new Random(5);
        var pixels = new byte[64 * 16 * 16];
        random.NextBytes(pixels);
        var labels = Enumerable.Range(0, 64).Select(i => i % 3).ToArray();
        var data = LabeledFaces.FromPixels(pixels, labels, new ImageShape(1, 16, 16), ["a", "b", "c"]);
        using var model = new Sequential((1, 16, 16), seed: 1)
            .Add(Layers.Conv2D(4, kernel: 3))
            .Add(Layers.ReLU())
            .Add(Layers.Flatten())
            .Add(Layers.Dense(3))
            .Compile(Optimizers.Sgd(0.01));
        var counter = new EpochCounter(killAtEpoch);
        var history = model.Fit(data, epochs: epochs, batchSize: 16, callbacks: [counter, Callbacks.BackupAndRestore(directory)]);
        var passed = counter.Count == epochs && history.Epochs.Count == epochs;
        return (passed, $"{(passed ? "ok" : "failed")}: counted {counter.Count} epochs, {counter.Restored} restored from the state, history of {history.Epochs.Count}");
    }

    /// <summary>A user's callback with state: the number of epochs it has seen, across resumes.</summary>
    private sealed class EpochCounter(int killAtEpoch) : Callback
    {
        public int Count { get; private set; }

        public int Restored { get; private set; }

        public override void OnEpochBegin(int epoch)
        {
            if (epoch == killAtEpoch)
            {
                Process.GetCurrentProcess().Kill();
            }
        }

        public override void OnEpochEnd(EpochLogs logs) => Count++;

        public override JsonNode? SaveState() => new JsonObject { ["count"] = Count };

        public override void LoadState(JsonNode state)
        {
            Count = state["count"]?.GetValue<int>() ?? throw new FormatException("the state has no count");
            Restored = Count;
        }
    }
}
