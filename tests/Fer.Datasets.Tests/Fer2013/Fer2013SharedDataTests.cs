using System.Formats.Tar;
using System.IO.Compression;

namespace Fer.Datasets.Tests;

/// <summary>Checks against the shared FER2013 files; skipped when they are absent.</summary>
public sealed class Fer2013SharedDataTests
{
    private static readonly int[] TrainingCounts = [3995, 436, 4097, 7215, 4830, 3171, 4965];
    private static readonly int[] PublicTestCounts = [467, 56, 496, 895, 653, 415, 607];

    [SkippableFact]
    public void Class_counts_of_each_split_equal_the_published_table()
    {
        var data = Fer2013.Load(SharedData.RequireCsv());
        Assert.Equal(TrainingCounts, data.Training.CountPerClass());
        Assert.Equal(PublicTestCounts, data.PublicTest.CountPerClass());
        Assert.Equal(28709, data.Training.Count);
        Assert.Equal(3589, data.PublicTest.Count);
        Assert.Empty(data.Skipped);
    }

    [SkippableFact]
    public void Csv_and_folder_layouts_give_the_same_pixels_for_the_same_face()
    {
        var tar = SharedData.RequireImagesTar();
        var csv = Fer2013.Load(SharedData.RequireCsv());
        using var temp = new TempFolder();
        var wanted = new Dictionary<string, int>();
        using (var gzip = new GZipStream(File.OpenRead(tar), CompressionMode.Decompress))
        using (var reader = new TarReader(gzip))
        {
            while (reader.GetNextEntry() is { } entry && wanted.Count < 40)
            {
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !entry.Name.StartsWith("test/", StringComparison.Ordinal))
                {
                    continue;
                }

                var target = temp.Combine(entry.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                entry.ExtractToFile(target, overwrite: true);
                wanted[entry.Name] = int.Parse(Path.GetFileNameWithoutExtension(entry.Name).Split('_')[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        Assert.NotEmpty(wanted);
        var folders = Fer2013.LoadFolders(temp.Path).PublicTest;
        var csvFaces = Enumerable.Range(0, csv.PublicTest.Count).Select(i => csv.PublicTest.GetPixels(i).ToArray()).ToList();
        for (var i = 0; i < folders.Count; i++)
        {
            var pixels = folders.GetPixels(i).ToArray();
            var match = csvFaces.FindIndex(f => f.AsSpan().SequenceEqual(pixels));
            Assert.True(match >= 0, $"folder image {i} has no identical face in the CSV's PublicTest split");
            Assert.Equal(csv.PublicTest.Labels[match], folders.Labels[i]);
        }
    }
}
