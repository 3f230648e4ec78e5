using System.IO.Compression;

namespace Fer.Packaging.Tests;

/// <summary>
/// Packs the libraries into a local folder feed with a unique version, then restores, builds and runs the consumer
/// project (tests/Consumer, outside the solution) against those packages.
/// </summary>
public sealed class PackageConsumerTests
{
    /// <summary>The longest any one child command (a pack, the consumer's restore, build and run) may take.</summary>
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(8);

    /// <summary>Every project that becomes a package.</summary>
    private static readonly string[] PackedProjects =
    [
        "src/Fer.Imaging/Fer.Imaging.csproj", "src/Fer.Datasets/Fer.Datasets.csproj", "src/Fer.Core/Fer.Core.csproj",
        "src/Fer.Detection/Fer.Detection.csproj", "src/Fer.Onnx/Fer.Onnx.csproj", "src/Fer.Media/Fer.Media.csproj",
        "src/Fer.Cli/Fer.Cli.csproj",
    ];

    [Fact]
    public void A_project_outside_the_solution_uses_the_packed_packages()
    {
        var root = Repository.Root();
        var work = Directory.CreateTempSubdirectory("fer-packaging-");
        try
        {
            var feed = Directory.CreateDirectory(Path.Combine(work.FullName, "feed")).FullName;
            var version = $"0.1.0-ci.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
            // The embedded models live in training-artifacts/ (over 2 MB each): packed from there, as from a checkout.
            var source = Repository.CopySources(Path.Combine(work.FullName, "repo"), "src", "training-artifacts");
            // One pack of a solution of the seven: each project builds once, in parallel where the graph allows.
            File.WriteAllText(Path.Combine(source, "packages.slnx"), $"<Solution>\n{string.Concat(PackedProjects.Select(p => $"  <Project Path=\"{p}\" />\n"))}</Solution>\n");
            ChildProcess.RunDotnet(source, ChildTimeout, "pack", "packages.slnx", "-c", "Release", $"-p:PackageOutputPath={feed}", $"-p:Version={version}", "-p:FerToolAllPlatforms=true");

