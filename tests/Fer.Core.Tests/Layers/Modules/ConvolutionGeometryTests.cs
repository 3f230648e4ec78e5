using static TorchSharp.torch;

namespace Fer.Core.Tests;

public sealed class ConvolutionGeometryTests
{
    [Theory]
    [InlineData(8, 16, 44, 2)]
    [InlineData(3, 5, 45, 2)]
    [InlineData(4, 8, 12, 3)]
    public void A_strided_1x1_convolution_equals_the_direct_one_in_values_and_gradients(int inputChannels, int outputChannels, int size, int stride)
    {
        // Fer subsamples before a strided 1x1 convolution (oneDNN's strided 1x1 backward kernel writes out of bounds
        // for few input channels); the result and every gradient must be those of the plain strided convolution.
        using var scope = NewDisposeScope();
        var generator = new Generator(5);
        var input = randn([2, inputChannels, size, size], generator: generator);
        var weight = randn([outputChannels, inputChannels, 1, 1], generator: generator);
        var bias = randn([outputChannels], generator: generator);
        var upstream = randn([2, outputChannels, (size + stride - 1) / stride, (size + stride - 1) / stride], generator: generator);

        var (ours, oursInput, oursWeight, oursBias) = Gradients(input, weight, bias, upstream,
            (x, w, b) => new ConvolutionGeometry(null, [stride, stride], [0, 0], 1).Apply(x, null, ChannelsLast.Of(w), b));
        var (direct, directInput, directWeight, directBias) = Gradients(input, weight, bias, upstream,
            (x, w, b) => nn.functional.conv2d(x, w, b, [stride, stride]));

        Assert.Equal(direct.shape, ours.shape);
        Assert.True(ours.allclose(direct, rtol: 1e-5, atol: 1e-5));
        Assert.True(oursInput.allclose(directInput, rtol: 1e-5, atol: 1e-5));
        Assert.True(oursWeight.allclose(directWeight, rtol: 1e-4, atol: 1e-4));
        Assert.True(oursBias.allclose(directBias, rtol: 1e-4, atol: 1e-4));
    }

    [Theory]
    [InlineData(3, 2, 1)]
    [InlineData(6, 2, 2)]
    [InlineData(16, 3, 1)]
    public void A_depthwise_convolution_with_several_outputs_per_channel_is_exact(int channels, int multiplier, int stride)
    {
        // oneDNN's channels-last depthwise kernel returned wrong values for depth multipliers above 1 with AVX-512; the
        // reference here convolves each output channel alone, through an ordinary single-channel convolution.
        using var scope = NewDisposeScope();
        var generator = new Generator(11);
        var input = randn([3, channels, 12, 12], generator: generator);
        var depthwise = randn([channels * multiplier, 1, 3, 3], generator: generator);
        var pointwise = eye(channels * multiplier).reshape(channels * multiplier, channels * multiplier, 1, 1);

        var ours = new ConvolutionGeometry(null, [stride, stride], [1, 1], channels)
            .Apply(ChannelsLast.Of(input), ChannelsLast.Of(depthwise), ChannelsLast.Of(pointwise), null);
        var reference = cat(Enumerable.Range(0, channels * multiplier)
            .Select(j => nn.functional.conv2d(input[.., (j / multiplier)..(j / multiplier + 1)], depthwise[j..(j + 1)], null, [stride, stride], [1, 1]))
            .ToList(), 1);

        Assert.Equal(reference.shape, ours.shape);
        Assert.True(ours.allclose(reference, rtol: 1e-4, atol: 1e-4), $"max difference {(ours - reference).abs().max().item<float>()}");
    }

