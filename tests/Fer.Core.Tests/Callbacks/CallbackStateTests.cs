using Fer.Testing;

namespace Fer.Core.Tests;

public sealed class CallbackStateTests
{
    [Fact]
    public void A_user_callback_keeps_its_state_across_a_kill_and_a_resume()
    {
        // fer-stress resume-count: a user callback counts epochs through SaveState/LoadState; the first process kills
        // itself (SIGKILL) as epoch 4 begins, the second resumes from the state of epoch 3 and finishes the 6 epochs.
        using var temp = new TempDirectory();
        var host = Path.Combine(AppContext.BaseDirectory, "fer-stress.dll");
        var state = temp.File("state");

        var killed = ChildProcess.Run(AppContext.BaseDirectory, "dotnet", [host, "resume-count", state, "6", "4"], TimeSpan.FromMinutes(2));
        Assert.NotEqual(0, killed.ExitCode);
        Assert.DoesNotContain("counted", killed.StandardOutput);
        Assert.True(File.Exists(Path.Combine(state, "training-state.fer")), killed.Output);

        var resumed = ChildProcess.Run(AppContext.BaseDirectory, "dotnet", [host, "resume-count", state, "6", "0"], TimeSpan.FromMinutes(2));
        Assert.True(resumed.ExitCode == 0, resumed.Output);
        Assert.Contains("ok: counted 6 epochs, 3 restored from the state, history of 6", resumed.StandardOutput);
    }

    [Fact]
    public void A_malformed_user_callback_state_fails_the_resume_with_the_model_exception()
    {
        using var temp = new TempDirectory();
        var train = SyntheticFaces.Make(32, seed: 1);
        using (var first = SyntheticFaces.SmallNet(seed: 1).Compile())
        {
            first.Fit(train, epochs: 1, batchSize: 16, callbacks: [new Counter(), Callbacks.BackupAndRestore(temp.File("state"), deleteOnFinish: false)]);
        }

        using var second = SyntheticFaces.SmallNet(seed: 1).Compile();
        var error = Assert.Throws<FerModelException>(() =>
            second.Fit(train, epochs: 2, batchSize: 16, callbacks: [new Counter(refuse: true), Callbacks.BackupAndRestore(temp.File("state"), deleteOnFinish: false)]));
        Assert.Contains("the state of callback 1 (Counter) is malformed", error.Message);
        Assert.Contains("training-state.fer", error.Message);
    }

    [Fact]
    public void Callbacks_see_the_history_so_far_and_refuse_use_outside_fit()
    {
        var train = SyntheticFaces.Make(32, seed: 1);
        using var model = SyntheticFaces.SmallNet(seed: 1).Compile();
        var counter = new Counter();
        model.Fit(train, epochs: 3, batchSize: 16, callbacks: [counter]);
        Assert.Equal([0, 1, 2], counter.EpochsSeenAtBegin);
        Assert.Throws<InvalidOperationException>(() => new Counter().HistoryCount);
    }

    private sealed class Counter(bool refuse = false) : Callback
    {
        public List<int> EpochsSeenAtBegin { get; } = [];

        public int HistoryCount => History.Epochs.Count;

        public override void OnEpochBegin(int epoch) => EpochsSeenAtBegin.Add(History.Epochs.Count);

        public override System.Text.Json.Nodes.JsonNode? SaveState() => new System.Text.Json.Nodes.JsonObject { ["seen"] = EpochsSeenAtBegin.Count };

        public override void LoadState(System.Text.Json.Nodes.JsonNode state)
        {
            if (refuse)
            {
                throw new FormatException("this counter refuses its state");
            }
        }
    }
}
