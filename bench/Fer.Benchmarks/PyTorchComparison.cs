using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Fer.Benchmarks;

/// <summary>
/// Runs the Python peers in the Debian 13 root (bench/setup.sh): bench/pytorch/fer_bench.py (the same networks,
/// transforms and measurements in PyTorch) and bench/pytorch/fer_ort_bench.py (the same ONNX files in Python's ONNX
/// Runtime), and reports speed ratios, above 1 when Fer.Core is faster. Every ratio compares one network on both
/// sides, named in its row; a ratio whose sides name different networks is refused.
/// </summary>
internal static class PyTorchComparison
{
    /// <summary>
    /// PyTorch runs twice: as installed, and with glibc's malloc thresholds raised the way Fer.Core raises them for its
    /// own process (MALLOC_MMAP_THRESHOLD_ / MALLOC_TRIM_THRESHOLD_), so that the ratio shows what is left once both
    /// allocate alike. <paramref name="ours"/> holds the training figures ("training.Network"),
    /// <paramref name="inference"/> the like-for-like inference figures (<see cref="LikeForLikeInference"/>).
    /// </summary>
    public static IEnumerable<(string What, string Value, string Target)> Run(string data, IReadOnlyDictionary<string, double> ours, IReadOnlyDictionary<string, double> inference, IReadOnlyDictionary<string, string> shippedOnnx)
    {
        foreach (var tunedMalloc in new[] { false, true })
        {
            var withTraining = ours.Keys.Any(k => k.StartsWith("training.", StringComparison.Ordinal));
            using var json = JsonDocument.Parse(RunPeer(tunedMalloc, ["/fer/pytorch/fer_bench.py", "--data", Path.GetFullPath(data), .. withTraining ? Array.Empty<string>() : ["--skip-training"]]));
            var root = json.RootElement;
            var peer = $"PyTorch {root.GetProperty("torch").GetString()} (eager, inference_mode; oneDNN ISA {root.GetProperty("isa").GetString()}{(tunedMalloc ? "; malloc tuned like Fer.Core" : string.Empty)})";
            yield return ("Peer", peer, "-");
            foreach (var network in LikeForLikeInference.Networks)
            {
                foreach (var threads in new[] { "1", "2" })
                {
                    var theirs = root.GetProperty("inference").GetProperty(network).GetProperty(threads);
                    foreach (var engine in new[] { "torchsharp", "onnx" })
                    {
                        var ourSide = engine == "torchsharp" ? "Fer.Core (TorchSharp)" : "Fer.Onnx (ONNX Runtime)";
                        yield return Compare($"Inference, one face, {threads} thread(s)", (ourSide, network), inference[$"{engine}/{network}/{threads}/oneFaceMs"],
                            ($"PyTorch, {theirs.GetProperty("oneFaceLayout").GetString()}", network), theirs.GetProperty("oneFaceMs").GetDouble(), "ms", lowerIsBetter: true, "≥ 1.2×");
                        yield return Compare($"Inference, batch of 64, {threads} thread(s)", (ourSide, network), inference[$"{engine}/{network}/{threads}/batch64FacesPerSecond"],
                            ($"PyTorch, {theirs.GetProperty("batch64Layout").GetString()}", network), theirs.GetProperty("batch64FacesPerSecond").GetDouble(), "faces/s", lowerIsBetter: false, "≥ 1.2×");
                    }
                }
            }

            foreach (var network in withTraining ? ["MiniXception", "Fer2013Cnn"] : Array.Empty<string>())
            {
                yield return Compare("Training, full pipeline (load, augment, step; batch 64, 2 threads)", ("Fer.Core", network), ours[$"training.{network}"],
                    ("PyTorch", network), root.GetProperty("training").GetProperty(network).GetDouble(), "images/s", lowerIsBetter: false, "≥ 1.2×");
            }
        }

        var arguments = new List<string> { "/fer/pytorch/fer_ort_bench.py", "--data", Path.GetFullPath(data) };
        foreach (var (name, path) in shippedOnnx)
        {
            arguments.AddRange(["--model", name, path]);
        }

        using var ort = JsonDocument.Parse(RunPeer(false, [.. arguments]));
        var models = ort.RootElement.GetProperty("models");
        yield return ("Peer", $"Python ONNX Runtime {ort.RootElement.GetProperty("onnxruntime").GetString()} (Debian 13's python3-onnxruntime), the same .onnx files and inputs", "-");
        foreach (var name in LikeForLikeInference.ShippedModels)
        {
            foreach (var threads in new[] { "1", "2" })
            {
                var theirs = models.GetProperty(name).GetProperty(threads);
                yield return Compare($"Inference, one face, {threads} thread(s)", ("Fer.Onnx", $"{name}.onnx"), inference[$"onnx/{name}/{threads}/oneFaceMs"],
                    ("Python ONNX Runtime", $"{name}.onnx"), theirs.GetProperty("oneFaceMs").GetDouble(), "ms", lowerIsBetter: true, "≥ 1.0×");
                yield return Compare($"Inference, batch of 64, {threads} thread(s)", ("Fer.Onnx", $"{name}.onnx"), inference[$"onnx/{name}/{threads}/batch64FacesPerSecond"],
                    ("Python ONNX Runtime", $"{name}.onnx"), theirs.GetProperty("batch64FacesPerSecond").GetDouble(), "faces/s", lowerIsBetter: false, "≥ 1.0×");
            }
        }
    }

    /// <summary>A ratio row naming each side's engine and network; refused when the two sides run different networks.</summary>
    internal static (string, string, string) Compare(string what, (string Engine, string Network) ours, double ourValue, (string Engine, string Network) theirs, double theirValue, string unit, bool lowerIsBetter, string target)
    {
        if (!string.Equals(ours.Network, theirs.Network, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{what}' would compare {ours.Network} ({ours.Engine}) with {theirs.Network} ({theirs.Engine}): a ratio needs the same network on both sides.");
        }

        var ratio = lowerIsBetter ? theirValue / ourValue : ourValue / theirValue;
        return ($"{what}, {ours.Network}: {ours.Engine} vs {theirs.Engine}",
            string.Create(CultureInfo.InvariantCulture, $"{ourValue:0.##} vs {theirValue:0.##} {unit} = {ratio:0.00}×"),
            target);
    }

    private static string RunPeer(bool tunedMalloc, params string[] arguments)
    {
        // The peers run in their own Debian 13 root, never on the host: run-isolated.sh binds the scripts' folder at
        // /fer/pytorch and each input file at /fer/inputs.
        var runner = Path.Combine(RepositoryRoot(), "bench", "pytorch", "run-isolated.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(runner);
        foreach (var argument in arguments)
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
        return process.ExitCode == 0
            ? output
            : throw new InvalidOperationException($"{arguments[0]} failed ({process.ExitCode}); run bash bench/setup.sh first.\n{stderr.Result}");
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
