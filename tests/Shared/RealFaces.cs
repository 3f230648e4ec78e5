using System.Text.Json;

namespace Fer.Testing;

/// <summary>
/// The 22 real faces of the group photos in tests/Fer.Detection.Tests/Photos (hand-checked boxes in faces.json),
/// cropped as PredictFaces crops them: grayscale, FER2013 framing, <c>size</c> pixels a side.
/// </summary>
internal static class RealFaces
{
    public static string PhotosFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Fer.Detection.Tests", "Photos");
            if (File.Exists(Path.Combine(candidate, "faces.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/Fer.Detection.Tests/Photos not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The hand-checked boxes of each photo, by file path.</summary>
    public static IReadOnlyList<(string Photo, FaceBox[] Boxes)> Boxes()
    {
        var folder = PhotosFolder();
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "faces.json")));
        return json.RootElement.EnumerateObject()
            .Where(p => p.Name.EndsWith(".jpg", StringComparison.Ordinal))
            .Select(p => (Path.Combine(folder, p.Name), p.Value.EnumerateArray().Select(b => new FaceBox(b[0].GetSingle(), b[1].GetSingle(), b[2].GetSingle(), b[3].GetSingle())).ToArray()))
            .ToList();
    }

    /// <summary>Every face, size × size grayscale bytes one after another.</summary>
    public static byte[] Pixels(int size = 48)
    {
        var faces = new List<byte>();
        foreach (var (path, boxes) in Boxes())
        {
            using var photo = Photo.Load(path);
            foreach (var box in boxes)
            {
                var crop = FaceCropping.PlaceInside(FaceCropping.Fer2013.CropFor(box), photo.Width, photo.Height);
                faces.AddRange(photo.CropToGrayPixels(crop, size));
            }
        }

        return [.. faces];
    }
}
