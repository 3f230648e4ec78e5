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

    private static readonly Dictionary<string, Func<Tensor, Tensor, Tensor>> Operations = new()
    {
        ["Times"] = (x, _) => x.Times(0.2),
        ["Plus"] = (x, _) => x.Plus(1),
        ["Plus tensor"] = (x, y) => x.Plus(y),
        ["Minus"] = (x, _) => x.Minus(0.5),
        ["DividedBy"] = (x, _) => x.DividedBy(255.0),
        ["LessThan"] = (x, _) => x.LessThan(0.5),
        ["ClampTo"] = (x, _) => x.ClampTo(0, 1),
        ["PlusScaled"] = (x, y) => x.PlusScaled(y, 0.3),
        ["TimesInPlace"] = (x, _) => x.clone().TimesInPlace(0.7),
        ["PlusInPlace"] = (x, _) => x.clone().PlusInPlace(0.7),
        ["PlusInPlace tensor"] = (x, y) => x.clone().PlusInPlace(y),
        ["IncrementInPlace"] = (x, _) => x.clone().IncrementInPlace(),
        ["PlusScaledInPlace"] = (x, y) => x.clone().PlusScaledInPlace(y, 0.3),
        ["PlusScaledProductInPlace"] = (x, y) => x.clone().PlusScaledProductInPlace(x, y, 0.3),
        ["PlusScaledQuotientInPlace"] = (x, y) => x.clone().PlusScaledQuotientInPlace(x, y.abs().Plus(1), 0.3),
    };

    [Fact]
    public void The_new_forms_equal_the_implicitly_converted_ones_bit_for_bit()
    {
        using var scope = NewDisposeScope();
        var x = randn([4, 1, 48, 48], generator: new Generator(3));
        var y = randn([4, 1, 48, 48], generator: new Generator(4));
        Assert.True(x.Plus(y).equal(x + y).all().item<bool>());
        Assert.True(x.PlusScaled(y, 0.3).equal(x.add(y, 0.3)).all().item<bool>());
        Assert.True(x.clone().TimesInPlace(0.7).equal(x.clone().mul_(0.7)).all().item<bool>());
        Assert.True(x.clone().PlusInPlace(0.7).equal(x.clone().add_(0.7)).all().item<bool>());
        Assert.True(x.clone().PlusInPlace(y).equal(x.clone().add_(y)).all().item<bool>());
        Assert.True(x.clone().IncrementInPlace().equal(x.clone().add_(1)).all().item<bool>());
        Assert.Equal(8L, tensor(7L).IncrementInPlace().item<long>());
        Assert.True(x.clone().PlusScaledInPlace(y, 0.3).equal(x.clone().add_(y, 0.3)).all().item<bool>());
        Assert.True(x.clone().PlusScaledProductInPlace(x, y, 0.3).equal(x.clone().addcmul_(x, y, 0.3)).all().item<bool>());
        Assert.True(x.clone().PlusScaledQuotientInPlace(x, y, 0.3).equal(x.clone().addcdiv_(x, y, 0.3)).all().item<bool>());
    }

    // With TorchSharp's implicit conversions in these operations (x + y, add_(0.7), clamp(0, 1), ...) this crashed
    // within seconds: "Expected false to be true" from c10::Scalar::toDouble/toFloat, or a segmentation fault.
    [Fact]
    public async Task Operations_stay_correct_while_the_collector_runs_finalizers_meanwhile()
    {
        using var scope = NewDisposeScope();
        var x = rand([4096], generator: new Generator(5)).Times(3).Minus(1);
        var y = randn([4096], generator: new Generator(6));
        var operations = Operations.ToArray();
        var expected = operations.Select(operation => operation.Value(x, y)).ToArray();
        await using (BusyCollector.Start())
        {
            for (var i = 0; i < 120_000; i++)
            {
                var k = i % operations.Length;
                using var result = operations[k].Value(x, y);
                Assert.True(result.equal(expected[k]).all().item<bool>(), $"{operations[k].Key} gave a wrong result at call {i}");
            }
        }
    }
}
