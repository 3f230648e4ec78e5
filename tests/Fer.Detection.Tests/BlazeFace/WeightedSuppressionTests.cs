using Fer.Core;
using Fer.Detection.BlazeFace;

namespace Fer.Detection.Tests;

public sealed class WeightedSuppressionTests
{
    [Fact]
    public void Overlapping_detections_merge_into_their_score_weighted_average()
    {
        var merged = WeightedSuppression.Apply(
            [new DetectedFace(new FaceBox(0, 0, 10, 10), 0.75f), new DetectedFace(new FaceBox(2, 0, 10, 10), 0.25f), new DetectedFace(new FaceBox(50, 50, 10, 10), 0.5f)],
            0.3f);

        Assert.Equal(2, merged.Count);
        Assert.Equal(new DetectedFace(new FaceBox(0.5f, 0, 10, 10), 0.75f), merged[0]);
        Assert.Equal(new DetectedFace(new FaceBox(50, 50, 10, 10), 0.5f), merged[1]);
    }

    [Fact]
    public void Nothing_in_gives_nothing_out()
        => Assert.Empty(WeightedSuppression.Apply([], 0.3f));
}
