namespace Fer.Core.Tests;

public sealed class SingleFacePredictionOutputTests
{
    [Fact]
    public void A_single_face_prediction_prints_nothing_on_stderr()
    {
        // Where NNPACK cannot start (AMD Zen 5 here), LibTorch printed "Could not initialize NNPACK!" seven times per
        // single-face prediction; the prediction runs in a child process so that its stderr is its own.
        var host = Path.Combine(AppContext.BaseDirectory, "fer-stress.dll");
        var result = Fer.Testing.ChildProcess.Run(AppContext.BaseDirectory, "dotnet", [host, "predict-one"], TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.StartsWith("ok: ", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StandardError.Trim());
    }
}
