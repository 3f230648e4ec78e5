using static TorchSharp.torch;

namespace Fer.Core.Tests;

public sealed class ChannelsLastTests
{
    [Fact]
    public void A_channels_last_copy_keeps_shape_and_values_and_is_recognised()
    {
        using var scope = NewDisposeScope();
        var input = randn(2, 3, 5, 4);
        Assert.False(ChannelsLast.Is(input));
        var converted = ChannelsLast.Of(input);
        Assert.True(ChannelsLast.Is(converted));
        Assert.Equal(input.shape, converted.shape);
        Assert.Equal(new long[] { 60, 1, 12, 3 }, converted.stride());
        Assert.True(converted.eq(input).all().item<bool>());
        Assert.Same(converted, ChannelsLast.Of(converted));
    }

    [Fact]
    public void One_channel_images_and_other_ranks_are_left_alone()
    {
        using var scope = NewDisposeScope();
        var gray = rand(2, 1, 48, 48);
        Assert.True(ChannelsLast.Is(gray));
        Assert.Same(gray, ChannelsLast.Of(gray));
        var flat = rand(4, 7);
        Assert.Same(flat, ChannelsLast.Of(flat));
    }

    [Theory]
    [InlineData(1, 8, 3, 1, false)]
    [InlineData(8, 16, 3, 1, true)]
    [InlineData(8, 16, 1, 2, false)]
    [InlineData(16, 32, 3, 2, false)]
    public void Convolutions_give_the_default_layout_results_forward_and_backward(int inChannels, int filters, int kernel, int stride, bool separable)
    {
        using var scope = NewDisposeScope();
        Layer layer = separable ? Layers.SeparableConv2D(filters, kernel, stride, Padding.Same) : Layers.Conv2D(filters, kernel, stride, Padding.Same);
        using var module = layer.Build(Shape.Of(inChannels, 12, 12)).Module;
        var input = randn([3, inChannels, 12, 12], generator: new Generator(7)).requires_grad_();
        var output = module.forward(input);
        if (inChannels > 1)
        {
            Assert.True(ChannelsLast.Is(output) && !output.is_contiguous());
        }

        // The same weights through LibTorch's default-layout convolution, in double precision (no oneDNN kernel: some
        // of its AVX-512 kernels are wrong for one input channel, see ConvolutionGeometryTests).
        var weights = module.parameters().Select(w => w.detach().to(float64)).ToArray();
        var reference = input.detach().to(float64).requires_grad_();
        var padding = SamePadding.For(Padding.Same, 12, 12, kernel, stride);
        var padded = nn.functional.pad(reference, padding.ToPadArray());
        var expected = separable
            ? nn.functional.conv2d(nn.functional.conv2d(padded, weights[0], null, [stride, stride], groups: inChannels), weights[1], weights[2])
            : nn.functional.conv2d(padded, weights[0], weights[1], [stride, stride]);

        Assert.Equal(expected.shape, output.shape);
        Assert.True(output.allclose(expected.to(float32), rtol: 1e-4, atol: 1e-5), $"max difference {(output - expected).abs().max().item<double>()}");
        var upstream = randn_like(output);
        output.backward([upstream]);
        expected.backward([upstream.to(float64)]);
        var exactGradient = reference.grad!.to(float32);
        Assert.True(input.grad!.allclose(exactGradient, rtol: 1e-4, atol: 1e-5), $"max input-gradient difference {(input.grad! - exactGradient).abs().max().item<float>()} of {exactGradient.abs().max().item<float>()}");
        Assert.All(module.parameters(), w => Assert.True(w.grad is not null && w.grad.isfinite().all().item<bool>()));
    }
}
