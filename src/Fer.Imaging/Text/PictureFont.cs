using SkiaSharp;

namespace Fer.Imaging;

/// <summary>
/// The typeface of every picture the library draws (charts, annotated photos, augmentation previews, video
/// timelines), so that an app drawing its own overlays can match it: DejaVu Sans where the system has it (Debian's
/// fonts-dejavu-core), Arial on macOS and Windows, and otherwise a Latin, Greek and Cyrillic subset of DejaVu Sans
/// embedded in this assembly (licence: LICENSE-DejaVu.txt in the package), so that a container without any font still
/// gets text. The font files tried can be replaced with the <c>FER_FONT_PATH</c> environment variable
/// (<see cref="PathVariable"/>).
/// </summary>
/// <remarks>
/// The shared typeface is loaded once per process, on first use, and owned by this class: dispose what
/// <see cref="CreateFont"/> and <see cref="CreateTypeface"/> return, never <see cref="Typeface"/>.
/// </remarks>
public static class PictureFont
{
    /// <summary>
    /// The environment variable that replaces the system font files tried: font files separated by the platform's path
    /// separator, tried in order; set but empty, no system font is used (the embedded one only, as on a system
    /// without fonts). Read once, when the typeface is first needed.
    /// </summary>
    public const string PathVariable = "FER_FONT_PATH";

    /// <summary>The system font files tried first, in order, when <see cref="PathVariable"/> is not set.</summary>
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

    private static readonly Lazy<SKTypeface> Shared = new(CreateTypeface);

    /// <summary>The shared typeface (loaded once per process; not to be disposed).</summary>
    public static SKTypeface Typeface => Shared.Value;

    /// <summary>A font of the shared typeface at <paramref name="size"/> points; the caller disposes it.</summary>
    /// <param name="size">The text size in pixels; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is not a positive finite number.</exception>
    public static SKFont CreateFont(float size)
    {
        if (!(size > 0) || float.IsInfinity(size))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The text size must be a positive finite number of pixels.");
        }

        return new SKFont(Typeface, size);
    }

    /// <summary>
    /// A new instance of the typeface, loaded again from its file or resource, that the caller owns and disposes (for
    /// libraries that take ownership of the typefaces they are given, such as ScottPlot's font resolvers).
    /// </summary>
    public static SKTypeface CreateTypeface() => Resolve(Candidates());

    /// <summary>The font files to try: <see cref="PathVariable"/>'s when it is set, else <see cref="SystemCandidates"/>.</summary>
    internal static IEnumerable<string> Candidates()
        => Environment.GetEnvironmentVariable(PathVariable) is { } list
            ? list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : SystemCandidates;

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
        var imaging = typeof(PictureFont).Assembly;
        using var stream = imaging.GetManifestResourceStream(EmbeddedResource)
            ?? throw new InvalidOperationException($"The embedded font {EmbeddedResource} is missing from {imaging.GetName().Name}.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data)
            ?? throw new InvalidOperationException($"The embedded font {EmbeddedResource} could not be read.");
    }
}
