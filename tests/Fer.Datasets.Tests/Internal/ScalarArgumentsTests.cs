using Fer.Internal;
using static TorchSharp.torch;

namespace Fer.Datasets.Tests;

public sealed class ScalarArgumentsTests
{
    [Fact]
    public void Each_operation_equals_the_implicitly_converted_one_bit_for_bit()
    {
        using var scope = NewDisposeScope();
        var x = randn([4, 1, 48, 48], generator: new Generator(3));
        Assert.True(x.Times(0.2).equal(x.mul(0.2)).all().item<bool>());
        Assert.True(x.Plus(1).equal(x.add(1)).all().item<bool>());
        Assert.True(x.Minus(0.5077f).equal(x.sub(0.5077f)).all().item<bool>());
        Assert.True(x.DividedBy(255.0).equal(x.div(255.0)).all().item<bool>());
        Assert.True(x.ClampTo(0, 1).equal(x.clamp(0, 1)).all().item<bool>());
        Assert.True(x.LessThan(0.5).equal(x.lt(0.5)).all().item<bool>());
        Assert.Equal(0f, x.ClampTo(0, 1).min().item<float>());
    }

    [Fact]
    public async Task Operations_stay_correct_while_the_collector_runs_finalizers_meanwhile()
    {
        using var scope = NewDisposeScope();
        var x = rand([64, 1, 48, 48], generator: new Generator(5)).Times(3).Minus(1);
        var expected = x.clamp(0, 1);
        using var stop = new CancellationTokenSource();
        var collector = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        });
        try
        {
            for (var i = 0; i < 2000; i++)
            {
                using var clamped = x.ClampTo(0, 1);
                Assert.True(clamped.equal(expected).all().item<bool>());
            }
        }
        finally
        {
            stop.Cancel();
            await collector;
        }
    }
}
