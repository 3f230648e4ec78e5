using SkiaSharp;

namespace Fer.Internal;

/// <summary>The typeface charts use: DejaVu Sans where installed (Debian's fonts-dejavu-core), else the platform default.</summary>
internal static class ChartFonts
{
    private static readonly Lazy<SKTypeface> Typeface = new(Load);

    public static SKFont Create(float size) => new(Typeface.Value, size);

    private static SKTypeface Load()
    {
        string[] candidates =
        [
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/TTF/DejaVuSans.ttf",
            "/usr/share/fonts/dejavu/DejaVuSans.ttf",
            "/System/Library/Fonts/Supplemental/Arial.ttf",
            @"C:\Windows\Fonts\arial.ttf",
        ];
        foreach (var path in candidates.Where(File.Exists))
        {
            if (SKTypeface.FromFile(path) is { } typeface)
            {
                return typeface;
            }
        }

        return SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default;
    }
}
