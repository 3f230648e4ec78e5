using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Fer.Core.Tests;

/// <summary>
/// The seeded fuzz corpus (tests/Fer.Stress, FuzzCorpus): over 1,900 hostile model files, images, CSV files (plain
/// and gzip), training states, odd paths, FER+ file pairs, bombs, URL-like file names and overflowing weights, each
/// kind in its own process with a per-case time limit (5 s for bombs, 20 s otherwise) and a 512 MB memory ceiling.
/// Fails on any crash, hang, memory blow-up, NaN answer, loopback connection or exception outside the library's family.
/// Weights and names are mostly accepted by design (a finite answer, a local file read), so only their failures count.
/// </summary>
public sealed partial class FuzzCorpusTests(ITestOutputHelper output)
{
    [GeneratedRegex(@"^fuzz (?<kind>\w+) \(seed \d+\): (?<total>\d+) cases: accepted (?<accepted>\d+), refused (?<refused>\d+), raw (?<raw>\d+), hang (?<hang>\d+), blow-up (?<blowup>\d+)$", RegexOptions.Multiline)]
    private static partial Regex Summary();

    [Theory]
    [InlineData("model", 600, true)]
    [InlineData("image", 400, true)]
    [InlineData("csv", 400, true)]
    [InlineData("state", 100, true)]
    [InlineData("path", 60, true)]
    [InlineData("ferplus", 300, true)]
    [InlineData("bomb", 20, true)]
    [InlineData("weights", 60, false)]
    [InlineData("names", 60, false)]
    public void Every_hostile_input_is_refused_cleanly(string kind, int count, bool mostRefused)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "fer-stress.dll");
        var result = ChildProcess.Run(AppContext.BaseDirectory, "dotnet", [host, "fuzz", kind, "1", count.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(5));
        output.WriteLine(result.Output);
        var summary = Summary().Match(result.StandardOutput);
        Assert.True(result.ExitCode == 0 && summary.Success, $"the {kind} corpus crashed, hung or failed (exit code {result.ExitCode}):\n{result.Output}");
        Assert.Equal("0", summary.Groups["raw"].Value);
        Assert.Equal("0", summary.Groups["hang"].Value);
        Assert.Equal("0", summary.Groups["blowup"].Value);
        Assert.True(!mostRefused || int.Parse(summary.Groups["refused"].Value, System.Globalization.CultureInfo.InvariantCulture) > int.Parse(summary.Groups["total"].Value, System.Globalization.CultureInfo.InvariantCulture) / 2,
            "most mutations should be refused; the generator may have stopped mutating");
    }
}
