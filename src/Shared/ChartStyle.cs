using ScottPlot;
using SkiaSharp;

namespace Fer.Internal;

/// <summary>
/// What every ScottPlot chart of the library shares: text in the library's font (Fer.Imaging's
/// <see cref="Fer.Imaging.PictureFont"/>), reached through a ScottPlot font resolver under its own family name. Without
/// it, ScottPlot asks the system's font manager, which SkiaSharp's dependency-free Linux build does not have, and
/// draws no text at all.
/// </summary>
/// <remarks>
/// Compiled into Fer.Core and Fer.Media, which both draw charts and do not reference each other. It holds no state of
/// its own: the one resolver lives in ScottPlot's process-wide list, which is also the lock, and a copy recognises the
/// other's resolver by its type name, so both assemblies drawing register one resolver, once.
/// </remarks>
internal static class ChartStyle
{
    /// <summary>The family name the resolver answers to; any other name is left to ScottPlot's other resolvers.</summary>
    public const string FontName = "Fer Chart Sans";

    /// <summary>Sets <paramref name="plot"/>'s text to the library's font, registering the resolver once per process.</summary>
    public static Plot Apply(Plot plot)
    {
        var resolvers = Fonts.FontResolvers;
        lock (resolvers)
        {
            if (!resolvers.Any(IsOurs))
            {
                resolvers.Add(new Resolver());
            }
        }

        plot.Font.Set(FontName);
        return plot;
    }

    /// <summary>
    /// Plots of equal size stacked into one white picture, each at its offset; <paramref name="decorate"/> may draw on
    /// the picture first (a title line). Each plot renders on its own surface, because ScottPlot clears the whole
    /// canvas it renders on.
    /// </summary>
    public static ChartPicture Compose(int width, int height, int panelWidth, int panelHeight, IReadOnlyList<(Plot Plot, int X, int Y)> panels, Action<SKCanvas>? decorate = null)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        surface.Canvas.Clear(SKColors.White);
        decorate?.Invoke(surface.Canvas);
        using var panelSurface = SKSurface.Create(new SKImageInfo(panelWidth, panelHeight));
        var dataAreas = new List<SKRect>();
        foreach (var (plot, x, y) in panels)
        {
            plot.Render(panelSurface);
            panelSurface.Draw(surface.Canvas, x, y, null);
            var area = plot.LastRender.DataRect;
            dataAreas.Add(new SKRect(area.Left + x, area.Top + y, area.Right + x, area.Bottom + y));
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return new ChartPicture(data.ToArray(), width, height, [.. panels.Select(p => SKRectI.Create(p.X, p.Y, panelWidth, panelHeight))], dataAreas);
    }

    /// <summary>Whether <paramref name="resolver"/> is this resolver, from this assembly's copy or another's.</summary>
    internal static bool IsOurs(IFontResolver resolver) => resolver.GetType().FullName == typeof(Resolver).FullName;

    /// <summary>Answers <see cref="FontName"/> with a new instance of the library's typeface (ScottPlot owns what it gets).</summary>
    private sealed class Resolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing)
            => fontName == FontName ? Fer.Imaging.PictureFont.CreateTypeface() : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic)
            => fontName == FontName ? Fer.Imaging.PictureFont.CreateTypeface() : null;
    }
}
