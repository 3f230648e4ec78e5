using SkiaSharp;

namespace Fer.Internal;

/// <summary>
/// The typeface for text in pictures (charts, annotated photos, previews): DejaVu Sans where the system has it
/// (Debian's fonts-dejavu-core), Arial on macOS and Windows, and otherwise a Latin, Greek and Cyrillic subset of
/// DejaVu Sans embedded once, in Fer.Imaging (src/Fer.Imaging/Fonts/DejaVuSans-Subset.ttf; licence in
/// Fonts/LICENSE-DejaVu.txt), which every assembly that draws text references, so that a minimal system or container
/// without any font still gets text.
/// </summary>
internal static class ChartFonts
{
    /// <summary>The system font files tried first, in order.</summary>
    internal static readonly string[] SystemCandidates =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/TTF/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
        "/System/Library/Fonts/Supplemental/Arial.ttf",
        @"C:\Windows\Fonts\arial.ttf",
    ];

    private const string EmbeddedResource = "Fer.Imaging.Fonts.DejaVuSans-Subset.ttf";

    /// <summary>
    /// The environment variable that replaces <see cref="SystemCandidates"/>: font files separated by the platform's
    /// path separator, tried in order; set but empty, no system font is used (the embedded one only, as on a system
    /// without fonts).
    /// </summary>
    internal const string FontPathVariable = "FER_FONT_PATH";

    private static readonly Lazy<SKTypeface> Typeface = new(() => Resolve(Candidates()));

    /// <summary>The font files to try: <see cref="FontPathVariable"/>'s when it is set, else <see cref="SystemCandidates"/>.</summary>
    internal static IEnumerable<string> Candidates()
        => Environment.GetEnvironmentVariable(FontPathVariable) is { } list
            ? list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : SystemCandidates;

    public static SKFont Create(float size) => new(Typeface.Value, size);

    /// <summary>The first candidate file that loads, else the embedded font.</summary>
    internal static SKTypeface Resolve(IEnumerable<string> candidates)
    {
        foreach (var path in candidates.Where(File.Exists))
        {
            if (SKTypeface.FromFile(path) is { } typeface)
            {
                return typeface;
            }
        }

        return LoadEmbedded();
    }

    /// <summary>The embedded DejaVu Sans subset.</summary>
    internal static SKTypeface LoadEmbedded()
    {
        var imaging = typeof(Fer.Photo).Assembly;
        using var stream = imaging.GetManifestResourceStream(EmbeddedResource)
            ?? throw new InvalidOperationException($"The embedded font {EmbeddedResource} is missing from {imaging.GetName().Name}.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The embedded font {EmbeddedResource} could not be read.");
    }
}
