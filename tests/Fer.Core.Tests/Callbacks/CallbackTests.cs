using Fer.Datasets;

namespace Fer.Core.Tests;

public sealed class CallbackTests
{
    private static readonly LabeledFaces Train = SyntheticFaces.Make(60, seed: 1);
    private static readonly LabeledFaces Validation = SyntheticFaces.Make(30, seed: 2);

    [Fact]
    public void Early_stopping_stops_after_patience_and_restores_the_best_weights()
    {
        using var model = SyntheticFaces.SmallNet().Compile(Optimizers.Sgd(1e-9));
        var stopper = Callbacks.EarlyStopping("loss", patience: 1, minDelta: 10, restoreBestWeights: true);
        var history = model.Fit(Train, epochs: 10, batchSize: 30, callbacks: [stopper]);
        Assert.Equal(3, history.Epochs.Count);
        Assert.Equal(3, stopper.StoppedEpoch);
        Assert.Equal(1, stopper.BestEpoch);
    }

    [Fact]
    public void Reduce_lr_on_plateau_multiplies_the_rate_after_patience()
    {
        using var model = SyntheticFaces.SmallNet().Compile(Optimizers.Sgd(0.1));
        var history = model.Fit(Train, epochs: 4, batchSize: 30, callbacks: [Callbacks.ReduceLROnPlateau("loss", factor: 0.5, patience: 0, minDelta: 100)]);
        // The first epoch sets the best value; every later one fails to improve by minDelta and, with patience 0, halves the rate.
        Assert.Equal([0.1, 0.1, 0.05, 0.025], history.Epochs.Select(e => Math.Round(e.LearningRate, 6)));
    }

    [Fact]
    public void Monitoring_a_value_that_does_not_exist_says_so()
    {
        using var model = SyntheticFaces.SmallNet().Compile();
        var error = Assert.Throws<FerModelException>(() => model.Fit(Train, epochs: 1, callbacks: [Callbacks.EarlyStopping("val_loss")]));
        Assert.Contains("'val_loss' is not in the epoch results (loss, accuracy)", error.Message);
    }

    [Fact]
    public void Checkpoints_and_history_logs_are_written_atomically()
    {
        using var temp = new TempDirectory();
        using var model = SyntheticFaces.SmallNet().Compile(Optimizers.Adam(0.01));
        model.Fit(Train, epochs: 3, batchSize: 30, validation: Validation, callbacks:
        [
            Callbacks.ModelCheckpoint(temp.File("epoch-{epoch}.fer")),
            Callbacks.ModelCheckpoint(temp.File("best.fer"), "val_accuracy", saveBestOnly: true),
            Callbacks.HistoryLogger(temp.File("history.csv")),
            Callbacks.HistoryLogger(temp.File("history.json")),
        ]);
        Assert.True(File.Exists(temp.File("epoch-1.fer")) && File.Exists(temp.File("epoch-3.fer")));
        using var best = Sequential.Load(temp.File("best.fer"));
        Assert.Equal(3, best.OutputCount);
        var csv = File.ReadAllLines(temp.File("history.csv"));
        Assert.Equal("epoch,loss,accuracy,val_loss,val_accuracy,lr,seconds", csv[0]);
        Assert.Equal(4, csv.Length);
        Assert.Contains("\"val_accuracy\"", File.ReadAllText(temp.File("history.json")));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
    }

    [Fact]
    public void Schedules_give_the_documented_rates()
    {
        var cosine = Schedules.Cosine(totalEpochs: 5, minLearningRate: 0.1, warmupEpochs: 1);
        Assert.Equal([0.5, 1.0, 0.775, 0.325, 0.1], Enumerable.Range(1, 5).Select(e => Math.Round(cosine.LearningRateAt(e, 1.0), 6)));
        var step = Schedules.Step(2, 0.5);
        Assert.Equal([1.0, 1.0, 0.5, 0.5, 0.25], Enumerable.Range(1, 5).Select(e => step.LearningRateAt(e, 1.0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedules.Cosine(3, warmupEpochs: 3));
    }

    [Fact]
    public void A_custom_callback_sees_every_hook()
    {
        var recorder = new Recorder();
        using var model = SyntheticFaces.SmallNet().Compile();
        model.Fit(Train, epochs: 2, batchSize: 30, callbacks: [recorder]);
        Assert.Equal(["begin", "epoch 1", "batch 1.1", "batch 1.2", "end 1", "epoch 2", "batch 2.1", "batch 2.2", "end 2", "finish 2"], recorder.Events);
    }

    private sealed class Recorder : Callback
    {
        public List<string> Events { get; } = [];

        public override void OnTrainBegin() => Events.Add("begin");

        public override void OnEpochBegin(int epoch) => Events.Add($"epoch {epoch}");

        public override void OnBatchEnd(int epoch, int batch, double loss) => Events.Add($"batch {epoch}.{batch}");

        public override void OnEpochEnd(EpochLogs logs) => Events.Add($"end {logs.Epoch}");

        public override void OnTrainEnd(History history) => Events.Add($"finish {history.Epochs.Count}");
    }
}
