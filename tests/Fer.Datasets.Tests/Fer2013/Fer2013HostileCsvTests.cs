using System.IO.Compression;
using System.Text;

namespace Fer.Datasets.Tests;

/// <summary>
/// Damaged or hostile CSV files: a truncated or corrupt gzip is an error (never a short data set), a huge header or
/// line is refused before it costs memory, and a stack-hungry header cannot crash the process.
/// </summary>
public sealed class Fer2013HostileCsvTests
{
    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    private static string TenRows() => CsvFixtures.Classic([.. Enumerable.Range(0, 10).Select(i => (i % 7, "Training", i))]);

    [Fact]
    public void A_whole_gzip_file_loads()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("whole.csv.gz");
        File.WriteAllBytes(path, Gzip(TenRows()));
        Assert.Equal(10, Fer2013.Load(path).Training.Count);
    }

    [Fact]
    public void A_gzip_file_cut_anywhere_is_an_error_never_a_short_data_set()
    {
        using var temp = new TempFolder();
        var whole = Gzip(TenRows());
        var path = temp.Combine("cut.csv.gz");
        foreach (var length in new[] { 12, 20, whole.Length / 4, whole.Length / 3, whole.Length / 2, (whole.Length * 9) / 10, whole.Length - 9, whole.Length - 4, whole.Length - 1 })
        {
            File.WriteAllBytes(path, whole[..length]);
            var e = Assert.Throws<FerDataException>(() => Fer2013.Load(path));
            Assert.Contains(path, e.Message);
            Assert.True(e.Message.Contains("truncated", StringComparison.Ordinal) || e.Message.Contains("not valid gzip data", StringComparison.Ordinal), $"cut at {length} of {whole.Length}: {e.Message}");
        }
    }

    [Fact]
    public void Flipped_bytes_in_a_gzip_file_are_an_error()
    {
        using var temp = new TempFolder();
        var whole = Gzip(TenRows());
        var path = temp.Combine("flipped.csv.gz");
        var random = new Random(7);
        for (var trial = 0; trial < 20; trial++)
        {
            var damaged = (byte[])whole.Clone();
            damaged[random.Next(10, damaged.Length)] ^= (byte)(1 << random.Next(8));
            File.WriteAllBytes(path, damaged);
            var e = Record.Exception(() => Fer2013.Load(path));
            Assert.True(e is FerDataException, $"trial {trial}: {e?.GetType().Name ?? "no exception"}: {e?.Message}");
        }
    }

    [Fact]
    public void Concatenated_gzip_members_are_refused_with_how_to_fix_it()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("two-members.csv.gz");
        var rows = TenRows();
        var split = rows.IndexOf('\n', rows.Length / 2) + 1;
        File.WriteAllBytes(path, [.. Gzip(rows[..split]), .. Gzip(rows[split..])]);
        Assert.Contains("several concatenated gzip members", Assert.Throws<FerDataException>(() => Fer2013.Load(path)).Message);
    }

    [Fact]
    public void A_header_with_a_million_columns_is_refused_without_crashing()
    {
        using var temp = new TempFolder();
        var path = temp.Write("wide.csv", "emotion,pixels,Usage" + string.Concat(Enumerable.Repeat(",x", 1_000_000)) + "\n3,1,Training\n");
        var e = Assert.Throws<FerDataException>(() => Fer2013.Load(path));
        Assert.Equal(1, e.LineNumber);
        Assert.Contains("longer than 262,144 characters", e.Message);

        var hundred = temp.Write("hundred.csv", "emotion,pixels,Usage" + string.Concat(Enumerable.Repeat(",x", 97)) + "\n");
        Assert.Contains("the header has 100 columns, more than the 64 read", Assert.Throws<FerDataException>(() => Fer2013.Load(hundred)).Message);
    }

    [Fact]
    public void A_gzip_bomb_of_one_huge_line_is_refused_with_bounded_memory()
    {
        using var temp = new TempFolder();
        var path = temp.Combine("bomb.csv.gz");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write("emotion,pixels,Usage\n3,"u8);
            var block = new byte[1 << 20];
            Array.Fill(block, (byte)'7');
            for (var i = 0; i < 64; i++)
            {
                gzip.Write(block);
            }
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<FerDataException>(() => Fer2013.Load(path));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(2, e.LineNumber);
        Assert.Contains("longer than 262,144 characters", e.Message);
        Assert.True(allocated < 16L << 20, $"{allocated:N0} bytes allocated while refusing a 64 MB line");
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Every_line_ending_reads_the_same_rows(string newline)
    {
        using var temp = new TempFolder();
        var path = temp.Write("endings.csv", TenRows().Replace("\n", newline, StringComparison.Ordinal));
        var data = Fer2013.Load(path);
        Assert.Equal(10, data.Training.Count);
        Assert.Equal(CsvFixtures.Face(9), data.Training.GetPixels(9).ToArray());
    }

    [Fact]
    public void A_stray_quote_spoils_its_own_row_only_and_quoted_fields_are_read()
    {
        // CSV quoting is not parsed (FER2013 fields hold no commas or line breaks): an unmatched quote must not join the
        // rest of the file into one row, and a value in quotes is still read.
        using var temp = new TempFolder();
        var path = temp.Write("quotes.csv",
            "emotion,pixels,Usage\n" + $"\"3,{CsvFixtures.Pixels(1)},Training\n" + $"\"4\",\"{CsvFixtures.Pixels(2)}\",\"Training\"\n" + $"5,{CsvFixtures.Pixels(3)},PublicTest\n");
        var data = Fer2013.Load(path, new Fer2013LoadOptions { MalformedRows = MalformedRowHandling.Skip });
        Assert.Equal([4], data.Training.Labels);
        Assert.Equal(CsvFixtures.Face(2), data.Training.GetPixels(0).ToArray());
        Assert.Equal([5], data.PublicTest.Labels);
        var skipped = Assert.Single(data.Skipped);
        Assert.Equal(2, skipped.LineNumber);
        Assert.Contains("emotion '\"3' is not a whole number", skipped.Reason);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void A_too_long_line_is_named_by_its_number_whatever_the_line_endings(string newline)
    {
        using var temp = new TempFolder();
        var text = TenRows() + "3," + new string('7', 300_000) + ",Training\n";
        var path = temp.Write("long.csv", text.Replace("\n", newline, StringComparison.Ordinal));
        var e = Assert.Throws<FerDataException>(() => Fer2013.Load(path));
        Assert.Equal(12, e.LineNumber);
        Assert.Contains("longer than 262,144 characters", e.Message);
    }
}
