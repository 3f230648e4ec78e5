namespace Fer.Packaging.Tests;

/// <summary>The repository these tests run from.</summary>
internal static class Repository
{
    /// <summary>The folder that holds Fer.Core.sln, above the test's output folder.</summary>
    public static string Root() => SharedData.RepositoryRoot();

    /// <summary>
    /// Copies the build settings, the README and the given folders (without bin/obj) into <paramref name="target"/>,
    /// so that packing or publishing there never touches the working tree's outputs.
    /// </summary>
    public static string CopySources(string target, params string[] folders)
    {
        var root = Root();
        foreach (var folder in folders)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file);
                if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                {
                    continue;
                }

                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(target, relative))!);
                File.Copy(file, Path.Combine(target, relative));
            }
        }

        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "README.md" })
        {
            File.Copy(Path.Combine(root, file), Path.Combine(target, file));
        }

        return target;
    }
}
