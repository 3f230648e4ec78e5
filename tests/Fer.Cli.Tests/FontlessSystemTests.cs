using System.Globalization;
using SkiaSharp;

namespace Fer.Cli.Tests;

/// <summary>
/// On a system without any font (a minimal Debian or container), pictures still carry text: `fer evaluate` runs in a
/// child process that sees no system font (its /usr/share/fonts hidden behind an empty tmpfs in a private mount
/// namespace, so the host is untouched; or FER_FONT_PATH set but empty), and the confusion matrix it writes must have
/// inked pixels in its title strip.
/// </summary>
public sealed class FontlessSystemTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("fer-fontless-");

    public void Dispose() => _temp.Delete(recursive: true);

    /// <param name="way">
    /// "mount": /usr/share/fonts hidden behind an empty tmpfs (needs root and unshare: skipped where they are missing);
    /// "variable": FER_FONT_PATH set but empty, so that the library tries no system font (runs everywhere).
    /// </param>
    [SkippableTheory]
    [InlineData("mount")]
    [InlineData("variable")]
    public void Charts_have_text_on_a_system_without_fonts(string way)
    {
        var hideFonts = way == "mount";
        Skip.If(hideFonts && !(Directory.Exists("/usr/share/fonts") && CanHideFonts()), "cannot hide the system fonts here (needs root and unshare)");
        var csv = Path.Combine(_temp.FullName, "faces.csv");
        var random = new Random(3);
        File.WriteAllLines(csv, new[] { "emotion,pixels,Usage" }.Concat(Enumerable.Range(0, 28).Select(i =>
            $"{i % 7},{string.Join(" ", Enumerable.Range(0, 2304).Select(_ => random.Next(256).ToString(CultureInfo.InvariantCulture)))},PublicTest")));
        var reports = Path.Combine(_temp.FullName, "reports");
        string[] fer = ["dotnet", Path.Combine(AppContext.BaseDirectory, "fer.dll"), "evaluate", "--data", csv, "--out", reports];
        var result = hideFonts
            ? ChildProcess.Run(_temp.FullName, "unshare", ["--mount", "--", "sh", "-c", "mount -t tmpfs none /usr/share/fonts && exec \"$@\"", "sh", .. fer], TimeSpan.FromMinutes(3))
            : ChildProcess.Run(_temp.FullName, fer[0], fer[1..], TimeSpan.FromMinutes(3), new Dictionary<string, string> { ["FER_FONT_PATH"] = "" });
        Assert.True(result.ExitCode == 0, result.Output);

        using var chart = SKBitmap.Decode(Path.Combine(reports, "confusion.png"));
        var inked = 0;
        for (var y = 0; y < 45; y++)
        {
            for (var x = 0; x < chart.Width; x++)
            {
                inked += chart.GetPixel(x, y).Red < 128 ? 1 : 0;
            }
        }

        Assert.True(inked > 100, $"the title strip of the confusion matrix has {inked} dark pixels: no text was drawn");
    }

    private bool CanHideFonts()
    {
        try
        {
            var probe = ChildProcess.Run(_temp.FullName, "unshare", ["--mount", "--", "sh", "-c", "mount -t tmpfs none /usr/share/fonts && ls /usr/share/fonts | wc -l"], TimeSpan.FromMinutes(1));
            return probe.ExitCode == 0 && probe.StandardOutput.Trim() == "0";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;   // no unshare here
        }
    }
}
