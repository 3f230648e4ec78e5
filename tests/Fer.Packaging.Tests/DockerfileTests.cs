using System.Text.RegularExpressions;

namespace Fer.Packaging.Tests;

/// <summary>
/// samples/PredictOnnx/Dockerfile as far as this machine can go without a container engine: it builds on the official
/// .NET SDK image and runs on the official runtime image, and its publish command, run here on a stock Debian 12
/// (the libstdc++ of GCC 12, no GLIBCXX_3.4.32), gives an app that predicts without LibTorch.
/// </summary>
public sealed partial class DockerfileTests
{
    [Fact]
    public void The_Dockerfile_publishes_an_app_that_predicts_without_LibTorch()
    {
        var root = Repository.Root();
        var dockerfile = File.ReadAllLines(Path.Combine(root, "samples", "PredictOnnx", "Dockerfile"));
        var stages = dockerfile.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", "FROM mcr.microsoft.com/dotnet/runtime:10.0"], stages);
        var publish = dockerfile.Single(l => l.StartsWith("RUN dotnet publish ", StringComparison.Ordinal));
        var entryPoint = EntryPoint().Match(dockerfile.Single(l => l.StartsWith("ENTRYPOINT ", StringComparison.Ordinal)));
        Assert.True(entryPoint.Success);

        var work = Directory.CreateTempSubdirectory("fer-docker-publish-");
        try
        {
            // The Dockerfile's own command on a copy of the sources (its COPY . .), with /app moved into the work folder.
            var source = Repository.CopySources(Path.Combine(work.FullName, "src"), "src", "samples", "training-artifacts");
            var output = Path.Combine(work.FullName, "app");
            var arguments = publish["RUN dotnet ".Length..].Replace("-o /app", $"-o {output}", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            ChildProcess.RunDotnet(source, TimeSpan.FromMinutes(8), arguments);
            Assert.Empty(Directory.GetFiles(output, "*torch*", SearchOption.AllDirectories));
            var size = Directory.GetFiles(output, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            Assert.True(size < 60L * 1024 * 1024, $"the published app is {size / (1024 * 1024)} MB");

            var run = ChildProcess.Run(output, "dotnet", [Path.Combine(output, entryPoint.Groups[1].Value), Path.Combine(root, "tests", "Fer.Detection.Tests", "Photos", "group1.jpg")], TimeSpan.FromMinutes(2));
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.StartsWith("group1.jpg: 3 faces", run.StandardOutput);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [GeneratedRegex("""^ENTRYPOINT \["dotnet", "([^"]+\.dll)"\]$""")]
    private static partial Regex EntryPoint();
}
