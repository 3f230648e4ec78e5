using SkiaSharp;

namespace Fer.Core.Tests;

/// <summary>The training curves' legends sit beside the data, inside the picture: they never cover where the curves end.</summary>
public sealed class TrainingCurvesLayoutTests
{
    [Fact]
    public void Legends_are_outside_the_data_and_inside_the_picture()
    {
        // Curves that end in the top right corner of their panel (accuracy rising to 0.95, the last epochs), where a
        // legend inside the data area would cover them.
        var history = new History();
        for (var epoch = 1; epoch <= 60; epoch++)
        {
            var progress = epoch / 60.0;
            history.Add(new EpochLogs(epoch, new Dictionary<string, double>
            {
                ["loss"] = 2.0 - (1.6 * progress), ["val_loss"] = 2.1 - (1.5 * progress),
                ["accuracy"] = 0.3 + (0.65 * progress), ["val_accuracy"] = 0.28 + (0.6 * progress),
            }, 0.01, TimeSpan.FromSeconds(1)));
        }

        var picture = ChartRenderer.TrainingCurves(history);
        using var bitmap = SKBitmap.Decode(picture.Png);
        Assert.Equal(2, picture.DataAreas.Count);
        for (var i = 0; i < picture.Panels.Count; i++)
        {
            var panel = picture.Panels[i];
            var data = picture.DataAreas[i];
            ChartLayout.AssertPanel(bitmap, panel, data, $"panel {i}");

            // The legend is beside the data area, on the right: text between it and the panel's right edge.
            var beside = new SKRect(data.Right + 2, data.Top, panel.Right, data.Bottom);
            Assert.True(ChartLayout.TextInk(bitmap, beside) > 150, $"panel {i}: no legend text right of the data area");
        }
    }
}
