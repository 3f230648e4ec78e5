
namespace Fer.Detection.BlazeFace;

/// <summary>
/// MediaPipe's weighted non-maximum suppression: the most confident detection absorbs every other one that overlaps
/// it by more than the threshold, and the merged box is their score-weighted average.
/// </summary>
internal static class WeightedSuppression
{
    public static List<DetectedFace> Apply(IEnumerable<DetectedFace> candidates, float overlapThreshold)
    {
        var remaining = candidates.OrderByDescending(c => c.Confidence).ToList();
        var result = new List<DetectedFace>();
        while (remaining.Count > 0)
        {
            var best = remaining[0];
            var group = remaining.Where(c => c.Box.IntersectionOverUnion(best.Box) > overlapThreshold).ToList();
            if (!group.Contains(best))
            {
                group.Add(best);
            }

            remaining.RemoveAll(group.Contains);
            var total = group.Sum(c => c.Confidence);
            var box = new FaceBox(
                group.Sum(c => c.Box.X * c.Confidence) / total,
                group.Sum(c => c.Box.Y * c.Confidence) / total,
                group.Sum(c => c.Box.Width * c.Confidence) / total,
                group.Sum(c => c.Box.Height * c.Confidence) / total);
            result.Add(new DetectedFace(box, best.Confidence));
        }

        return result;
    }
}
