
namespace Fer.Detection.BlazeFace;

/// <summary>Scores detections against true face boxes (tests and benchmarks): greedy one-to-one matching at IoU ≥ 0.4.</summary>
internal static class FaceMatching
{
    public const float MinOverlap = 0.4f;

    /// <summary>(true faces found, detections that match no face).</summary>
    public static (int Found, int FalsePositives) Match(IReadOnlyList<FaceBox> truth, IEnumerable<FaceBox> detected)
    {
        var matched = new HashSet<int>();
        var falsePositives = 0;
        foreach (var box in detected)
        {
            var best = Enumerable.Range(0, truth.Count).Where(i => !matched.Contains(i)).OrderByDescending(i => truth[i].IntersectionOverUnion(box)).FirstOrDefault(-1);
            if (best >= 0 && truth[best].IntersectionOverUnion(box) >= MinOverlap)
            {
                matched.Add(best);
            }
            else
            {
                falsePositives++;
            }
        }

        return (matched.Count, falsePositives);
    }
}
