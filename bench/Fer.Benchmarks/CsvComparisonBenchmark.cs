using System.Diagnostics;
using System.IO.Compression;
using Fer.Datasets;
using nietras.SeparatedValues;

namespace Fer.Benchmarks;

/// <summary>
/// Fer.Datasets' FER2013 CSV reader (Sep under a line-length guard, with every check) against a bare Sep loop doing the same job on the plain CSV:
/// every row's label, usage and 2,304 pixels parsed into bytes. Time (median of 3 after a warm-up) and managed bytes
/// allocated; the Sep loop's output is checked against ours.
/// </summary>
internal static class CsvComparisonBenchmark
{
    public static IEnumerable<(string What, string Value, string Target)> Run(string gzipPath)
    {
        var plain = Path.Combine(Path.GetTempPath(), $"fer2013-{Guid.NewGuid():N}.csv");
        try
        {
            using (var input = new GZipStream(File.OpenRead(gzipPath), CompressionMode.Decompress))
            using (var output = File.Create(plain))
            {
                input.CopyTo(output);
            }

            var (oursSeconds, oursBytes, ours) = Time(() => Fer2013.Load(plain));
            var (sepSeconds, sepBytes, sep) = Time(() => ReadWithSep(plain));
            var all = ours.Training.Count + ours.PublicTest.Count;   // the shared CSV holds Training and PublicTest
            if (sep.Labels.Count != all || !sep.Pixels[0].AsSpan().SequenceEqual(ours.Training.GetPixels(0)) || sep.Labels[0] != ours.Training.Labels[0])
            {
                throw new InvalidOperationException($"Sep's rows ({sep.Labels.Count}) differ from Fer.Datasets' ({all}).");
            }

            yield return ($"FER2013 CSV parse ({all:N0} rows, plain): Fer.Datasets (on Sep) vs a bare Sep 0.18.0 loop",
                $"{oursSeconds:0.00} vs {sepSeconds:0.00} s = {sepSeconds / oursSeconds:0.00}×; allocated {oursBytes / 1048576.0:0} vs {sepBytes / 1048576.0:0} MB", "Fer.Datasets adds checks, not cost");
        }
        finally
        {
            File.Delete(plain);
        }
    }

    private static (double Seconds, long Allocated, T Result) Time<T>(Func<T> read)
    {
        read();
        var times = new List<double>();
        T result = default!;
        long allocated = 0;
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            result = read();
            times.Add(clock.Elapsed.TotalSeconds);
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        times.Sort();
        return (times[1], allocated, result);
    }

    /// <summary>The same job with Sep: label, usage and the pixels of every row, one byte array per row.</summary>
    private static (List<int> Labels, List<string> Usages, List<byte[]> Pixels) ReadWithSep(string path)
    {
        var labels = new List<int>();
        var usages = new List<string>();
        var pixels = new List<byte[]>();
        using var reader = Sep.Reader().FromFile(path);
        foreach (var row in reader)
        {
            labels.Add(row["emotion"].Parse<int>());
            usages.Add(row["Usage"].ToString());
            var text = row["pixels"].Span;
            var values = new byte[2304];
            var count = 0;
            var value = 0;
            foreach (var c in text)
            {
                if (c == ' ')
                {
                    values[count++] = (byte)value;
                    value = 0;
                }
                else
                {
                    value = (value * 10) + (c - '0');
                }
            }

            values[count] = (byte)value;
            pixels.Add(values);
        }

        return (labels, usages, pixels);
    }
}
