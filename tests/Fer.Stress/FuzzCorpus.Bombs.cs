using System.IO.Compression;
using System.Text;
using Fer.Core;
using Fer.Datasets;

namespace Fer.Stress;

/// <summary>
/// Inputs made to cost much: gzip bombs of newlines or of malformed rows (FER2013 and FER+; 64 MB each, past every
/// line and row budget, so that CI does not spend its time compressing them), a model file padded to
/// 1.5 GB, a detector that returns 20,000 faces, a network whose flattened input overflows. Each must be refused (or
/// skipped row by row) within the runner's time limit and memory ceiling.
/// </summary>
internal sealed partial class FuzzCorpus
{
    private IEnumerable<FuzzCase> BombCases()
    {
        var newlines = Gzip("newlines.csv.gz", "emotion,pixels,Usage\n", "\n", 64L << 20);
        yield return new FuzzCase("csv.gz of 64 MB of newlines", () => Fer2013.Load(newlines));

        var badRows = Gzip("bad-rows.csv.gz", "emotion,pixels,Usage\n", "x\n", 64L << 20);
        yield return new FuzzCase("csv.gz of 64 MB of malformed rows, skipped", () =>
            Fer2013.Load(badRows, new Fer2013LoadOptions { MalformedRows = MalformedRowHandling.Skip }));

        var votes = Gzip("bad-votes.csv.gz", "Usage,Image name,neutral,happiness,surprise,sadness,anger,disgust,fear,contempt,unknown,NF\n", "Training,x,1\n", 64L << 20);
        var pixels = Path.Combine(work, "one-row.csv");
        File.WriteAllText(pixels, "emotion,pixels,Usage\n0," + string.Join(' ', Enumerable.Repeat("7", 2304)) + ",Training\n");
        yield return new FuzzCase("FER+ votes.gz of 64 MB of malformed rows, skipped", () =>
            FerPlus.Load(pixels, votes, new FerPlusLoadOptions { MalformedRows = MalformedRowHandling.Skip }));
        yield return new FuzzCase("FER+ votes.gz of 64 MB of newlines", () => FerPlus.Load(pixels, Gzip("vote-newlines.csv.gz", "Usage,Image name,neutral,happiness,surprise,sadness,anger,disgust,fear,contempt,unknown,NF\n", "\n", 64L << 20)));

        var padded = Path.Combine(work, "padded.fer");
        File.WriteAllBytes(padded, ValidModel());
        using (var file = new FileStream(padded, FileMode.Open))
        {
            file.SetLength(1536L << 20);   // sparse: costs no disk
        }

        yield return new FuzzCase("model file padded to 1.5 GB", () => Sequential.Load(padded).Dispose());

        var classifier = EmotionClassifier.LoadDefault();
        var photo = Photo.FromPixels(new byte[640 * 480], 640, 480, PhotoPixelFormat.Gray8);
        yield return new FuzzCase("detector returning 20,000 faces", () => classifier.PredictFaces(photo, new ManyFaces(20_000)));
        yield return new FuzzCase("20,000 boxes given", () => classifier.PredictFaces(photo, Enumerable.Repeat(new FaceBox(0, 0, 640, 480), 20_000)));

        yield return new FuzzCase("flatten of a 4096x4096x4096 input", () =>
        {
            using var model = new Sequential((4096, 4096, 4096), seed: 1).Add(Layers.Flatten()).Add(Layers.Dense(3));
            model.Build();
        });
    }

    /// <summary>A gzip file of <paramref name="header"/> and <paramref name="unit"/> repeated to <paramref name="bytes"/> bytes.</summary>
    private string Gzip(string name, string header, string unit, long bytes)
    {
        var path = Path.Combine(work, name);
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gzip.Write(Encoding.ASCII.GetBytes(header));
        var block = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(unit, (1 << 20) / unit.Length)));
        for (long written = 0; written < bytes; written += block.Length)
        {
            gzip.Write(block);
        }

        return path;
    }

    private sealed class ManyFaces(int count) : IFaceDetector
    {
        public IReadOnlyList<DetectedFace> Detect(Photo photo) => Enumerable.Range(0, count).Select(i => new DetectedFace(new FaceBox(i % 600, i % 400, 40, 40), 0.9f)).ToList();
    }
}
