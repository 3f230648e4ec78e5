using static TorchSharp.torch;

namespace Fer.Core.Tests;

public sealed class ActivationsTests
{
    public static TheoryData<ActivationKind, float[]> Expected => new()
    {
        { ActivationKind.ReLU, [0f, 0f, 0f, 0.5f, 2f] },
        { ActivationKind.ELU, [MathF.Exp(-2) - 1, MathF.Exp(-0.5f) - 1, 0f, 0.5f, 2f] },
        { ActivationKind.LeakyReLU, [-0.02f, -0.005f, 0f, 0.5f, 2f] },
        { ActivationKind.GELU, [-0.04550026f, -0.15426877f, 0f, 0.34573123f, 1.9544997f] },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_activation_gives_its_formula(ActivationKind kind, float[] expected)
    {
        using var scope = NewDisposeScope();
        var values = Activations.Function(kind)(tensor(new[] { -2f, -0.5f, 0f, 0.5f, 2f })).data<float>().ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(expected[i], values[i], 5);
        }
    }

    [Fact]
    public void Softmax_sums_to_one_along_the_last_axis()
    {
        using var scope = NewDisposeScope();
        var probabilities = Activations.Function(ActivationKind.Softmax)(tensor(new[,] { { 1f, 2f, 3f }, { 0f, 0f, 0f } }));
        Assert.Equal([1f, 1f], probabilities.sum(1).data<float>().ToArray(), (a, b) => Math.Abs(a - b) < 1e-6);
        Assert.Equal(1f / 3, probabilities[1, 0].item<float>(), 6);
    }
}
