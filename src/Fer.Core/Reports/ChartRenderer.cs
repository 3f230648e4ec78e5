using System.Globalization;
using Fer.Internal;
using ScottPlot;
using SkiaSharp;

namespace Fer.Core;

/// <summary>Draws the report pictures with ScottPlot: a confusion-matrix heat map and training curves.</summary>
internal static class ChartRenderer
{
    private const int Cell = 70;
    private const int PanelWidth = 460;
    private const int PanelHeight = 320;

    public static byte[] ConfusionMatrix(ConfusionMatrix matrix, bool normalized, string title)
    {
        var names = matrix.ClassNames;
        var k = names.Count;
        var counts = matrix.ToArray();
        var rates = matrix.RowNormalized();
        var plot = ChartStyle.Apply(new Plot());

        // Row r (true class r) at y = k - 1 - r, so that the first class is the top row; a cell per rectangle, white
        // (0%) to blue (100%).
        for (var r = 0; r < k; r++)
        {
            for (var c = 0; c < k; c++)
            {
                var y = k - 1 - r;
                var cell = plot.Add.Rectangle(c - 0.5, c + 0.5, y - 0.5, y + 0.5);
                cell.FillColor = Blend(rates[r][c]);
                cell.LineWidth = 0;
                var label = normalized ? rates[r][c].ToString("0.00", CultureInfo.InvariantCulture) : counts[r][c].ToString(CultureInfo.InvariantCulture);
                var text = plot.Add.Text(label, c, y);
                text.LabelAlignment = Alignment.MiddleCenter;
                text.LabelFontSize = 13;
                text.LabelFontColor = rates[r][c] > 0.5 ? Colors.White : Colors.Black;
            }
        }

        var positions = Enumerable.Range(0, k).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, [.. names]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, [.. names.Reverse()]);
        plot.Axes.SetLimits(-0.5, k - 0.5, -0.5, k - 0.5);
        plot.Grid.IsVisible = false;
        plot.Title(title, size: 16);
        plot.XLabel("predicted", size: 13);
        plot.YLabel("true", size: 13);
        return plot.GetImageBytes(150 + (k * Cell), 130 + (k * Cell), ImageFormat.Png);
    }

    /// <summary>A panel per metric (loss, then accuracy or the first other metric), training and validation lines, legends beside the data.</summary>
    public static ChartPicture TrainingCurves(History history)
    {
        var metrics = new[] { "loss", history.Keys.Contains("accuracy") ? "accuracy" : history.Keys.FirstOrDefault(k => !k.StartsWith("val_", StringComparison.Ordinal) && k != "loss") }
            .Where(m => m is not null).Cast<string>().ToArray();
        var panels = metrics.Select((metric, p) =>
        {
            var series = new[] { metric, "val_" + metric }.Where(history.Keys.Contains).Select(s => (s, history[s])).ToArray();
            return (Panel(metric, series), p * PanelWidth, 0);
        }).ToList();
        return ChartStyle.Compose(metrics.Length * PanelWidth, PanelHeight, PanelWidth, PanelHeight, panels);
    }

    private static Color Blend(double rate)
    {
        var t = Math.Clamp(rate, 0, 1);
        return new Color((byte)(247 - (t * 239)), (byte)(251 - (t * 203)), (byte)(255 - (t * 148)));
    }

    /// <summary>
    /// One metric per epoch, a line per series (non-finite values left out), with the legend on the right, outside the
    /// data area, so that it never covers the last epochs (where curves end and matter most).
    /// </summary>
    private static Plot Panel(string title, (string Name, IReadOnlyList<double> Values)[] series)
    {
        var plot = ChartStyle.Apply(new Plot());
        foreach (var (name, values) in series)
        {
            var points = values.Select((v, i) => (Epoch: i + 1.0, Value: v)).Where(t => double.IsFinite(t.Value)).ToArray();
            var line = plot.Add.Scatter(points.Select(t => t.Epoch).ToArray(), points.Select(t => t.Value).ToArray());
            line.LegendText = name;
            line.LineWidth = 2;
            line.MarkerSize = points.Length == 1 ? 6 : 0;
        }

        plot.Title(title, size: 15);
        plot.XLabel("epoch", size: 12);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(Edge.Right);
        return plot;
    }
}
