using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Fer.Benchmarks;

/// <summary>
/// The cost of refusing non-finite probabilities (issue 38): one pass over every probability where it leaves an
/// engine, for one face and for batches, seven classes. Compare with a prediction's own cost (1–50 ms per face, in
/// docs/benchmarks.md). Run with <c>--finite-check</c>.
/// </summary>
[MemoryDiagnoser]
public class FiniteCheckBenchmark
{
    private float[] _probabilities = [];
    private Check _require = null!;

    /// <summary>The check's signature (Fer.Core's and Fer.Onnx's copies of it are internal; Fer.Core's is measured).</summary>
    private delegate void Check(ReadOnlySpan<float> rows, int classes, string model);

    /// <summary>Faces in the batch.</summary>
    [Params(1, 64, 256)]
    public int Faces { get; set; }

    /// <summary>Probabilities of 7 classes, each row summing to 1.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _probabilities = [.. Enumerable.Range(0, Faces * 7).Select(i => (i % 7 == 3) ? 0.4f : 0.1f)];
        var method = typeof(Fer.Core.Sequential).Assembly.GetType("Fer.Internal.FiniteProbabilities")!.GetMethod("Require", BindingFlags.Public | BindingFlags.Static)!;
        _require = method.CreateDelegate<Check>();
    }

    /// <summary>The check both engines run before returning probabilities.</summary>
    [Benchmark]
    public void Require() => _require(_probabilities, 7, "benchmark");
}
