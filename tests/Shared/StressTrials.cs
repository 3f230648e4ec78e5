namespace Fer.Testing;

/// <summary>Runs seeded trials of tests/Fer.Stress (fer-stress.dll in the test's output), each in its own process.</summary>
internal static class StressTrials
{
    /// <summary>Runs the trial for seeds 1..<paramref name="trials"/>; returns the failures (crash, hang or wrong result), with their output.</summary>
    public static IReadOnlyList<string> Failures(string scenario, int trials, int threads, params string[] extra)
    {
        var host = Path.Combine(AppContext.BaseDirectory, "fer-stress.dll");
        Assert.True(File.Exists(host), $"{host} is missing: the test project must reference tests/Fer.Stress");
        var failures = new List<string>();
        for (var seed = 1; seed <= trials; seed++)
        {
            try
            {
                var result = ChildProcess.Run(AppContext.BaseDirectory, "dotnet", [host, scenario, seed.ToString(System.Globalization.CultureInfo.InvariantCulture), threads.ToString(System.Globalization.CultureInfo.InvariantCulture), .. extra], TimeSpan.FromMinutes(2));
                if (result.ExitCode != 0 || !result.StandardOutput.StartsWith("ok:", StringComparison.Ordinal))
                {
                    failures.Add($"seed {seed}: exit code {result.ExitCode}: {result.Output}");
                }
            }
            catch (TimeoutException e)
            {
                failures.Add($"seed {seed}: {e.Message}");
            }
        }

        return failures;
    }
}
