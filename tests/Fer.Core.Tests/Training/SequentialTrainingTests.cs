using Fer.Datasets;

namespace Fer.Core.Tests;

public sealed class SequentialTrainingTests
{
    [Fact]
    public void A_small_net_learns_a_synthetic_task()
    {
        var train = SyntheticFaces.Make(600, seed: 1);
        var test = SyntheticFaces.Make(300, seed: 2);
        using var model = SyntheticFaces.SmallNet().Compile(Optimizers.Adam(0.01));
        var reports = new List<TrainingProgress>();
        var history = model.Fit(train, epochs: 6, batchSize: 32, validation: test, progress: new SynchronousProgress<TrainingProgress>(reports.Add));

        Assert.Equal(6, history.Epochs.Count);
        Assert.True(history["val_accuracy"][^1] > 0.95, history.ToCsv());
        Assert.True(history["loss"][^1] < history["loss"][0]);
        Assert.True(model.Evaluate(test)["accuracy"] > 0.95);
        Assert.Contains(reports, r => r.Phase == TrainingPhase.EpochEnd && r.Epoch == 6 && r.Logs is not null);
        Assert.Contains(reports, r => r.Phase == TrainingPhase.Training && r.Batch == 19 && r.Batches == 19);

        var probabilities = model.Predict(test);
        Assert.Equal(300, probabilities.Length);
        Assert.All(probabilities, p => Assert.Equal(1.0, p.Sum(), 4));
        var correct = probabilities.Select((p, i) => Array.IndexOf(p, p.Max()) == test.Labels[i]).Count(c => c);
        Assert.True(correct > 285);
    }

    [Fact]
    public void The_same_seed_repeats_a_run_and_another_seed_does_not()
    {
        var train = SyntheticFaces.Make(90, seed: 3);
        double[] Run(int seed)
        {
            using var model = SyntheticFaces.SmallNet(seed).Compile(Optimizers.Sgd(0.05, momentum: 0.9));
            return [.. model.Fit(train, epochs: 2, batchSize: 16)["loss"]];
        }

        Assert.Equal(Run(5), Run(5));
        Assert.NotEqual(Run(5), Run(6));
    }

    [Fact]
    public void Cancellation_stops_training()
    {
        using var model = SyntheticFaces.SmallNet().Compile();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => model.Fit(SyntheticFaces.Make(30, 1), epochs: 3, cancellationToken: cancel.Token));
    }

    [Fact]
    public void A_softmax_output_trains_and_predicts_probabilities()
    {
        var train = SyntheticFaces.Make(300, seed: 4);
        using var model = new Sequential((1, 16, 16), seed: 2)
            .Add(Layers.Conv2D(8, 3, padding: Padding.Same)).Add(Layers.ELU()).Add(Layers.MaxPool2D(2))
            .Add(Layers.Flatten()).Add(Layers.Dense(16)).Add(Layers.GELU()).Add(Layers.Dense(3)).Add(Layers.Softmax())
            .Compile(Optimizers.AdamW(0.005), Losses.CategoricalCrossEntropy(labelSmoothing: 0.1), [TrainingMetric.Accuracy, TrainingMetric.TopKAccuracy(2)]);
        Assert.True(model.OutputsProbabilities);
        var history = model.Fit(train, epochs: 4, batchSize: 32);
        Assert.True(history["accuracy"][^1] > 0.9, $"accuracy {history["accuracy"][^1]}");
        Assert.True(history["top_2_accuracy"][^1] >= history["accuracy"][^1]);
        Assert.All(model.Predict(train), p => Assert.Equal(1.0, p.Sum(), 4));
    }

    /// <summary>Reports on the caller's thread, unlike <see cref="Progress{T}"/>.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
