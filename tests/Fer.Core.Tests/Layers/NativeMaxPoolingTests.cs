using static TorchSharp.torch;

namespace Fer.Core.Tests;

public sealed class NativeMaxPoolingTests
{
    public static TheoryData<int, int, int> SamePoolings()
    {
        var data = new TheoryData<int, int, int>();
        foreach (var size in new[] { 3, 5, 6, 7, 11, 12, 22, 23, 44, 48 })
        {
            foreach (var (kernel, stride) in new[] { (2, 2), (3, 2), (3, 1), (2, 1), (3, 3), (5, 2) })
            {
                if (kernel <= size)
                {
                    data.Add(size, kernel, stride);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SamePoolings))]
    public void Same_max_pooling_matches_explicit_minus_infinity_padding_forward_and_backward(int size, int kernel, int stride)
    {
        using var scope = NewDisposeScope();
        using var pooling = Layers.MaxPool2D(kernel, stride, Padding.Same).Build(Shape.Of(3, size, size + 1)).Module;
        var padding = SamePadding.For(Padding.Same, size, size + 1, kernel, stride);
        var input = randn([2, 3, size, size + 1], generator: new Generator((ulong)((size * 31) + (kernel * 7) + stride))).requires_grad_();
        var reference = input.detach().clone().requires_grad_();

        var output = pooling.forward(input);
        var expected = nn.functional.max_pool2d(nn.functional.pad(reference, padding.ToPadArray(), value: double.NegativeInfinity), [kernel, kernel], [stride, stride]);

        Assert.Equal(expected.shape, output.shape);
        Assert.True(output.eq(expected).all().item<bool>(), $"forward differs for {size}x{size + 1}, kernel {kernel}, stride {stride}");
        var upstream = randn_like(output);
        output.backward([upstream]);
        expected.backward([upstream]);
        Assert.True(input.grad!.eq(reference.grad!).all().item<bool>(), $"gradient differs for {size}x{size + 1}, kernel {kernel}, stride {stride}");
    }

    [Fact]
    public void Mini_xception_poolings_need_no_padded_copy()
    {
        // 44 -> 22 -> 11 -> 6 -> 3 with a 3x3, stride-2 window: asymmetric (0, 1) or symmetric (1, 1) padding.
        foreach (var size in new[] { 44, 22, 11, 6 })
        {
            var padding = SamePadding.For(Padding.Same, size, size, 3, 2);
            Assert.NotNull(NativeMaxPooling.For(3, 2, padding, size, size));
        }
    }

    [Fact]
    public void Padding_beyond_half_the_window_falls_back_to_an_explicit_pad()
        => Assert.Null(NativeMaxPooling.For(2, 1, new SamePadding(2, 2, 0, 0), 8, 8));
}
