using System.Text.Json.Nodes;

namespace Fer.Core.Tests;

/// <summary>Epoch durations read back from a history (a model's CSV, a training state's JSON) never overflow a TimeSpan.</summary>
public sealed class HistoryReadingTests
{
    [Theory]
    [InlineData("9223372036854775807")]
    [InlineData("1e300")]
    [InlineData("-5")]
    [InlineData("NaN")]
    public void A_csv_duration_no_epoch_can_have_reads_as_zero(string seconds)
    {
        var history = History.FromCsv($"epoch,loss,lr,seconds\n1,0.5,0.001,{seconds}\n2,0.4,0.001,12.5\n");

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(12.5)], history.Epochs.Select(e => e.Duration));
        Assert.Equal(0.4, history.Epochs[1].Values["loss"]);
    }

    [Theory]
    [InlineData(9.2233720368547758E+18)]
    [InlineData(-1.0)]
    public void A_json_duration_no_epoch_can_have_is_refused(double seconds)
    {
        var node = JsonNode.Parse($$"""[{"epoch":1,"values":{"loss":0.5},"lr":0.001,"seconds":{{seconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}}}]""");

        var error = Assert.Throws<FormatException>(() => History.FromJson(node));
        Assert.Contains("an epoch lasted", error.Message);
    }
}
