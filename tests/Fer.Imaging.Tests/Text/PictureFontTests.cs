using SkiaSharp;

namespace Fer.Imaging.Tests;

public sealed class PictureFontTests
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
        using var typeface = PictureFont.Resolve(["/nonexistent/fonts/DejaVuSans.ttf"]);
        Assert.Equal("DejaVu Sans", typeface.FamilyName);
        Assert.True(InkedPixels(typeface, "happy 95.0 % (x 12, y 34)") > 300, "the embedded font drew (almost) nothing");
    }

    [Fact]
    public void The_embedded_font_covers_latin_greek_and_cyrillic_text()
    {
        using var typeface = PictureFont.LoadEmbedded();
        var text = string.Concat(Enumerable.Range(0x20, 0x5f).Select(c => (char)c)) + "ÄÖÜßéèçñ ΑΒΓαβγ АБВабв –—…×€";
        using var font = new SKFont(typeface, 12);
        var glyphs = font.GetGlyphs(text.Replace(" ", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain((ushort)0, glyphs);
    }

    [Fact]
    public void FER_FONT_PATH_replaces_the_system_fonts_tried()
    {
        var before = Environment.GetEnvironmentVariable(PictureFont.PathVariable);
        try
        {
            Environment.SetEnvironmentVariable(PictureFont.PathVariable, $"/fonts/a.ttf{Path.PathSeparator} /fonts/b.ttf ");
            Assert.Equal(["/fonts/a.ttf", "/fonts/b.ttf"], PictureFont.Candidates());

            // Set but empty: no system font at all, so the embedded one is what Resolve returns.
            Environment.SetEnvironmentVariable(PictureFont.PathVariable, "");
            Assert.Empty(PictureFont.Candidates());

            Environment.SetEnvironmentVariable(PictureFont.PathVariable, null);
            Assert.Equal(PictureFont.SystemCandidates, PictureFont.Candidates());
        }
        finally
        {
            Environment.SetEnvironmentVariable(PictureFont.PathVariable, before);
        }
    }

    [Fact]
    public void The_shared_typeface_is_loaded_once_and_fonts_and_typefaces_are_new_each_call()
    {
        Assert.Same(PictureFont.Typeface, PictureFont.Typeface);
        using var first = PictureFont.CreateFont(12);
        using var second = PictureFont.CreateFont(12);
        Assert.NotSame(first, second);
        Assert.Same(PictureFont.Typeface, first.Typeface);
        using var owned = PictureFont.CreateTypeface();
        Assert.NotSame(PictureFont.Typeface, owned);
        Assert.Equal(PictureFont.Typeface.FamilyName, owned.FamilyName);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-3f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void A_font_size_that_is_not_a_positive_number_is_refused(float size)
        => Assert.Throws<ArgumentOutOfRangeException>(() => PictureFont.CreateFont(size));
}
