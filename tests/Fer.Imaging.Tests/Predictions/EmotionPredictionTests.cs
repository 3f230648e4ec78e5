
namespace Fer.Imaging.Tests;

/// <summary>A prediction's emotion comes from its class name: FER2013's seven, FER+'s eight (contempt) in FER+'s order, FER+'s column words.</summary>
public sealed class EmotionPredictionTests
{
    [Fact]
    public void FER2013_and_FER_plus_class_lists_map_to_their_emotions()
    {
        Assert.Equal(Emotion.Happy, new EmotionPrediction(ClassNames.Fer2013, [0, 0, 0, 0.9f, 0.1f, 0, 0]).Emotion);
        Assert.Equal(Emotion.Contempt, new EmotionPrediction(ClassNames.FerPlus, [0.1f, 0, 0, 0, 0, 0, 0, 0.9f]).Emotion);
        Assert.Equal(Emotion.Neutral, new EmotionPrediction(ClassNames.FerPlus, [0.9f, 0.1f, 0, 0, 0, 0, 0, 0]).Emotion);
        Assert.Equal(8, ClassNames.FerPlus.Count);
        Assert.Equal(ClassNames.FerPlus.Order(), ClassNames.Fer2013.Append("contempt").Order());
    }

    [Theory]
    [InlineData("happiness", Emotion.Happy)]
    [InlineData("Sadness", Emotion.Sad)]
    [InlineData("ANGER", Emotion.Angry)]
    [InlineData(" contempt ", Emotion.Contempt)]
    public void FER_plus_column_words_and_any_case_are_understood(string name, Emotion expected)
        => Assert.Equal(expected, ClassNames.ToEmotion(name));

    [Fact]
    public void Other_class_names_have_no_emotion()
    {
        Assert.Null(ClassNames.ToEmotion("horizontal"));
        Assert.Null(new EmotionPrediction(["yes", "no"], [0.6f, 0.4f]).Emotion);
        Assert.Equal("yes", new EmotionPrediction(["yes", "no"], [0.6f, 0.4f]).Label);
    }
}
