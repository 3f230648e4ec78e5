using System.IO.Compression;
using System.Text;

namespace Fer.Datasets.Tests;

/// <summary>
/// Files made to cost much: one that inflates far beyond what a data set compresses to, millions of empty lines, and
/// millions of malformed rows under Skip. Each is refused early, and skipping costs a counter, not a list.
/// </summary>
public sealed class Fer2013BombTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Write(string name, string header, string unit, long repeat, bool gzip)
    {
        var path = _temp.Combine(name);
        using var file = File.Create(path);
        using var stream = gzip ? new GZipStream(file, CompressionLevel.Optimal) : (Stream)file;
        stream.Write(Encoding.ASCII.GetBytes(header));
        var block = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(unit, 4096)));
        for (long i = 0; i < repeat; i += 4096)
        {
            stream.Write(block);
        }

        return path;
    }

    [Fact]
    public void A_file_that_inflates_far_beyond_a_data_set_is_refused_as_a_bomb()
    {
        // 80 MB of one pixel row repeated compresses about 1000:1, where FER2013 compresses 3:1.
        var row = "0," + string.Join(' ', Enumerable.Repeat("0", 2304)) + ",Training\n";
        var path = Write("bomb.csv.gz", "emotion,pixels,Usage\n", row, 80L * 1024 * 1024 / row.Length, gzip: true);

        var error = Assert.Throws<FerDataException>(() => Fer2013.Load(path));
        Assert.Contains("compression bomb", error.Message);
        Assert.Contains("decompresses to more than 67,108,864 bytes", error.Message);
    }

    [Fact]
    public void Millions_of_empty_lines_are_refused_at_the_first_million()
    {
        var path = Write("empty.csv.gz", "emotion,pixels,Usage\n", "\n", 2_000_000, gzip: true);

        var error = Assert.Throws<FerDataException>(() => Fer2013.Load(path));
        Assert.Contains("more than 1,000,000 empty lines", error.Message);
        Assert.Equal(1_000_002, error.LineNumber);
    }

    [Fact]
    public void Skipped_rows_are_counted_with_the_first_hundred_kept_and_refused_past_a_million()
    {
        var good = "3," + string.Join(' ', Enumerable.Repeat("9", 2304)) + ",Training\n";
        var path = Write("some-bad.csv", "emotion,pixels,Usage\n" + good, "x\n", 4096 * 2, gzip: false);
        var skip = new Fer2013LoadOptions { MalformedRows = MalformedRowHandling.Skip };

        var data = Fer2013.Load(path, skip);
        Assert.Equal(1, data.Training.Count);
        Assert.Equal(8192, data.SkippedCount);
        Assert.Equal(100, data.Skipped.Count);
        Assert.Equal(3, data.Skipped[0].LineNumber);

        var bomb = Write("all-bad.csv.gz", "emotion,pixels,Usage\n", "x\n", 1_200_000, gzip: true);
        var error = Assert.Throws<FerDataException>(() => Fer2013.Load(bomb, skip));
        Assert.Contains("more than 1,000,000 rows or files are malformed", error.Message);
    }
}
