using static TorchSharp.torch;

namespace Fer.Core.Tests;

public sealed class ArchitecturesTests
{
    [Fact]
    public void Mini_xception_has_the_published_parameter_count()
    {
        // Arriaga et al.'s mini_XCEPTION for 7 classes: 58,423 parameters (Keras count, BN statistics included).
        using var model = Architectures.MiniXception.Build();
        Assert.Equal(58_423, model.Summary().TotalParameters);
    }

    [Theory]
    [InlineData("CompactVgg", 1_176_359)]
    [InlineData("TinyVgg", 295_575)]
    public void Vgg_presets_have_their_documented_parameter_counts(string name, long parameters)
    {
        // Four stages of two 3x3 convolutions without bias + BN (4 values per channel), widths w, 2w, 4w, 8w; GAP; dense.
        using var model = Architectures.FromName(name).Build();
        Assert.Equal(parameters, model.Summary().TotalParameters);
    }

    [Theory]
    [InlineData("Fer2013Cnn")]
    [InlineData("MiniXception")]
    [InlineData("VggBn")]
    [InlineData("CompactVgg")]
    [InlineData("TinyVgg")]
    [InlineData("ResNet")]
    public void Every_preset_builds_for_fer2013_and_outputs_seven_classes(string name)
    {
        using var model = Architectures.FromName(name).Build(seed: 1);
        Assert.Equal(7, model.OutputCount);
        using var scope = NewDisposeScope();
        Assert.Equal(new long[] { 2, 7 }, model.ForwardProbabilities(rand(2, 1, 48, 48)).shape);
    }

    [Fact]
    public void Unknown_presets_list_the_known_ones()
        => Assert.Contains("MiniXception", Assert.Throws<ArgumentException>(() => Architectures.FromName("AlexNet")).Message);

    [Fact]
    public void Two_thread_gradients_stay_finite_at_the_instruction_set_fer_core_chose()
    {
        // Regression: mini-Xception's strided 1x1 shortcut reached a oneDNN kernel that writes out of bounds (NaN
        // gradients, heap corruption, crashes; AMD EPYC with AVX-512, LibTorch 2.10); Fer.Core routes around it
        // (ConvolutionGeometry) and caps oneDNN at AVX2 on AVX-512 CPUs. Real-valued [0, 1] inputs as images.
        var previous = get_num_threads();
        set_num_threads(2);
        try
        {
            using var model = Architectures.MiniXception.Build(seed: 1);
            var net = model.Network;
            net.train();
            var generator = new Generator(3);
            for (var i = 0; i < 24; i++)
            {
                using var scope = NewDisposeScope();
                net.zero_grad();
                var loss = nn.functional.cross_entropy(net.forward(rand([64, 1, 48, 48], generator: generator)), randint(0, 7, [64], generator: generator));
                loss.backward();
                Assert.All(net.parameters(), p => Assert.True(p.grad is null || p.grad.isfinite().all().item<bool>()));
            }
        }
        finally
        {
            set_num_threads(previous);
        }
    }
}
