using System.Globalization;
using System.Text.RegularExpressions;

namespace Fer.Core.PublicApi.Tests;

/// <summary>Reads the figures a model card documents (docs/*.md), so that tests check the card against the embedded model.</summary>
internal static partial class ModelCards
{
    /// <summary>The percentage on the card's line "<paramref name="label"/>: NN.NN%".</summary>
    public static double Percentage(string card, string label)
    {
        var text = File.ReadAllText(Find(card));
        var match = Regex.Match(text, Regex.Escape(label) + @": (\d+\.\d+)%");
        Assert.True(match.Success, $"docs/{card} has no line '{label}: NN.NN%'.");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The number on the card's line "<paramref name="label"/>: N" (digits with optional thousands commas).</summary>
    public static double Number(string card, string label)
    {
        var text = File.ReadAllText(Find(card));
        var match = Regex.Match(text, Regex.Escape(label) + @": ([\d,]+(?:\.\d+)?)(?![\d%.,])");
        Assert.True(match.Success, $"docs/{card} has no line '{label}: N'.");
        return double.Parse(match.Groups[1].Value, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    private static string Find(string card)
    {
        var path = Path.Combine(SharedData.RepositoryRoot(), "docs", card);
        return File.Exists(path) ? path : throw new FileNotFoundException($"docs/{card} was not found in the repository.", path);
    }
}
