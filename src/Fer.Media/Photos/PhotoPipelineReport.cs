using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fer.Internal;

namespace Fer.Media;

/// <summary>Writes the results of a photo collection as CSV and JSON.</summary>
internal static class PhotoPipelineReport
{
    public static void SaveCsv(IReadOnlyCollection<PhotoResult> results, string path)
    {
        var classes = ClassNamesOf(results);
        var text = new StringBuilder("photo,face,x,y,width,height,face_confidence,emotion,confidence");
        foreach (var name in classes)
        {
            text.Append(CultureInfo.InvariantCulture, $",p_{name}");
        }

        text.Append(",error\n");
        foreach (var result in results)
        {
            if (!result.Succeeded)
            {
                text.Append(Quote(result.Path)).Append(',', 9 + classes.Count).Append(Quote(result.Error!)).Append('\n');
                continue;
            }

            for (var i = 0; i < result.Faces.Count; i++)
            {
                var face = result.Faces[i];
                var box = face.Face.Box;
                text.Append(Quote(result.Path)).Append(CultureInfo.InvariantCulture, $",{i},{box.X:0.#},{box.Y:0.#},{box.Width:0.#},{box.Height:0.#},{face.Face.Confidence:0.####},{face.Emotion.Label},{face.Emotion.Confidence:0.#####}");
                foreach (var name in classes)
                {
                    text.Append(CultureInfo.InvariantCulture, $",{face.Emotion.Probabilities[name]:0.#####}");
                }

                text.Append(",\n");
            }
        }

        AtomicFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes(text.ToString())));
    }

    public static void SaveJson(IReadOnlyCollection<PhotoResult> results, string path)
    {
        var photos = new JsonArray(results.Select(r => (JsonNode)new JsonObject
        {
            ["photo"] = r.Path,
            ["width"] = r.Width,
            ["height"] = r.Height,
            ["error"] = r.Error,
            ["faces"] = new JsonArray(r.Faces.Select(f => (JsonNode)new JsonObject
            {
                ["box"] = new JsonObject { ["x"] = Math.Round(f.Face.Box.X, 1), ["y"] = Math.Round(f.Face.Box.Y, 1), ["width"] = Math.Round(f.Face.Box.Width, 1), ["height"] = Math.Round(f.Face.Box.Height, 1) },
                ["faceConfidence"] = Math.Round(f.Face.Confidence, 4),
                ["emotion"] = f.Emotion.Label,
                ["confidence"] = Math.Round(f.Emotion.Confidence, 4),
                ["probabilities"] = new JsonObject(f.Emotion.Probabilities.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Math.Round(p.Value, 5)))),
            }).ToArray()),
        }).ToArray());
        var json = new JsonObject
        {
            ["summary"] = new JsonObject { ["photos"] = results.Count, ["faces"] = results.Sum(r => r.Faces.Count), ["failed"] = results.Count(r => !r.Succeeded) },
            ["photos"] = photos,
        };
        var text = json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        AtomicFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes(text)));
    }

    private static List<string> ClassNamesOf(IReadOnlyCollection<PhotoResult> results)
        => results.SelectMany(r => r.Faces).Select(f => f.Emotion.Probabilities.Keys.ToList()).FirstOrDefault() ?? [.. Fer.ClassNames.Fer2013];

    /// <summary>A CSV field: quoted, with quotes doubled, when it holds a comma, quote or line break.</summary>
    private static string Quote(string value)
        => value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
