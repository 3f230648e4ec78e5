using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Fer.Benchmarks;

/// <summary>
/// Runs bench/pytorch/fer_bench.py (the same networks, transforms and measurements in PyTorch) and reports
/// Fer.Core / PyTorch speed ratios (above 1: Fer.Core is faster).
/// </summary>
internal static class PyTorchComparison
{
    /// <summary>
    /// Runs PyTorch twice: as installed, and with glibc's malloc thresholds raised the way Fer.Core raises them for
    /// its own process (MALLOC_MMAP_THRESHOLD_ / MALLOC_TRIM_THRESHOLD_), so that the ratio shows what is left once
    /// both allocate alike.
    /// </summary>
    public static IEnumerable<(string What, string Value, string Target)> Run(string data, IReadOnlyDictionary<string, double> ours)
        => RunOnce(data, ours, tunedMalloc: false).Concat(RunOnce(data, ours, tunedMalloc: true));

    private static IEnumerable<(string What, string Value, string Target)> RunOnce(string data, IReadOnlyDictionary<string, double> ours, bool tunedMalloc)
    {
        // PyTorch runs in its own Debian 13 root (bench/setup.sh), never on the host: run-isolated.sh binds the
        // script's folder at /fer/pytorch and the data file at /fer/inputs.
        var runner = Path.Combine(RepositoryRoot(), "bench", "pytorch", "run-isolated.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { runner, "/fer/pytorch/fer_bench.py", "--data", Path.GetFullPath(data) })
        {
            start.ArgumentList.Add(argument);
        }

        if (tunedMalloc)
        {
            start.Environment["MALLOC_MMAP_THRESHOLD_"] = "33554432";
            start.Environment["MALLOC_TRIM_THRESHOLD_"] = "268435456";
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"fer_bench.py failed ({process.ExitCode}); run bash bench/setup.sh first.\n{stderr.Result}");
        }

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var version = root.GetProperty("torch").GetString() + (tunedMalloc ? " (malloc tuned like Fer.Core)" : string.Empty);
        foreach (var threads in new[] { "1", "2" })
        {
            var theirs = root.GetProperty("inference").GetProperty(threads);
            var oneFace = theirs.GetProperty("oneFaceMs").GetDouble();
            var batch = theirs.GetProperty("batch64FacesPerSecond").GetDouble();
            yield return Ratio($"Inference, one face, {threads} thread(s), MiniXception", ours[$"inference.{threads}.oneFaceMs"], oneFace, "ms", lowerIsBetter: true, version);
            yield return Ratio($"Inference, batch of 64, {threads} thread(s), MiniXception", ours[$"inference.{threads}.batch64FacesPerSecond"], batch, "faces/s", lowerIsBetter: false, version);
        }

        foreach (var network in new[] { "MiniXception", "Fer2013Cnn" })
        {
            var theirs = root.GetProperty("training").GetProperty(network).GetDouble();
            yield return Ratio($"Training, {network}, full pipeline (load, augment, step; batch 64, 2 threads)", ours[$"training.{network}"], theirs, "images/s", lowerIsBetter: false, version);
        }
    }

    private static (string, string, string) Ratio(string what, double ours, double theirs, string unit, bool lowerIsBetter, string? version)
    {
        var ratio = lowerIsBetter ? theirs / ours : ours / theirs;
        return ($"{what}: Fer.Core vs PyTorch {version}",
            string.Create(CultureInfo.InvariantCulture, $"{ours:0.##} vs {theirs:0.##} {unit} = {ratio:0.00}×"),
            "≥ 1.2×");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fer.Core.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Fer.Core.sln was not found above the benchmark.");
    }
}