            var package = Path.Combine(feed, $"Fer.Core.{version}.nupkg");
            Assert.True(File.Exists(Path.Combine(feed, $"Fer.Core.{version}.snupkg")), "no symbol package");
            using (var zip = ZipFile.OpenRead(package))
            {
                Assert.Contains(zip.Entries, e => e.FullName == "README.md");
                using (var packedReadme = new StreamReader(zip.GetEntry("README.md")!.Open()))
                {
                    // The package's own short README, not the repository's.
                    var readmeText = packedReadme.ReadToEnd();
                    Assert.StartsWith("# Fer.Core\n", readmeText.ReplaceLineEndings("\n"));
                    Assert.True(readmeText.Split('\n').Length < 60, $"Fer.Core's README has {readmeText.Split('\n').Length} lines");
                }

                // One assembly for every .NET version from 8 on, so the embedded models are stored once.
                Assert.Equal(["lib/net8.0/Fer.Core.dll"], zip.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal)).Select(e => e.FullName));
                var text = Nuspec(zip);
                Assert.Contains("<license type=\"expression\">MIT</license>", text);
                Assert.Contains($"<dependency id=\"Fer.Datasets\" version=\"{version}\"", text);
                Assert.Contains("<repository type=\"git\"", text);
            }

            using (var zip = ZipFile.OpenRead(Path.Combine(feed, $"Fer.Datasets.{version}.nupkg")))
            {
                // The managed binding only: the app chooses its LibTorch runtime.
                var text = Nuspec(zip);
                Assert.Contains("<dependency id=\"TorchSharp\" version=\"0.107.0\"", text);
                Assert.DoesNotContain("TorchSharp-cpu", text);
                Assert.DoesNotContain("libtorch", text);
                Assert.Contains(zip.Entries, e => e.FullName == "buildTransitive/Fer.Datasets.targets");
                Assert.Contains(zip.Entries, e => e.FullName == "buildTransitive/LibStdCxxRequirement.cs");
            }

            using (var zip = ZipFile.OpenRead(Path.Combine(feed, $"Fer.Imaging.{version}.nupkg")))
            {
                // The font that every package draws text with is embedded once, here, with its licence.
                Assert.Contains(zip.Entries, e => e.FullName == "LICENSE-DejaVu.txt");
            }

            using (var zip = ZipFile.OpenRead(Path.Combine(feed, $"Fer.Detection.{version}.nupkg")))
            {
                Assert.Contains(zip.Entries, e => e.FullName == "THIRD-PARTY-NOTICES.md");
                var text = Nuspec(zip);
                Assert.Contains($"<dependency id=\"Fer.Imaging\" version=\"{version}\"", text);
                Assert.Contains("<dependency id=\"Microsoft.ML.OnnxRuntime\" version=\"1.31.1\"", text);
            }

            // Detection and the inference package stand on the imaging package and ONNX Runtime: no TorchSharp or
            // LibTorch anywhere in the closure of their dependencies among our packages.
            foreach (var closureRoot in new[] { "Fer.Detection", "Fer.Onnx", "Fer.Media" })
            {
                foreach (var id in DependencyClosure(feed, closureRoot, version))
                {
                    using var zip = ZipFile.OpenRead(Path.Combine(feed, $"{id}.{version}.nupkg"));
                    var dependencies = System.Text.RegularExpressions.Regex.Matches(Nuspec(zip), "<dependency id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
                    Assert.DoesNotContain(dependencies, d => d.Contains("TorchSharp", StringComparison.OrdinalIgnoreCase) || d.Contains("libtorch", StringComparison.OrdinalIgnoreCase) || d.Contains("NumSharp", StringComparison.OrdinalIgnoreCase));
                }
            }

            Assert.Equal(["Fer.Detection", "Fer.Imaging"], DependencyClosure(feed, "Fer.Detection", version).Order(StringComparer.Ordinal));
            Assert.Equal(["Fer.Imaging", "Fer.Onnx"], DependencyClosure(feed, "Fer.Onnx", version).Order(StringComparer.Ordinal));
            Assert.Equal(["Fer.Imaging", "Fer.Media"], DependencyClosure(feed, "Fer.Media", version).Order(StringComparer.Ordinal));

            // The tool: a small pointer package and one package per platform, each with only its LibTorch, all under
            // nuget.org's 250 MB limit.
            Assert.True(new FileInfo(Path.Combine(feed, $"Fer.Cli.{version}.nupkg")).Length < 1_000_000);
            foreach (var rid in new[] { "linux-x64", "win-x64", "osx-arm64" })
            {
                var tool = new FileInfo(Path.Combine(feed, $"Fer.Cli.{rid}.{version}.nupkg"));
                Assert.True(tool.Exists, $"no {rid} tool package");
                Assert.True(tool.Length < 250L * 1024 * 1024, $"{tool.Name} has {tool.Length / (1024 * 1024)} MB");
                using var zip = ZipFile.OpenRead(tool.FullName);
                Assert.DoesNotContain(zip.Entries, e => e.Name.Contains("torch_python", StringComparison.Ordinal) || e.Name.Contains("_test.", StringComparison.Ordinal));
                Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains("/runtimes/", StringComparison.Ordinal) && !e.FullName.Contains($"/runtimes/{rid}/", StringComparison.Ordinal));
            }

            var photo = Path.Combine(root, "tests", "Fer.Detection.Tests", "Photos", "group3.jpg");
            var consumer = RunConsumer(root, "Consumer", work.FullName, feed, version, photo, "consumer: ok");

            // Fer's build step ran in the consumer: no Python bindings or test libraries, and the shim loads with
            // GCC 12's libstdc++ (whatever this machine's libstdc++ is).
            var bin = Path.Combine(consumer, "bin", "Release", "net10.0");
            Assert.Empty(Directory.GetFiles(bin, "libtorch_python.so", SearchOption.AllDirectories));
            Assert.Empty(Directory.GetFiles(bin, "*_test.so", SearchOption.AllDirectories));
            var shim = Directory.GetFiles(bin, "libLibTorchSharp.so", SearchOption.AllDirectories).Single();
            Assert.DoesNotContain(Fer.Build.LibStdCxxRequirement.ReadRequirements(File.ReadAllBytes(shim)), r => Fer.Build.LibStdCxxRequirement.IsAfterGcc12(r.Version) && !r.Weak);

            // Every C# block of the README compiles on its own against the packages (README: each block pasted alone
            // into a new console app).
            var blocks = ReadmeBlocks.Read(root);
            Assert.True(blocks.Count >= 8, $"README.md has {blocks.Count} C# blocks");
            var packageBlocks = ReadmeBlocks.ReadPackageReadmes(root);
            Assert.True(packageBlocks.Count >= 6, $"the packages' READMEs have {packageBlocks.Count} C# blocks");
            blocks = [.. blocks, .. packageBlocks];
            var readme = Path.Combine(work.FullName, "readme-blocks");
            ReadmeBlocks.WriteProject(readme, blocks, feed, version);
            ChildProcess.RunDotnet(readme, ChildTimeout, "build", "-c", "Release");

            // The prediction-only app: no LibTorch at all, and every native library it carries for linux-x64 loads
            // on glibc 2.31 with GCC 10's libstdc++ (Debian 11, Ubuntu 20.04 and later).
            var onnxConsumer = RunConsumer(root, "ConsumerOnnx", work.FullName, feed, version, photo, "consumer-onnx: ok");
            var onnxBin = Path.Combine(onnxConsumer, "bin", "Release", "net10.0");
            Assert.DoesNotContain(Directory.GetFiles(onnxBin, "*", SearchOption.AllDirectories), f => Path.GetFileName(f).Contains("torch", StringComparison.OrdinalIgnoreCase));
            var natives = Directory.GetFiles(onnxBin, "*.so", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}runtimes{Path.DirectorySeparatorChar}", StringComparison.Ordinal) || f.Contains($"{Path.DirectorySeparatorChar}linux-x64{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .ToList();
            Assert.Contains(natives, f => Path.GetFileName(f) == "libonnxruntime.so");
            Assert.Contains(natives, f => Path.GetFileName(f) == "libSkiaSharp.so");
            foreach (var native in natives)
            {
                var needs = Fer.Build.LibStdCxxRequirement.ReadRequirements(File.ReadAllBytes(native));
                var tooNew = needs.Where(n => !n.Weak && (VersionAbove(n.Version, "GLIBCXX_", [3, 4, 30]) || VersionAbove(n.Version, "GLIBC_", [2, 31]))).ToList();
                Assert.True(tooNew.Count == 0, $"{Path.GetFileName(native)} needs {string.Join(", ", tooNew.Select(n => n.Version))}");
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Copies a consumer project from tests/ into the work folder, points it at the feed, and runs it on a photo.</summary>
    private static string RunConsumer(string root, string project, string work, string feed, string version, string photo, string success)
    {
        var consumer = Directory.CreateDirectory(Path.Combine(work, project)).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(root, "tests", project)))
        {
            File.Copy(file, Path.Combine(consumer, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local-feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var output = ChildProcess.RunDotnet(consumer, ChildTimeout, "run", "-c", "Release", $"-p:FerVersion={version}", "--", photo);
        Assert.Contains(success, output);
        return consumer;
    }

    /// <summary>Whether a version name such as "GLIBC_2.34" has <paramref name="prefix"/> and a number above <paramref name="limit"/>.</summary>
    private static bool VersionAbove(string version, string prefix, int[] limit)
    {
        if (!version.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = version[prefix.Length..].Split('.').Select(p => int.TryParse(p, out var n) ? n : 0).ToArray();
        for (var i = 0; i < Math.Max(parts.Length, limit.Length); i++)
        {
            var (a, b) = (i < parts.Length ? parts[i] : 0, i < limit.Length ? limit[i] : 0);
            if (a != b)
            {
                return a > b;
            }
        }

        return false;
    }

    /// <summary>The package and every Fer.* package it depends on, directly or not (read from the packed nuspecs).</summary>
    private static HashSet<string> DependencyClosure(string feed, string id, string version)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([id]);
        while (pending.TryPop(out var next))
        {
            if (!seen.Add(next))
            {
                continue;
            }

            using var zip = ZipFile.OpenRead(Path.Combine(feed, $"{next}.{version}.nupkg"));
            foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(Nuspec(zip), "<dependency id=\"(Fer\\.[^\"]+)\""))
            {
                pending.Push(match.Groups[1].Value);
            }
        }

        return seen;
    }

    private static string Nuspec(ZipArchive zip)
    {
        using var reader = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        return reader.ReadToEnd();
    }
}
