using System.Text.Json.Nodes;
using Fer.Datasets;

namespace Fer.Core.Tests;

/// <summary>
/// Training states (BackupAndRestore's resume files) get the same treatment as model files: every field is typed and
/// checked before the model changes, and a state that does not fit the model or its optimizer is refused with the
/// reason; the model's weights stay as they were.
/// </summary>
public sealed class TrainingStateTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly LabeledFaces _data = SyntheticFaces.Make(48, seed: 3);

    public void Dispose() => _temp.Dispose();

    private string StateFolder(string name) => Path.Combine(_temp.Path, name);

    /// <summary>Trains two epochs and keeps the state; returns the state file.</summary>
    private string TwoEpochState(string name, Optimizer? optimizer = null)
    {
        using var model = SyntheticFaces.SmallNet().Compile(optimizer ?? Optimizers.Adam(1e-3));
        model.Fit(_data, epochs: 2, batchSize: 16, callbacks: [Callbacks.BackupAndRestore(StateFolder(name), deleteOnFinish: false)]);
        return Path.Combine(StateFolder(name), "training-state.fer");
    }

    private static void Edit(string state, Action<JsonObject> edit)
    {
        var forged = ModelFileTests.Forge(File.ReadAllBytes(state), header =>
        {
            var node = JsonNode.Parse(header)!.AsObject();
            edit(node);
            return node.ToJsonString();
        });
        File.WriteAllBytes(state, forged);
    }

    /// <summary>Resumes from the state folder; the refusal's message, with the model's predictions before and after.</summary>
    private (string Message, float[][] Before, float[][] After) Resume(string name, Optimizer? optimizer = null)
    {
        using var model = SyntheticFaces.SmallNet().Compile(optimizer ?? Optimizers.Adam(1e-3));
        var before = model.Predict(_data);
        var e = Assert.Throws<FerModelException>(() => model.Fit(_data, epochs: 3, batchSize: 16, callbacks: [Callbacks.BackupAndRestore(StateFolder(name), deleteOnFinish: false)]));
        return (e.Message, before, model.Predict(_data));
    }

    [Theory]
    [InlineData("epoch-as-text", "its 'epoch' is missing or not a Int32")]
    [InlineData("no-epoch", "its 'epoch' is missing or not a Int32")]
    [InlineData("rate-as-text", "its 'learningRate' is missing or not a Double")]
    [InlineData("no-history", "it has no history")]
    [InlineData("short-history", "its history holds 1 epochs")]
    [InlineData("bad-history-entry", "its history is malformed")]
    [InlineData("callbacks-not-a-list", "it has no callback list")]
    [InlineData("null-loss", "its history is malformed: epoch 1's value 'loss' is missing or null")]
    [InlineData("no-loss", "its history is malformed: epoch 2 has no 'loss'")]
    [InlineData("other-keys", "its history is malformed: epoch 2 records")]
    [InlineData("values-as-text", "its history is malformed: epoch 1 has no values")]
    public void A_forged_field_is_refused_and_the_weights_stay(string forgery, string expected)
    {
        var state = TwoEpochState(forgery);
        Edit(state, header =>
        {
            switch (forgery)
            {
                case "epoch-as-text": header["epoch"] = "2"; break;
                case "no-epoch": header.Remove("epoch"); break;
                case "rate-as-text": header["learningRate"] = "fast"; break;
                case "no-history": header.Remove("history"); break;
                case "short-history": header["history"]!.AsArray().RemoveAt(1); break;
                case "bad-history-entry": header["history"]![0]!["lr"] = "fast"; break;
                case "callbacks-not-a-list": header["callbacks"] = "none"; break;
                case "null-loss": header["history"]![0]!["values"]!["loss"] = null; break;
                case "no-loss": header["history"]![1]!["values"]!.AsObject().Remove("loss"); break;
                case "other-keys": header["history"]![1]!["values"]!["extra"] = 1.0; break;
                case "values-as-text": header["history"]![0]!["values"] = "none"; break;
            }
        });

        var (message, before, after) = Resume(forgery);
        Assert.Contains(state, message);
        Assert.Contains(expected, message);
        Assert.Equal(before, after);
    }

    [Fact]
    public void A_state_of_another_optimizer_is_refused_and_the_weights_stay()
    {
        TwoEpochState("sgd", Optimizers.Sgd(0.01, momentum: 0.9));
        var (message, before, after) = Resume("sgd", Optimizers.Adam(1e-3));
        Assert.Contains("optimizer state does not fit", message);
        Assert.Equal(before, after);
    }

    [Fact]
    public void An_untouched_state_still_resumes()
    {
        TwoEpochState("good");
        using var model = SyntheticFaces.SmallNet().Compile(Optimizers.Adam(1e-3));
        var history = model.Fit(_data, epochs: 3, batchSize: 16, callbacks: [Callbacks.BackupAndRestore(StateFolder("good"), deleteOnFinish: false)]);
        Assert.Equal([1, 2, 3], history.Epochs.Select(e => e.Epoch));
    }
}