    [Theory]
    [InlineData(3, 8, 1)]
    [InlineData(3, 24, 2)]
    [InlineData(5, 12, 1)]
    [InlineData(3, 16, 1)]
    public void A_convolution_from_one_channel_gives_the_exact_input_gradient(int kernel, int outputChannels, int stride)
    {
        // oneDNN's backward-data kernel for one input channel returned wrong input gradients with AVX-512 (LibTorch 2.10)
        // unless the outputs were a multiple of 16; the reference is the same convolution in double precision, which
        // LibTorch computes without oneDNN.
        using var scope = NewDisposeScope();
        var generator = new Generator(13);
        var input = randn([4, 1, 24, 24], generator: generator);
        var weight = randn([outputChannels, 1, kernel, kernel], generator: generator);
        var bias = randn([outputChannels], generator: generator);
        var size = (24 + stride - 1) / stride;
        var upstream = randn([4, outputChannels, size, size], generator: generator);
        var padding = kernel / 2;

        var (ours, oursInput, oursWeight, oursBias) = Gradients(ChannelsLast.Of(input), weight, bias, upstream,
            (x, w, b) => new ConvolutionGeometry(null, [stride, stride], [padding, padding], 1).Apply(x, null, ChannelsLast.Of(w), b));
        var (exact, exactInput, exactWeight, exactBias) = Gradients(input.to(float64), weight.to(float64), bias.to(float64), upstream.to(float64),
            (x, w, b) => nn.functional.conv2d(x, w, b, [stride, stride], [padding, padding]));

        Assert.True(ours.allclose(exact.to(float32), rtol: 1e-4, atol: 1e-4));
        Assert.True(oursInput.allclose(exactInput.to(float32), rtol: 1e-4, atol: 1e-4), $"input gradient off by {(oursInput - exactInput.to(float32)).abs().max().item<float>()}");
        Assert.True(oursWeight.allclose(exactWeight.to(float32), rtol: 1e-4, atol: 1e-3));
        Assert.True(oursBias.allclose(exactBias.to(float32), rtol: 1e-4, atol: 1e-3));
    }

    [Theory]
    [InlineData(8, 1, 1)]
    [InlineData(8, 2, 2)]
    public void A_depthwise_convolution_gives_the_exact_input_gradient(int channels, int multiplier, int stride)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(17);
        var input = randn([4, channels, 12, 12], generator: generator);
        var depthwise = randn([channels * multiplier, 1, 3, 3], generator: generator);
        var pointwise = randn([5, channels * multiplier, 1, 1], generator: generator);
        var bias = randn([5], generator: generator);
        var size = (12 + stride - 1) / stride;
        var upstream = randn([4, 5, size, size], generator: generator);

        var (ours, oursInput, oursWeight, _) = Gradients(ChannelsLast.Of(input), pointwise, bias, upstream,
            (x, w, b) => new ConvolutionGeometry(null, [stride, stride], [1, 1], channels)
                .Apply(x, ChannelsLast.Of(depthwise), ChannelsLast.Of(w), b));
        var depthwise64 = depthwise.to(float64);
        var (exact, exactInput, exactWeight, _) = Gradients(input.to(float64), pointwise.to(float64), bias.to(float64), upstream.to(float64),
            (x, w, b) => nn.functional.conv2d(nn.functional.conv2d(x, depthwise64, null, [stride, stride], [1, 1], groups: channels), w, b));

        Assert.True(ours.allclose(exact.to(float32), rtol: 1e-4, atol: 1e-4));
        Assert.True(oursInput.allclose(exactInput.to(float32), rtol: 1e-4, atol: 1e-4), $"input gradient off by {(oursInput - exactInput.to(float32)).abs().max().item<float>()}");
        Assert.True(oursWeight.allclose(exactWeight.to(float32), rtol: 1e-4, atol: 1e-3));
    }

    [Fact]
    public void Strided_1x1_backward_passes_from_few_channels_stay_finite_with_two_threads()
    {
        // Regression at oneDNN's default instruction set: channels-last strided 1x1 backward passes from 2-8 channels
        // on even-sized inputs crashed the process or corrupted the heap with AVX-512 (and below 8 channels with AVX2).
        var previous = get_num_threads();
        set_num_threads(2);
        try
        {
            var generator = new Generator(7);
            foreach (var channels in new[] { 2, 4, 8 })
            {
                for (var i = 0; i < 4; i++)
                {
                    using var scope = NewDisposeScope();
                    var input = ChannelsLast.Of(randn([64, channels, 44, 44], generator: generator)).requires_grad_(true);
                    var weight = randn([16, channels, 1, 1], generator: generator).requires_grad_(true);
                    new ConvolutionGeometry(null, [2, 2], [0, 0], 1).Apply(input, null, ChannelsLast.Of(weight), null).square().sum().backward();
                    Assert.True(input.grad!.isfinite().all().item<bool>());
                    Assert.True(weight.grad!.isfinite().all().item<bool>());
                }
            }
        }
        finally
        {
            set_num_threads(previous);
        }
    }

    private static (Tensor Output, Tensor InputGradient, Tensor WeightGradient, Tensor BiasGradient) Gradients(
        Tensor input, Tensor weight, Tensor bias, Tensor upstream, Func<Tensor, Tensor, Tensor, Tensor> convolve)
    {
        var x = input.clone().requires_grad_(true);
        var w = weight.clone().requires_grad_(true);
        var b = bias.clone().requires_grad_(true);
        var output = convolve(x, w, b);
        (output * upstream).sum().backward();
        return (output.detach(), x.grad!, w.grad!, b.grad!);
    }
}
