using Xunit.Abstractions;

namespace Fer.Core.Tests;

/// <summary>
/// Sixteen threads predict on one classifier for 30 s with a mix of valid and invalid inputs (tests/Fer.Stress,
/// SoakTrial, in its own process): valid calls equal the serial results, invalid ones are refused by the library,
/// resident memory stays flat.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    [Fact]
    public void Sixteen_threads_with_valid_and_invalid_inputs_for_half_a_minute_match_serial_results_with_flat_memory()
    {
        var host = Path.Combine(AppContext.BaseDirectory, "fer-stress.dll");
        var result = ChildProcess.Run(AppContext.BaseDirectory, "dotnet", [host, "soak", "1", "16", "30"], TimeSpan.FromMinutes(4));
        output.WriteLine(result.Output);
        Assert.True(result.ExitCode == 0 && result.StandardOutput.StartsWith("ok:", StringComparison.Ordinal), result.Output);
    }
}
