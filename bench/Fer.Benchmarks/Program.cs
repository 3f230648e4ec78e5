// Honest benchmark harness for Fer.Core (median of repeated runs after warm-up). Writes a Markdown table.
//
//   dotnet run -c Release --project bench/Fer.Benchmarks -- [--data ../shared/datasets/fer2013/fer2013.csv.gz] [--model model.fer]
//   add --quick to skip the memory measurements (100,000 predictions, training epochs) and repeat parsing once
//   add --pytorch to measure the same networks and transforms in PyTorch, and the shipped ONNX files in Python's ONNX Runtime, in the same run (after bash bench/setup.sh)
//   dotnet run -c Release --project bench/Fer.Benchmarks -- --like-for-like [--data …]   only the like-for-like inference rows of --pytorch
//   dotnet run -c Release --project bench/Fer.Benchmarks -- --faces bench/.cache/face-api/package/demo   (after bash bench/setup.sh)
//   dotnet run -c Release --project bench/Fer.Benchmarks -- --chunks [--data …]   evaluation chunk sizes only (512 PublicTest faces)
//   dotnet run -c Release --project bench/Fer.Benchmarks -- --onnx [--data …]     the default model in ONNX Runtime vs TorchSharp only
//   dotnet run -c Release --project bench/Fer.Benchmarks -- --media               1080p video frames/s and photos/s (needs ffmpeg)
//   dotnet run -c Release --project bench/Fer.Benchmarks -- --csv [--data …]      the FER2013 CSV reader against Sep
//   dotnet run -c Release --project bench/Fer.Benchmarks -- --latency             one-face latency of every embedded model through BenchmarkDotNet
//                                                                                 (TorchSharp vs ONNX Runtime; FER_LATENCY_MODELS=FerPlus for some)
//   dotnet run -c Release --project bench/Fer.Benchmarks -- --finite-check        the cost of refusing non-finite probabilities (BenchmarkDotNet)
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using Fer;
using Fer.Benchmarks;
using Fer.Core;
using Fer.Datasets;
using Fer.Datasets.Batching;
using static TorchSharp.torch;

var data = args.SkipWhile(a => a != "--data").Skip(1).FirstOrDefault() ?? "../shared/datasets/fer2013/fer2013.csv.gz";
var modelPath = args.SkipWhile(a => a != "--model").Skip(1).FirstOrDefault();
var onlyStatic = args.Contains("--architectures-only");
var comparePyTorch = args.Contains("--pytorch");
var quick = args.Contains("--quick");
var ours = new Dictionary<string, double>();
var rows = new List<(string What, string Value, string Target)>();
void Row(string what, string value, string target)
{
    rows.Add((what, value, target));
    Console.WriteLine($"{what}: {value} (target {target})");
}

// Face detection on real photos only: --faces <folder with sample1-6.jpg> (bench/setup.sh fetches them).
if (args.SkipWhile(a => a != "--faces").Skip(1).FirstOrDefault() is { } photoFolder)
{
    set_num_threads(2);
    var truthJson = Path.Combine(AppContext.BaseDirectory, "faces.json");
    foreach (var (what, value, target) in FaceDetectionBenchmark.Run(photoFolder, truthJson))
    {
        Row(what, value, target);
    }

    PrintTable();
    return;
}

// Evaluation chunk sizes only: --chunks.
if (args.Contains("--chunks"))
{
    var publicTest = Fer2013.Load(data).PublicTest;
    using var chunked = modelPath is null ? EmotionClassifier.LoadDefault() : EmotionClassifier.Load(modelPath);
    foreach (var (what, value, target) in ChunkingBenchmark.Run(chunked, publicTest.Subset(Enumerable.Range(0, 512))))
    {
        Row(what, value, target);
    }

    PrintTable();
    return;
}

// The CSV reader against Sep only: --csv.
if (args.Contains("--csv"))
{
    foreach (var (what, value, target) in CsvComparisonBenchmark.Run(data))
    {
        Row(what, value, target);
    }

    PrintTable();
    return;
}

// Video and photo collections only: --media.
if (args.Contains("--media"))
{
    foreach (var (what, value, target) in MediaBenchmark.Run(Path.GetDirectoryName(Path.Combine(AppContext.BaseDirectory, "faces.json"))!))
    {
        Row(what, value, target);
    }

    PrintTable();
    return;
}

// One-face latency through BenchmarkDotNet, in process (no child build): --latency.
if (args.Contains("--latency"))
{
    var job = BenchmarkDotNet.Jobs.JobExtensions.WithToolchain(BenchmarkDotNet.Jobs.Job.Default, BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance);
    BenchmarkDotNet.Running.BenchmarkRunner.Run<FaceLatencyBenchmarks>(BenchmarkDotNet.Configs.ConfigExtensions.AddJob(BenchmarkDotNet.Configs.DefaultConfig.Instance, job));
    return;
}

