namespace Fer.Packaging.Tests;

/// <summary>The repository these tests run from.</summary>
internal static class Repository
{
    /// <summary>The folder that holds Fer.Core.sln, above the test's output folder.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fer.Core.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Fer.Core.sln was not found above the test folder.");
    }
}
