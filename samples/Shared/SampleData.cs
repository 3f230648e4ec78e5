namespace Fer.Samples;

/// <summary>Where the samples find FER2013 when no --data is given.</summary>
internal static class SampleData
{
    /// <summary>The shared FER2013 CSV beside the repository (../shared/datasets/fer2013/fer2013.csv.gz from any folder below it), when present.</summary>
    public static string? FindSharedFer2013()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets", "fer2013", "fer2013.csv.gz");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
