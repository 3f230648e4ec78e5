using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fer.Internal;

namespace Fer.Media;

/// <summary>
/// Collects the frames of a video analysis and writes them as a timeline: CSV (one row per face per frame), JSON
/// (frames with their faces, and a summary per track) and a PNG chart of each track's smoothed emotions over time.
/// </summary>
public sealed class VideoTimeline
{
    private readonly List<VideoFrameResult> _frames = [];

    /// <summary>A timeline for a classifier's classes.</summary>
    /// <param name="classNames">The classifier's class names, in output order.</param>
    public VideoTimeline(IReadOnlyList<string> classNames)
    {
        ClassNames = ModelInputChecks.ClassNameList(Guard.NotNull(classNames), nameof(classNames));
    }

    /// <summary>The class names, in output order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The frames added so far, in order.</summary>
    public IReadOnlyList<VideoFrameResult> Frames => _frames;

    /// <summary>Each track's span and its emotion averaged over its frames (smoothed probabilities), by track id.</summary>
    public IReadOnlyList<TrackSummary> Tracks => _frames
        .SelectMany(f => f.Faces.Select(face => (f.Timestamp, Face: face)))
        .GroupBy(x => x.Face.TrackId)
        .OrderBy(g => g.Key)
        .Select(g =>
        {
            var mean = ClassNames.Select(c => g.Average(x => x.Face.Smoothed.Probabilities[c])).Select(v => (float)v).ToArray();
            return new TrackSummary(g.Key, g.Min(x => x.Timestamp), g.Max(x => x.Timestamp), g.Count(), new EmotionPrediction(ClassNames, mean));
        })
        .ToList();

    /// <summary>Adds the next frame.</summary>
    /// <param name="frame">A frame of <see cref="VideoAnalysis.AnalyzeVideo"/>.</param>
    public void Add(VideoFrameResult frame) => _frames.Add(Guard.NotNull(frame));

    /// <summary>
    /// Writes one row per face per frame: frame, time in seconds, track, box, face confidence, emotion and confidence,
    /// smoothed emotion and confidence, then every class's probability and smoothed probability. Written atomically.
    /// </summary>
    /// <param name="path">The CSV file.</param>
    public void SaveCsv(string path)
    {
        var text = new StringBuilder();
        text.Append("frame,time_s,track,x,y,width,height,face_confidence,emotion,confidence,smoothed_emotion,smoothed_confidence");
        foreach (var name in ClassNames)
        {
            text.Append(CultureInfo.InvariantCulture, $",p_{name}");
        }

        foreach (var name in ClassNames)
        {
            text.Append(CultureInfo.InvariantCulture, $",smoothed_{name}");
        }

        text.Append('\n');
        foreach (var frame in _frames)
        {
            foreach (var face in frame.Faces)
            {
                var box = face.Face.Face.Box;
                text.Append(CultureInfo.InvariantCulture, $"{frame.Index},{frame.Timestamp.TotalSeconds:0.###},{face.TrackId},{box.X:0.#},{box.Y:0.#},{box.Width:0.#},{box.Height:0.#},{face.Face.Face.Confidence:0.####},{face.Face.Emotion.Label},{face.Face.Emotion.Confidence:0.#####},{face.Smoothed.Label},{face.Smoothed.Confidence:0.#####}");
                foreach (var name in ClassNames)
                {
                    text.Append(CultureInfo.InvariantCulture, $",{face.Face.Emotion.Probabilities[name]:0.#####}");
                }

                foreach (var name in ClassNames)
                {
                    text.Append(CultureInfo.InvariantCulture, $",{face.Smoothed.Probabilities[name]:0.#####}");
                }

                text.Append('\n');
            }
        }

        AtomicFile.Write(Guard.NotNull(path), stream => stream.Write(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The timeline as JSON: the class names, a summary per track, and every frame with its faces.</summary>
    public string ToJson()
    {
        JsonObject Probabilities(EmotionPrediction p) => new(ClassNames.Select(c => KeyValuePair.Create(c, (JsonNode?)Math.Round(p.Probabilities[c], 5))));
        var tracks = new JsonArray(Tracks.Select(t => (JsonNode)new JsonObject
        {
            ["track"] = t.TrackId,
            ["first_s"] = Math.Round(t.FirstSeen.TotalSeconds, 3),
            ["last_s"] = Math.Round(t.LastSeen.TotalSeconds, 3),
            ["frames"] = t.Frames,
            ["emotion"] = t.Emotion.Label,
            ["confidence"] = Math.Round(t.Emotion.Confidence, 4),
        }).ToArray());
        var frames = new JsonArray(_frames.Select(f => (JsonNode)new JsonObject
        {
            ["frame"] = f.Index,
            ["time_s"] = Math.Round(f.Timestamp.TotalSeconds, 3),
            ["faces"] = new JsonArray(f.Faces.Select(face => (JsonNode)new JsonObject
            {
                ["track"] = face.TrackId,
                ["box"] = new JsonObject { ["x"] = Math.Round(face.Face.Face.Box.X, 1), ["y"] = Math.Round(face.Face.Face.Box.Y, 1), ["width"] = Math.Round(face.Face.Face.Box.Width, 1), ["height"] = Math.Round(face.Face.Face.Box.Height, 1) },
                ["faceConfidence"] = Math.Round(face.Face.Face.Confidence, 4),
                ["emotion"] = face.Face.Emotion.Label,
                ["confidence"] = Math.Round(face.Face.Emotion.Confidence, 4),
                ["probabilities"] = Probabilities(face.Face.Emotion),
                ["smoothed"] = Probabilities(face.Smoothed),
            }).ToArray()),
        }).ToArray());
        var json = new JsonObject { ["classNames"] = new JsonArray(ClassNames.Select(c => (JsonNode)c).ToArray()), ["tracks"] = tracks, ["frames"] = frames };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>Writes <see cref="ToJson"/> to a file, atomically.</summary>
    /// <param name="path">The JSON file.</param>
    public void SaveJson(string path)
    {
        var json = ToJson();
        AtomicFile.Write(Guard.NotNull(path), stream => stream.Write(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>Writes a PNG chart: one panel per track, each class's smoothed probability over time.</summary>
    /// <param name="path">The PNG file.</param>
    public void SaveChartPng(string path) => TimelineChart.Save(this, Guard.NotNull(path));
}
