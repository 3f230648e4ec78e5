using Fer.Datasets;
using static TorchSharp.torch;

namespace Fer.Core.Tests;

public sealed class TestTimeCopiesTests
{
    [Fact]
    public void Ten_crop_makes_ten_copies_and_averages_back()
    {
        using var scope = NewDisposeScope();
        var images = rand([3, 1, 48, 48], generator: new Generator(1));
        var copies = TestTimeCopies.Expand(images, TestTimeAugmentation.TenCrop);
        Assert.Equal(new long[] { 30, 1, 48, 48 }, copies.shape);
        var probabilities = ones(30, 7).div(7);
        Assert.Equal(new long[] { 3, 7 }, TestTimeCopies.Average(probabilities, TestTimeAugmentation.TenCrop).shape);
        Assert.True(TestTimeCopies.Expand(images, TestTimeAugmentation.HorizontalFlip)[1].eq(images[0].flip(2)).all().item<bool>());
    }
}
