using Fer.Internal;
using Fer.Imaging;

namespace Fer.Media;

/// <summary>
/// Many photos at once: a pipeline that decodes photos and finds their faces in parallel, then classifies the faces of
/// several photos in one batch. A photo that cannot be read is reported in its result and skipped; it never stops the run.
/// </summary>
/// <example>
/// <code>
/// var results = classifier.PredictPhotos(PhotoPipeline.Find("photos/"), detector).ToList();
/// PhotoPipeline.SaveCsv(results, "faces.csv");
/// Console.WriteLine(PhotoPipeline.Summarize(results));   // "12 photos, 31 faces, 1 failed"
/// </code>
/// </example>
public static class PhotoPipeline
{
    /// <summary>The file extensions <see cref="Find"/> takes as photos.</summary>
    public static IReadOnlyList<string> Extensions { get; } = [".jpg", ".jpeg", ".png", ".bmp", ".webp", ".gif"];

    /// <summary>The photos in a folder (by extension, case-insensitive), sorted by path; its subfolders too when asked.</summary>
    /// <param name="folder">The folder.</param>
    /// <param name="recursive">Whether to look into subfolders.</param>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<string> Find(string folder, bool recursive = false)
    {
        Guard.DirectoryExists(folder);
        return Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = recursive, IgnoreInaccessible = true, AttributesToSkip = 0 })
            .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Finds and classifies every face of every photo, in the given order, streaming one result per photo as each
    /// batch completes. A photo that is missing, unreadable or too large gets a result with <see cref="PhotoResult.Error"/>.
    /// </summary>
    /// <param name="classifier">The classifier (either package's; thread-safe).</param>
    /// <param name="photoPaths">The photo files.</param>
    /// <param name="detector">The face detector (thread-safe: it runs on several photos at once).</param>
    /// <param name="options">Pipeline settings; the defaults when null.</param>
    /// <param name="progress">Told after each batch.</param>
    /// <param name="cancellationToken">Stops the run between batches.</param>
    public static IEnumerable<PhotoResult> PredictPhotos(
        this IEmotionPredictor classifier,
        IEnumerable<string> photoPaths,
        IFaceDetector detector,
        PhotoPipelineOptions? options = null,
        IProgress<PhotoPipelineProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotNull(classifier);
        Guard.NotNull(detector);
        var paths = Guard.NotNull(photoPaths).ToList();
        options ??= new PhotoPipelineOptions();
        options.Validate();
        if (classifier.InputShape.Channels != 1 || classifier.InputShape.Height != classifier.InputShape.Width)
        {
            throw new FerModelException($"Photo collections crop square grayscale faces, but this model takes {classifier.InputShape}.");
        }

        return Run(classifier, paths, detector, options, progress, cancellationToken);
    }

    /// <summary>"12 photos, 31 faces, 1 failed".</summary>
    /// <param name="results">The results of a run.</param>
    public static string Summarize(IReadOnlyCollection<PhotoResult> results)
    {
        Guard.NotNull(results);
        var failed = results.Count(r => !r.Succeeded);
        return FormattableString.Invariant($"{results.Count} photos, {results.Sum(r => r.Faces.Count)} faces, {failed} failed");
    }

    /// <summary>Writes one CSV row per face (photo, box, face confidence, emotion, confidence, every class's probability), and one per failed photo with its error.</summary>
    /// <param name="results">The results of a run.</param>
    /// <param name="path">The CSV file; written atomically.</param>
    public static void SaveCsv(IReadOnlyCollection<PhotoResult> results, string path) => PhotoPipelineReport.SaveCsv(Guard.NotNull(results), Guard.NotNull(path));

    /// <summary>Writes the results as JSON: per photo its size and faces (box, confidences, probabilities) or its error, and a summary.</summary>
    /// <param name="results">The results of a run.</param>
    /// <param name="path">The JSON file; written atomically.</param>
    public static void SaveJson(IReadOnlyCollection<PhotoResult> results, string path) => PhotoPipelineReport.SaveJson(Guard.NotNull(results), Guard.NotNull(path));

    private static IEnumerable<PhotoResult> Run(IEmotionPredictor classifier, List<string> paths, IFaceDetector detector, PhotoPipelineOptions options, IProgress<PhotoPipelineProgress>? progress, CancellationToken cancellationToken)
    {
        var cropping = options.Cropping ?? FaceCropping.Fer2013;
        var side = classifier.InputShape.Height;
        var size = classifier.InputShape.PixelCount;
        var (done, faces, failures) = (0, 0, 0);
        foreach (var batch in paths.Chunk(options.PhotosPerBatch))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var found = new Found[batch.Length];
            try
            {
                Parallel.For(0, batch.Length, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken }, i =>
                    found[i] = Detect(batch[i], detector, cropping, side));
                var pixels = new byte[found.Sum(f => f.Faces.Count) * size];
                var offset = 0;
                foreach (var crop in found.SelectMany(f => f.Crops))
                {
                    crop.CopyTo(pixels, offset);
                    offset += size;
                }

                var predictions = pixels.Length == 0 ? [] : classifier.PredictPixelBatch(pixels);
                var next = 0;
                foreach (var item in found)
                {
                    var emotions = item.Faces.Select((face, i) => new FaceEmotion(face, item.CropBoxes[i], predictions[next + i])).ToList();
                    next += item.Faces.Count;
                    if (options.AnnotatedFolder is { } folder && item.Photo is { } photo)
                    {
                        FaceAnnotations.SaveImage(photo, emotions, Path.Combine(folder, Path.GetFileNameWithoutExtension(item.Path) + ".annotated.jpg"));
                    }

                    done++;
                    faces += emotions.Count;
                    failures += item.Error is null ? 0 : 1;
                    item.Result = new PhotoResult(item.Path, item.Photo?.Width ?? 0, item.Photo?.Height ?? 0, emotions, item.Error);
                }
            }
            finally
            {
                foreach (var item in found)
                {
                    item?.Photo?.Dispose();
                }
            }

            progress?.Report(new PhotoPipelineProgress(done, paths.Count, faces, failures));
            foreach (var item in found)
            {
                yield return item.Result!;
            }
        }
    }

    /// <summary>Decodes one photo, finds its faces and crops them; an unreadable photo becomes an error, not an exception.</summary>
    private static Found Detect(string path, IFaceDetector detector, FaceCropping cropping, int side)
    {
        Photo? photo = null;
        try
        {
            photo = Photo.Load(path);
            // A detector's unusable box (not finite, no area) cannot be cropped: it is left out.
            var faces = (detector.Detect(photo) ?? []).Where(f => f is not null && float.IsFinite(f.Box.X + f.Box.Y + f.Box.Width + f.Box.Height) && f.Box.Width > 0 && f.Box.Height > 0).ToList();
            var boxes = faces.Select(f => FaceCropping.PlaceInside(cropping.CropFor(f.Box), photo.Width, photo.Height)).ToList();
            var crops = boxes.Select(b => photo.CropToGrayPixels(b, side)).ToList();
            return new Found(path, photo, faces, boxes, crops, null);
        }
        catch (Exception e) when (e is FerException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            photo?.Dispose();
            return new Found(path, null, [], [], [], e.Message);
        }
    }

    private sealed record Found(string Path, Photo? Photo, IReadOnlyList<DetectedFace> Faces, IReadOnlyList<FaceBox> CropBoxes, IReadOnlyList<byte[]> Crops, string? Error)
    {
        public PhotoResult? Result { get; set; }
    }
}
