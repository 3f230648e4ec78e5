using System.Diagnostics;

namespace Fer.Stress;

/// <summary>
/// Runs fuzz cases one after another in this process with a time limit per case and a memory ceiling (peak resident
/// memory above the baseline, from /proc/self/status after resetting the peak through /proc/self/clear_refs), and
/// counts the outcomes. A hang ends the process at once (the stuck thread cannot be stopped).
/// </summary>
internal static class FuzzRunner
{
    public static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(20);

    /// <summary>Bombs must cost little: each is refused within this time (on 2 cores, other tests running).</summary>
    public static readonly TimeSpan BombLimit = TimeSpan.FromSeconds(5);
    public const long MemoryCeilingBytes = 512L * 1024 * 1024;

    public static int Run(string kind, int seed, int count)
    {
        var work = Directory.CreateTempSubdirectory($"fer-fuzz-{kind}-").FullName;
        try
        {
            var counts = Enum.GetValues<FuzzOutcome>().ToDictionary(o => o, _ => 0);
            var examples = new List<string>();
            var corpus = new FuzzCorpus(work, seed);
            GC.Collect();
            var baseline = Environment.WorkingSet;
            var limit = kind == "bomb" ? BombLimit : CaseLimit;
            var slowest = (Seconds: 0.0, Case: "");
            foreach (var fuzzCase in corpus.Cases(kind, count))
            {
                ResetPeak();
                var clock = Stopwatch.StartNew();
                var task = Task.Run(() => Record.Exception(fuzzCase.Run));
                if (!task.Wait(limit))
                {
                    Console.WriteLine($"fuzz {kind}: HANG after {limit.TotalSeconds} s: {fuzzCase.Description}");
                    Console.Out.Flush();
                    Environment.Exit(3);
                }

                slowest = clock.Elapsed.TotalSeconds > slowest.Seconds ? (clock.Elapsed.TotalSeconds, fuzzCase.Description) : slowest;

                var outcome = Classify(task.Result);
                if (Peak() is { } peak && peak - baseline > MemoryCeilingBytes)
                {
                    outcome = FuzzOutcome.BlowUp;
                }

                counts[outcome]++;
                if (outcome is FuzzOutcome.Raw or FuzzOutcome.BlowUp && examples.Count < 20)
                {
                    examples.Add($"  {outcome}: {fuzzCase.Description}: {task.Result?.GetType().Name}: {task.Result?.Message}");
                }
            }

            var total = counts.Values.Sum();
            Console.WriteLine($"fuzz {kind} (seed {seed}): {total} cases: accepted {counts[FuzzOutcome.Accepted]}, refused {counts[FuzzOutcome.Refused]}, raw {counts[FuzzOutcome.Raw]}, hang {counts[FuzzOutcome.Hang]}, blow-up {counts[FuzzOutcome.BlowUp]}");
            Console.WriteLine(FormattableString.Invariant($"  slowest: {slowest.Seconds:0.00} s ({slowest.Case}); limit {limit.TotalSeconds} s per case, {MemoryCeilingBytes >> 20} MB above the baseline"));
            examples.ForEach(Console.WriteLine);
            return counts[FuzzOutcome.Raw] + counts[FuzzOutcome.BlowUp] == 0 ? 0 : 2;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// Phrases of .NET's and ONNX Runtime's own exception texts: a refusal that carries one speaks the framework's words,
    /// not ours (it names no input, or what was expected), and counts as raw.
    /// </summary>
    private static readonly string[] FrameworkPhrases =
    [
        "Object reference not set", "cannot be converted to", "An element of type", "LineNumber:", "BytePositionInLine", "(Parameter '",
        "Exception of type", "[ONNXRuntimeError]", "[ErrorCode:", "Input string was not in a correct format", "Arithmetic operation resulted in an overflow",
        "Index was outside the bounds", "Specified argument was out of the range", "The JSON value could not be converted",
        "Nullable object must have a value", "Sequence contains no", "An item with the same key",
    ];

    /// <summary>The library's own refusals (in its own words) and .NET's documented argument and missing-file exceptions count as refused.</summary>
    private static FuzzOutcome Classify(Exception? e) => e switch
    {
        null => FuzzOutcome.Accepted,
        FerException when FrameworkPhrases.FirstOrDefault(p => e.Message.Contains(p, StringComparison.Ordinal)) is not null => FuzzOutcome.Raw,
        FerException or ArgumentException or FileNotFoundException => FuzzOutcome.Refused,
        IOException io when io.GetType() == typeof(IOException) && io.Message.StartsWith("Cannot save to", StringComparison.Ordinal) => FuzzOutcome.Refused,
        _ => FuzzOutcome.Raw,
    };

    private static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the peak then covers every case so far.
        }
    }

    /// <summary>Peak resident memory (VmHWM) in bytes, or the current working set where /proc is not there.</summary>
    private static long? Peak()
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return Process.GetCurrentProcess().WorkingSet64;
        }
    }
}
