using Fer.Detection;
using Fer.Onnx;

namespace Fer.Media.Tests;

/// <summary>A folder of photos with bad files among them: every good photo's faces, the bad ones reported and skipped.</summary>
public sealed class PhotoPipelineTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("fer-photos-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void Every_face_of_every_good_photo_is_classified_as_one_at_a_time_and_bad_photos_are_skipped()
    {
        foreach (var (path, _) in RealFaces.Boxes())
        {
            File.Copy(path, Path.Combine(_folder.FullName, Path.GetFileName(path)));
        }

        File.WriteAllBytes(Path.Combine(_folder.FullName, "broken.jpg"), [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]);
        File.WriteAllText(Path.Combine(_folder.FullName, "notes.txt"), "not a photo");
        var paths = PhotoPipeline.Find(_folder.FullName).Append(Path.Combine(_folder.FullName, "missing.png")).ToList();
        using var classifier = OnnxEmotionClassifier.LoadDefault();
        using var detector = new BlazeFaceDetector();
        var annotated = Path.Combine(_folder.FullName, "annotated");
        var progress = new List<PhotoPipelineProgress>();

        var results = classifier.PredictPhotos(paths, detector, new PhotoPipelineOptions { PhotosPerBatch = 4, Parallelism = 2, AnnotatedFolder = annotated }, new Reporter(progress.Add)).ToList();

        Assert.Equal(8, results.Count);
        Assert.Equal(paths, results.Select(r => r.Path));
        Assert.Equal(["broken.jpg", "missing.png"], results.Where(r => !r.Succeeded).Select(r => Path.GetFileName(r.Path)));
        Assert.Contains("missing.png", results[^1].Error);
        Assert.Equal("8 photos, 22 faces, 2 failed", PhotoPipeline.Summarize(results));
        foreach (var result in results.Where(r => r.Succeeded))
        {
            // The batched pipeline gives what PredictFaces gives photo by photo.
            var one = classifier.PredictFaces(result.Path, detector);
            Assert.Equal(one.Select(f => f.Face.Box), result.Faces.Select(f => f.Face.Box));
            Assert.Equal(one.Select(f => f.Emotion.Probabilities["happy"]), result.Faces.Select(f => f.Emotion.Probabilities["happy"]));
            Assert.True(File.Exists(Path.Combine(annotated, Path.GetFileNameWithoutExtension(result.Path) + ".annotated.jpg")));
        }

        Assert.Equal(new PhotoPipelineProgress(8, 8, 22, 2), progress[^1]);
        Assert.Equal(2, progress.Count);

        var csv = Path.Combine(_folder.FullName, "faces.csv");
        var json = Path.Combine(_folder.FullName, "faces.json");
        PhotoPipeline.SaveCsv(results, csv);
        PhotoPipeline.SaveJson(results, json);
        var rows = File.ReadAllLines(csv);
        Assert.Equal(1 + 22 + 2, rows.Length);
        var failed = rows.Where(r => r.Contains("broken.jpg,", StringComparison.Ordinal) || r.Contains("missing.png,", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, failed.Count);
        Assert.All(failed, row => Assert.Contains(",,,,,,,,,,,,,,,,", row));
        Assert.All(rows.Skip(1).Except(failed), row => Assert.Equal(rows[0].Split(',').Length, row.Split(',').Length));
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(22, document.RootElement.GetProperty("summary").GetProperty("faces").GetInt32());
    }

    [Fact]
    public void Find_takes_photos_by_extension_in_order_and_refuses_a_missing_folder()
    {
        foreach (var name in new[] { "b.JPG", "a.png", "c.txt", "d.webp" })
        {
            File.WriteAllText(Path.Combine(_folder.FullName, name), "");
        }

        Directory.CreateDirectory(Path.Combine(_folder.FullName, "sub"));
        File.WriteAllText(Path.Combine(_folder.FullName, "sub", "e.jpeg"), "");

        Assert.Equal(["a.png", "b.JPG", "d.webp"], PhotoPipeline.Find(_folder.FullName).Select(Path.GetFileName));
        Assert.Equal(4, PhotoPipeline.Find(_folder.FullName, recursive: true).Count);
        Assert.Throws<DirectoryNotFoundException>(() => PhotoPipeline.Find(Path.Combine(_folder.FullName, "none")));
    }

    [Fact]
    public void Cancelling_stops_between_batches()
    {
        var photo = Path.Combine(RealFaces.PhotosFolder(), "group1.jpg");
        using var classifier = OnnxEmotionClassifier.LoadDefault();
        using var detector = new BlazeFaceDetector();
        using var cancellation = new CancellationTokenSource();
        var seen = 0;

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in classifier.PredictPhotos(Enumerable.Repeat(photo, 10), detector, new PhotoPipelineOptions { PhotosPerBatch = 2 }, cancellationToken: cancellation.Token))
            {
                if (++seen == 2)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal(2, seen);
    }

    private sealed class Reporter(Action<PhotoPipelineProgress> report) : IProgress<PhotoPipelineProgress>
    {
        public void Report(PhotoPipelineProgress value) => report(value);
    }
}
