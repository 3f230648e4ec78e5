using System.Diagnostics;

namespace Fer.Benchmarks;

/// <summary>Repeats a measurement after warm-up and reports the median, so one slow run does not decide.</summary>
internal static class Measure
{
    public static double MedianSeconds(int runs, Action action)
    {
        action();
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalSeconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
