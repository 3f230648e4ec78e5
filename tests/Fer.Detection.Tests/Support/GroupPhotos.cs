using System.Text.Json;
using Fer.Core;
using Fer.Detection.BlazeFace;

namespace Fer.Detection.Tests;

/// <summary>The six shipped group photos (Photos/, MIT) and their hand-checked face boxes (Photos/faces.json).</summary>
internal static class GroupPhotos
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Photos");

    public static IReadOnlyDictionary<string, FaceBox[]> Faces { get; } = Load();

    public static string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>Matches detections to true faces (IoU ≥ 0.4, one to one): (faces found, false positives).</summary>
    public static (int Found, int FalsePositives) Match(IReadOnlyList<FaceBox> truth, IEnumerable<FaceBox> detected)
        => FaceMatching.Match(truth, detected);

    private static Dictionary<string, FaceBox[]> Load()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "faces.json")));
        return json.RootElement.EnumerateObject()
            .Where(p => !p.Name.StartsWith('_'))
            .ToDictionary(
                p => p.Name,
                p => p.Value.EnumerateArray().Select(b => new FaceBox(b[0].GetSingle(), b[1].GetSingle(), b[2].GetSingle(), b[3].GetSingle())).ToArray());
    }
}
