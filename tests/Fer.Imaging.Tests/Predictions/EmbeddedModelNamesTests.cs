
namespace Fer.Imaging.Tests;

/// <summary>Embedded models have one lower-case name each, which parses back in any case, beside the enum's own names.</summary>
public sealed class EmbeddedModelNamesTests
{
    [Fact]
    public void Every_model_has_a_distinct_lower_case_name_that_parses_back()
    {
        Assert.Equal(Enum.GetValues<EmbeddedModel>().Length, EmbeddedModelNames.All.Count);
        Assert.Equal(EmbeddedModelNames.All.Count, EmbeddedModelNames.All.Distinct().Count());
        foreach (var model in Enum.GetValues<EmbeddedModel>())
        {
            var name = EmbeddedModelNames.NameOf(model);
            Assert.Equal(name.ToLowerInvariant(), name);
            Assert.Equal(model, EmbeddedModelNames.Parse(name));
            Assert.Equal(model, EmbeddedModelNames.Parse(name.ToUpperInvariant()));
            Assert.Equal(model, EmbeddedModelNames.Parse(model.ToString()));
        }

        Assert.Equal("ferplus", EmbeddedModelNames.NameOf(EmbeddedModel.FerPlus));
        Assert.Equal(["default", "accurate", "ferplus", "ferplus-accurate"], EmbeddedModelNames.All.Take(4));
    }

    [Theory]
    [InlineData(" FerPlus ", EmbeddedModel.FerPlus)]
    [InlineData("DEFAULT", EmbeddedModel.Default)]
    [InlineData("accurate", EmbeddedModel.Accurate)]
    [InlineData("FerPlus-Accurate", EmbeddedModel.FerPlusAccurate)]
    [InlineData("ferplusaccurate", EmbeddedModel.FerPlusAccurate)]
    public void Names_are_read_in_any_case_around_spaces(string name, EmbeddedModel expected)
    {
        Assert.True(EmbeddedModelNames.TryParse(name, out var model));
        Assert.Equal(expected, model);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("fer plus")]
    [InlineData("ferplus-")]
    [InlineData("model.fer")]
    [InlineData(null)]
    public void Other_names_are_refused_and_the_message_lists_the_names(string? name)
    {
        Assert.False(EmbeddedModelNames.TryParse(name, out _));
        if (name is not null)
        {
            var error = Assert.Throws<ArgumentException>(() => EmbeddedModelNames.Parse(name));
            Assert.Contains($"'{name}'", error.Message);
            Assert.Contains("default, accurate, ferplus", error.Message);
        }
    }

    [Fact]
    public void An_undefined_value_has_no_name()
        => Assert.Throws<ArgumentOutOfRangeException>(() => EmbeddedModelNames.NameOf((EmbeddedModel)99));
}
