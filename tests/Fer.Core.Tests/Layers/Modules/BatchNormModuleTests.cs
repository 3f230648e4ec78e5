using Fer.Internal;
using static TorchSharp.torch;

namespace Fer.Core.Tests;

public sealed class BatchNormModuleTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Trains_and_evaluates_exactly_as_TorchSharps_batch_norm(bool imageInput)
    {
        using var scope = NewDisposeScope();
        using var ours = new BatchNormModule(8, imageInput, 1e-3, 0.01);
        using var theirs = imageInput ? (nn.Module<Tensor, Tensor>)nn.BatchNorm2d(8, 1e-3, 0.01) : nn.BatchNorm1d(8, 1e-3, 0.01);
        var generator = new Generator(9);
        long[] shape = imageInput ? [16, 8, 5, 5] : [16, 8];
        for (var step = 0; step < 5; step++)
        {
            var batch = randn(shape, generator: generator).Times(3).Plus(1);
            Assert.True(ours.forward(batch).equal(theirs.forward(batch)).all().item<bool>());
        }

        var ourState = ours.state_dict();
        var theirState = theirs.state_dict();
        Assert.Equal(theirState.Keys.Order(), ourState.Keys.Order());
        foreach (var (name, value) in theirState)
        {
            Assert.True(ourState[name].equal(value).all().item<bool>(), $"{name} differs");
        }

        Assert.Equal(5, ourState["num_batches_tracked"].item<long>());
        ours.eval();
        theirs.eval();
        var probe = randn(shape, generator: generator);
        Assert.True(ours.forward(probe).equal(theirs.forward(probe)).all().item<bool>());
    }

    [Fact]
    public void A_wrong_input_rank_is_refused_with_the_ranks()
    {
        using var module = new BatchNormModule(8, imageInput: true, 1e-3, 0.01);
        var error = Assert.Throws<ArgumentException>(() => module.forward(zeros(4, 8)));
        Assert.Contains("4D input, but got 2D", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Training_steps_survive_a_collector_running_finalizers_meanwhile()
    {
        // Up to 40,000 steps, at most 20 s of them: each forced collection walks the whole test process's heap, so
        // after the rest of the assembly has run a step costs ~50x more than alone (5 s alone, 200-400 s in the suite).
        using var module = new BatchNormModule(4, imageInput: false, 1e-3, 0.01);
        using var input = randn(new long[] { 8, 4 }, generator: new Generator(2));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var steps = 0;
        await using (BusyCollector.Start())
        {
            for (; steps < 40_000 && (steps < 1_000 || clock.Elapsed < TimeSpan.FromSeconds(20)); steps++)
            {
                using var scope = NewDisposeScope();
                module.forward(input);
            }
        }

        Assert.Equal(steps, module.num_batches_tracked!.item<long>());
    }
}
