using Fer.Media;

namespace Fer.Core.PublicApi.Tests;

/// <summary>
/// Fer.Core and Fer.Media both draw ScottPlot charts and do not reference each other; the font resolver they need is
/// process-wide state and must be registered once, whichever draws first and however often.
/// </summary>
public sealed class ChartFontResolverTests
{
    [Fact]
    public void Core_and_media_charts_register_one_scottplot_font_resolver()
    {
        var temp = Directory.CreateTempSubdirectory("fer-resolver-");
        try
        {
            using var classifier = EmotionClassifier.LoadDefault();
            var report = classifier.Evaluate(TestImages.FaceSet(28));
            report.SaveConfusionMatrixPng(Path.Combine(temp.FullName, "confusion.png"));
            new VideoTimeline(classifier.ClassNames).SaveChartPng(Path.Combine(temp.FullName, "timeline.png"));
            report.SaveConfusionMatrixPng(Path.Combine(temp.FullName, "again.png"));
            new VideoTimeline(classifier.ClassNames).SaveChartPng(Path.Combine(temp.FullName, "timeline-again.png"));

            var ours = ScottPlot.Fonts.FontResolvers.Where(r => r.GetType().Namespace == "Fer.Internal").ToList();
            Assert.Single(ours);
            Assert.All(new[] { "confusion.png", "timeline.png" }, name => Assert.True(new FileInfo(Path.Combine(temp.FullName, name)).Length > 1000));
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }
}