// The cost of the non-finite probability check through BenchmarkDotNet, in process: --finite-check.
if (args.Contains("--finite-check"))
{
    var job = BenchmarkDotNet.Jobs.JobExtensions.WithToolchain(BenchmarkDotNet.Jobs.Job.ShortRun, BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance);
    BenchmarkDotNet.Running.BenchmarkRunner.Run<FiniteCheckBenchmark>(BenchmarkDotNet.Configs.ConfigExtensions.AddJob(BenchmarkDotNet.Configs.DefaultConfig.Instance, job));
    return;
}

// The like-for-like inference comparison only (section 6 without training): --like-for-like.
if (args.Contains("--like-for-like"))
{
    RunLikeForLike(Fer2013.Load(data).PublicTest, new Dictionary<string, double>());
    PrintTable();
    return;
}

// ONNX Runtime against TorchSharp only: --onnx.
if (args.Contains("--onnx"))
{
    foreach (var (what, value, target) in OnnxComparisonBenchmark.Run(Fer2013.Load(data).PublicTest))
    {
        Row(what, value, target);
    }

    PrintTable();
    return;
}

// 0. Parameter counts and MACs of the presets.
foreach (var architecture in Architectures.All)
{
    using var model = architecture.Build();
    var macs = MacCounter.Count(model);
    Row($"{architecture.Name}: parameters / forward MACs per face", $"{model.Summary().TotalParameters:N0} / {macs / 1e6:0.0} M ({2 * macs / 1e6:0.0} MFLOPs)", "-");
}

if (onlyStatic)
{
    PrintTable();
    return;
}

// 1. CSV parsing: gzip and plain, time and memory.
var plain = Path.Combine(Path.GetTempPath(), "fer2013-bench.csv");
if (!File.Exists(plain))
{
    using var gz = new GZipStream(File.OpenRead(data), CompressionMode.Decompress);
    using var output = File.Create(plain);
    gz.CopyTo(output);
}

FerDataset? loaded = null;
var parseRuns = quick ? 1 : 3;
var gzSeconds = Measure.MedianSeconds(parseRuns, () => loaded = Fer2013.Load(data));
var plainSeconds = Measure.MedianSeconds(parseRuns, () => loaded = Fer2013.Load(plain));
loaded = null;
GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
var before = GC.GetTotalMemory(forceFullCollection: true);
var dataset = Fer2013.Load(plain);
var after = GC.GetTotalMemory(forceFullCollection: true);
var rows32298 = dataset.Training.Count + dataset.PublicTest.Count;
var rawBytes = (double)rows32298 * 2304;
Row("CSV parse, fer2013.csv (plain, 32,298 rows)", $"{plainSeconds:0.00} s", "≤ 2 s");
Row("CSV parse, fer2013.csv.gz (with decompression)", $"{gzSeconds:0.00} s", "-");
Row("Managed memory of the loaded data set", $"{(after - before) / 1e6:0.0} MB = {(after - before) / rawBytes:0.00}× raw uint8 ({rawBytes / 1e6:0.0} MB)", "≤ 2×");

// 2. Augmentation + batching throughput (2 threads, the default pipeline, prefetch), no model.
set_num_threads(2);
var train = dataset.Training;
var loader = new BatchLoader(train, new BatchLoaderOptions { BatchSize = 64, Seed = 1, Augmentation = Augmentations.Standard(1), Normalization = Normalization.Fer2013 });
var epoch = 0;
var batchSeconds = Measure.MedianSeconds(3, () =>
{
    foreach (var batch in loader.Epoch(epoch++))
    {
        batch.Dispose();
    }
});
Row("Default augmentation + batching (batch 64, 2 threads)", $"{train.Count / batchSeconds:N0} images/s", "≥ 5,000 images/s");

// 3. Inference latency of the default model (or --model), one face, one thread; and batch-64 throughput.
using var classifier = modelPath is null ? EmotionClassifier.LoadDefault() : EmotionClassifier.Load(modelPath);
var face = dataset.PublicTest.GetPixels(0).ToArray();
foreach (var threads in new[] { 1, 2 })
{
    set_num_threads(threads);
    const int calls = 500;
    var single = Measure.MedianSeconds(3, () =>
    {
        for (var i = 0; i < calls; i++)
        {
            classifier.PredictPixels(face);
        }
    }) / calls;
    var batch64 = dataset.PublicTest.Subset(Enumerable.Range(0, 64));
    var batchTime = Measure.MedianSeconds(5, () => classifier.PredictBatch(batch64));
    Row($"Inference, one face, {threads} thread(s) ({classifier.TrainingInfo.GetValueOrDefault("architecture", "model")})", $"{single * 1000:0.00} ms", threads == 1 ? "≤ 2 ms" : "-");
    Row($"Inference, batch of 64, {threads} thread(s) ({classifier.TrainingInfo.GetValueOrDefault("architecture", "model")})", $"{64 / batchTime:N0} faces/s", "-");
}

