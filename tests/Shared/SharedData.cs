namespace Fer.Testing;

/// <summary>Finds the shared FER2013 files (../shared/datasets/fer2013 beside the repository); tests that need them skip when absent.</summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Folder = new(Find);

    public static string? Fer2013Csv => Folder.Value is { } f && File.Exists(Path.Combine(f, "fer2013.csv.gz")) ? Path.Combine(f, "fer2013.csv.gz") : null;

    public static string? ImagesTar => Folder.Value is { } f && File.Exists(Path.Combine(f, "fer2013-images.tar.gz")) ? Path.Combine(f, "fer2013-images.tar.gz") : null;

    public static string RequireImagesTar()
    {
        Skip.If(ImagesTar is null, "The shared FER2013 images (../shared/datasets/fer2013/fer2013-images.tar.gz) are absent.");
        return ImagesTar!;
    }

    /// <summary>The FER+ files (../shared/datasets/ferplus: Kaggle's fer2013.csv in its original order, and fer2013new.csv), or a skip.</summary>
    public static (string Pixels, string Votes) RequireFerPlus()
    {
        var folder = Environment.GetEnvironmentVariable("FERPLUS_DIR") is { Length: > 0 } configured
            ? configured
            : Folder.Value is { } fer2013 ? Path.Combine(fer2013, "..", "ferplus") : null;
        var pixels = folder is null ? null : Path.Combine(folder, "fer2013.csv.gz");
        var votes = folder is null ? null : Path.Combine(folder, "fer2013new.csv");
        Skip.If(pixels is null || !File.Exists(pixels) || !File.Exists(votes), "The shared FER+ data (../shared/datasets/ferplus/fer2013.csv.gz and fer2013new.csv) is absent.");
        return (pixels!, votes!);
    }

    public static string RequireCsv()
    {
        Skip.If(Fer2013Csv is null, "The shared FER2013 data (../shared/datasets/fer2013/fer2013.csv.gz) is absent.");
        return Fer2013Csv!;
    }

    /// <summary>The repository's folder (the one holding Fer.Core.sln), found from the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fer.Core.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Fer.Core.sln above {AppContext.BaseDirectory}.");
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("FER2013_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fer.Core.sln")))
            {
                var candidate = Path.Combine(dir.FullName, "..", "shared", "datasets", "fer2013");
                return Directory.Exists(candidate) ? Path.GetFullPath(candidate) : null;
            }
        }

        return null;
    }
}
