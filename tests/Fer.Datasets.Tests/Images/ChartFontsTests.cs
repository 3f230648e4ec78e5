using Fer.Internal;
using SkiaSharp;

namespace Fer.Datasets.Tests.Images;

public sealed class ChartFontsTests
{
    /// <summary>Draws <paramref name="text"/> in black on white and counts the pixels that are clearly not white.</summary>
    internal static int InkedPixels(SKTypeface typeface, string text)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(400, 40, SKColorType.Gray8, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        using (var font = new SKFont(typeface, 20))
        using (var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true })
        {
            canvas.Clear(SKColors.White);
            canvas.DrawText(text, 4, 28, SKTextAlign.Left, font, paint);
        }

        return bitmap.GetPixelSpan().ToArray().Count(value => value < 128);
    }

    [Fact]
    public void Without_any_system_font_the_embedded_one_is_used_and_draws_text()
    {
        using var typeface = ChartFonts.Resolve(["/nonexistent/fonts/DejaVuSans.ttf"]);
        Assert.Equal("DejaVu Sans", typeface.FamilyName);
        Assert.True(InkedPixels(typeface, "happy 95.0 % (x 12, y 34)") > 300, "the embedded font drew (almost) nothing");
    }

    [Fact]
    public void The_embedded_font_covers_latin_greek_and_cyrillic_text()
    {
        using var typeface = ChartFonts.LoadEmbedded();
        var text = string.Concat(Enumerable.Range(0x20, 0x5f).Select(c => (char)c)) + "ÄÖÜßéèçñ ΑΒΓαβγ АБВабв –—…×€";
        using var font = new SKFont(typeface, 12);
        var glyphs = font.GetGlyphs(text.Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain((ushort)0, glyphs);
    }

    [Fact]
    public void FER_FONT_PATH_replaces_the_system_fonts_tried()
    {
        var before = Environment.GetEnvironmentVariable(ChartFonts.FontPathVariable);
        try
        {
            Environment.SetEnvironmentVariable(ChartFonts.FontPathVariable, $"/fonts/a.ttf{Path.PathSeparator} /fonts/b.ttf ");
            Assert.Equal(["/fonts/a.ttf", "/fonts/b.ttf"], ChartFonts.Candidates());

            // Set but empty: no system font at all, so the embedded one is what Resolve returns.
            Environment.SetEnvironmentVariable(ChartFonts.FontPathVariable, "");
            Assert.Empty(ChartFonts.Candidates());

            Environment.SetEnvironmentVariable(ChartFonts.FontPathVariable, null);
            Assert.Equal(ChartFonts.SystemCandidates, ChartFonts.Candidates());
        }
        finally
        {
            Environment.SetEnvironmentVariable(ChartFonts.FontPathVariable, before);
        }
    }
}
