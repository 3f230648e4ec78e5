using ScottPlot;
using SkiaSharp;

namespace Fer.Internal;

/// <summary>
/// What every ScottPlot chart of the library shares: text in the library's font (<see cref="ChartFonts"/>), reached
/// through a ScottPlot font resolver under its own family name. Without it, ScottPlot asks the system's font manager,
/// which SkiaSharp's dependency-free Linux build does not have, and draws no text at all.
/// </summary>
internal static class ChartStyle
{
    /// <summary>The family name the resolver answers to; any other name is left to ScottPlot's other resolvers.</summary>
    public const string FontName = "Fer Chart Sans";

    private static readonly object Gate = new();

    /// <summary>Sets <paramref name="plot"/>'s text to the library's font, registering the resolver once per process.</summary>
    public static Plot Apply(Plot plot)
    {
        lock (Gate)
        {
            if (!Fonts.FontResolvers.Any(r => r is Resolver))
            {
                Fonts.FontResolvers.Add(new Resolver());
            }
        }

        plot.Font.Set(FontName);
        return plot;
    }

    /// <summary>
    /// Plots of equal size stacked into one white picture, each at its offset, as PNG bytes; <paramref name="decorate"/>
    /// may draw on the picture first (a title line). Each plot renders on its own surface, because ScottPlot clears the
    /// whole canvas it renders on.
    /// </summary>
    public static byte[] Compose(int width, int height, int panelWidth, int panelHeight, IReadOnlyList<(Plot Plot, int X, int Y)> panels, Action<SKCanvas>? decorate = null)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(SKColors.White);
        decorate?.Invoke(surface.Canvas);
        using var panelSurface = SKSurface.Create(new SKImageInfo(panelWidth, panelHeight));
        foreach (var (plot, x, y) in panels)
        {
            plot.Render(panelSurface);
            panelSurface.Draw(surface.Canvas, x, y, null);
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Answers <see cref="FontName"/> with a new instance of the library's typeface (ScottPlot owns what it gets).</summary>
    private sealed class Resolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing)
            => fontName == FontName ? ChartFonts.Resolve(ChartFonts.SystemCandidates) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic)
            => fontName == FontName ? ChartFonts.Resolve(ChartFonts.SystemCandidates) : null;
    }
}