// 3b. Memory over 100,000 predictions (one face at a time): resident set after warm-up vs at the end.
set_num_threads(1);
if (!quick)
{
    for (var i = 0; i < 5_000; i++)
    {
        classifier.PredictPixels(face);
    }

    GC.Collect();
    var residentAfterWarmup = ResidentMegabytes();
    var predictionClock = Stopwatch.StartNew();
    for (var i = 0; i < 100_000; i++)
    {
        classifier.PredictPixels(dataset.PublicTest.GetPixels(i % dataset.PublicTest.Count));
    }

    GC.Collect();
    var residentAtEnd = ResidentMegabytes();
    Row("Memory over 100,000 single-face predictions (RSS after 5,000 warm-up → end)",
        $"{residentAfterWarmup:0} MB → {residentAtEnd:0} MB ({(residentAtEnd - residentAfterWarmup) / residentAfterWarmup:+0.0%;-0.0%}), {predictionClock.Elapsed.TotalSeconds:0} s", "within 5%");
}

// 4. Training throughput of the full pipeline (load → augment → step), 2 threads, per preset.
set_num_threads(2);
var subset = train.SampleStratified(2048, seed: 1);
foreach (var architecture in new[] { Architectures.MiniXception, Architectures.Fer2013Cnn })
{
    using var model = architecture.Build(seed: 1);
    model.Normalization = Normalization.Fer2013;
    model.Compile(Optimizers.Adam());
    model.Fit(subset.SampleStratified(256, seed: 2), epochs: 1, batchSize: 64);
    var clock = Stopwatch.StartNew();
    model.Fit(subset, epochs: 1, batchSize: 64, augmentation: Augmentations.Standard(1));
    Row($"Training, {architecture.Name}, full pipeline (batch 64, 2 threads)", $"{subset.Count / clock.Elapsed.TotalSeconds:N0} images/s", "-");
    ours[$"training.{architecture.Name}"] = subset.Count / clock.Elapsed.TotalSeconds;
}

// 5. Training memory epoch to epoch (MiniXception, 4 epochs on the 2,048-face subset).
if (!quick)
{
    using var model = Architectures.MiniXception.Build(seed: 1);
    model.Compile(Optimizers.Adam());
    var perEpoch = new List<double>();
    for (var upTo = 1; upTo <= 4; upTo++)
    {
        model.Fit(subset, epochs: upTo, batchSize: 64, augmentation: Augmentations.Standard(1), callbacks: [Callbacks.BackupAndRestore(Path.Combine(Path.GetTempPath(), "fer-bench-state"), deleteOnFinish: false)]);
        GC.Collect();
        perEpoch.Add(ResidentMegabytes());
    }

    Directory.Delete(Path.Combine(Path.GetTempPath(), "fer-bench-state"), recursive: true);
    Row("Training memory after epochs 1–4 (RSS)", string.Join(" → ", perEpoch.Select(m => $"{m:0} MB")), "no growth");
}

// 6. Like for like, in the same run: the same networks in PyTorch (bench/pytorch/fer_bench.py) against Fer.Core's two
// engines, and the shipped ONNX files in Python's ONNX Runtime (fer_ort_bench.py) against Fer.Onnx; training as in 4.
// bash bench/setup.sh installs both peers in a Debian 13 root.
if (comparePyTorch)
{
    RunLikeForLike(dataset.PublicTest, ours);
}

PrintTable();

void RunLikeForLike(LabeledFaces faces, Dictionary<string, double> training)
{
    var onnxFolder = Directory.CreateTempSubdirectory("fer-bench-onnx-");
    try
    {
        var (inference, shipped) = LikeForLikeInference.Measure(faces, onnxFolder.FullName);
        foreach (var (what, value, target) in PyTorchComparison.Run(data, training, inference, shipped))
        {
            Row(what, value, target);
        }
    }
    finally
    {
        onnxFolder.Delete(recursive: true);
    }
}

void PrintTable()
{
    Console.WriteLine();
    Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {GetCpuName()} ({GetIsa()}), {Environment.OSVersion}, .NET {Environment.Version}; date {DateTime.UtcNow:yyyy-MM-dd}");
    Console.WriteLine($"Fer.Core side: TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version} (LibTorch 2.10.0, oneDNN picks the ISA above unless ONEDNN_MAX_CPU_ISA says otherwise: {Environment.GetEnvironmentVariable("ONEDNN_MAX_CPU_ISA") ?? "not set"}), ONNX Runtime {Microsoft.ML.OnnxRuntime.OrtEnv.Instance().GetVersionString()}; threads per row as named");
    Console.WriteLine("| what | measured | target |");
    Console.WriteLine("|---|---|---|");
    foreach (var (what, value, target) in rows)
    {
        Console.WriteLine($"| {what} | {value} | {target} |");
    }
}

static string GetIsa()
{
    var flags = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("flags", StringComparison.Ordinal)) ?? "" : "";
    var set = flags.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
    return set.Contains("avx512f") ? (set.Contains("avx512_bf16") ? "AVX-512 with BF16" : "AVX-512") : set.Contains("avx2") ? "AVX2" : "no AVX2";
}

static string GetCpuName()
    => File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown CPU"
        : "unknown CPU";

static double ResidentMegabytes()
{
    using var process = Process.GetCurrentProcess();
    process.Refresh();
    return process.WorkingSet64 / 1e6;
}
