namespace Fer.Datasets.Tests;

/// <summary>
/// FER+'s rules on hand-made vote counts (neutral, happiness, surprise, sadness, anger, disgust, fear, contempt,
/// unknown, NF), each expected result worked out from Microsoft's reference code by hand.
/// </summary>
public sealed class FerPlusRulesTests
{
    private static (FerPlusExclusion? Reason, float[] Target) Apply(FerPlusLabelMode mode, params byte[] votes)
    {
        var target = new float[8];
        return (FerPlusRules.Apply(votes, mode, target), target);
    }

    [Fact]
    public void Single_votes_are_outliers_and_the_majority_needs_more_than_half_of_the_rest()
    {
        // 4,0,0,1,3,2: the sadness vote is dropped; 4 of the remaining 9 is not more than half.
        Assert.Equal(FerPlusExclusion.NoAgreement, Apply(FerPlusLabelMode.Majority, 4, 0, 0, 1, 3, 2, 0, 0, 0, 0).Reason);

        // 6,0,1,1,…,unknown 2: surprise and sadness dropped; 6 of 8 is a neutral majority.
        var (reason, target) = Apply(FerPlusLabelMode.Majority, 6, 0, 1, 1, 0, 0, 0, 0, 2, 0);
        Assert.Null(reason);
        Assert.Equal([1f, 0, 0, 0, 0, 0, 0, 0], target);

        // 5 and 5 is a tie, not a majority.
        Assert.Equal(FerPlusExclusion.NoAgreement, Apply(FerPlusLabelMode.Majority, 5, 5, 0, 0, 0, 0, 0, 0, 0, 0).Reason);
    }

    [Fact]
    public void A_majority_of_unknown_or_not_a_face_leaves_the_face_out_in_every_mode()
    {
        foreach (var mode in Enum.GetValues<FerPlusLabelMode>())
        {
            Assert.Equal(FerPlusExclusion.Unknown, Apply(mode, 0, 0, 0, 0, 0, 0, 0, 0, 7, 3).Reason);
            Assert.Equal(FerPlusExclusion.NotAFace, Apply(mode, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10).Reason);
            Assert.Equal(FerPlusExclusion.NoAgreement, Apply(mode, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).Reason);
        }
    }

    [Fact]
    public void Cross_entropy_keeps_the_top_emotions_until_they_cover_three_quarters()
    {
        // 4,0,0,1,3,2 → 4,0,0,0,3,2 (9 votes): neutral (4) covers 4 < 6.75, anger (3) brings 7: stop; 7 of 9 kept.
        var (reason, target) = Apply(FerPlusLabelMode.CrossEntropy, 4, 0, 0, 1, 3, 2, 0, 0, 0, 0);
        Assert.Null(reason);
        Assert.Equal([4f / 7, 0, 0, 0, 3f / 7, 0, 0, 0], target);

        // A tie is taken whole: 5 and 5.
        Assert.Equal([0.5f, 0.5f, 0, 0, 0, 0, 0, 0], Apply(FerPlusLabelMode.CrossEntropy, 5, 5, 0, 0, 0, 0, 0, 0, 0, 0).Target);

        // 3,3,2,2: four emotions are needed, more than three: left out.
        Assert.Equal(FerPlusExclusion.NoAgreement, Apply(FerPlusLabelMode.CrossEntropy, 3, 3, 2, 2, 0, 0, 0, 0, 0, 0).Reason);

        // Unknown after an emotion is dropped: neutral 6 alone holds more than half.
        (reason, target) = Apply(FerPlusLabelMode.CrossEntropy, 6, 0, 0, 0, 0, 0, 0, 0, 4, 0);
        Assert.Null(reason);
        Assert.Equal([1f, 0, 0, 0, 0, 0, 0, 0], target);

        // Unknown first, holding exactly half: the emotions never get in, the face is left out.
        Assert.Equal(FerPlusExclusion.NoAgreement, Apply(FerPlusLabelMode.CrossEntropy, 2, 0, 0, 0, 0, 0, 0, 0, 5, 3).Reason);

        // Probability mode uses the same distribution.
        Assert.Equal(Apply(FerPlusLabelMode.CrossEntropy, 4, 0, 0, 1, 3, 2, 0, 0, 0, 0).Target, Apply(FerPlusLabelMode.Probability, 4, 0, 0, 1, 3, 2, 0, 0, 0, 0).Target);
    }

    [Fact]
    public void Multi_target_keeps_every_class_with_thirty_percent()
    {
        var (reason, target) = Apply(FerPlusLabelMode.MultiTarget, 4, 0, 0, 0, 3, 3, 0, 0, 0, 0);
        Assert.Null(reason);
        Assert.Equal([0.4f, 0, 0, 0, 0.3f, 0.3f, 0, 0], target);

        // Five emotions of 2 each: none reaches 30%.
        Assert.Equal(FerPlusExclusion.NoAgreement, Apply(FerPlusLabelMode.MultiTarget, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0).Reason);

        // Contempt is an emotion like the others.
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 1f], Apply(FerPlusLabelMode.MultiTarget, 0, 0, 0, 0, 0, 0, 0, 8, 2, 0).Target);
    }
}
