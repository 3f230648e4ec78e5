using System.Diagnostics;
using System.Globalization;

namespace Fer.Cli.Tests;

/// <summary>
/// A `fer train` process killed with SIGKILL in the middle of an epoch resumes from its last training state (which is
/// never half-written) and ends with exactly the model of an uninterrupted run.
/// </summary>
public sealed class CrashResumeTests : IDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("fer-crash-");

    public void Dispose() => _temp.Delete(recursive: true);

    [Fact]
    public void A_killed_training_resumes_and_ends_as_if_never_stopped()
    {
        var csv = Path.Combine(_temp.FullName, "data.csv");
        var random = new Random(5);
        File.WriteAllLines(csv, new[] { "emotion,pixels,Usage" }.Concat(Enumerable.Range(0, 700).Select(i =>
            $"{i % 7},{string.Join(" ", Enumerable.Range(0, 2304).Select(_ => random.Next(256).ToString(CultureInfo.InvariantCulture)))},Training")));
        string[] Arguments(string model, string state) =>
            ["train", "--data", csv, "--out", model, "--epochs", "6", "--batch-size", "64", "--architecture", "MiniXception", "--seed", "4", "--resume-dir", state];

        var reference = Path.Combine(_temp.FullName, "reference.fer");
        var referenceCode = Start(Arguments(reference, Path.Combine(_temp.FullName, "state-a"))).WaitForExitOrKill(TimeSpan.FromMinutes(5));
        Assert.True(referenceCode == 0, $"the uninterrupted run exited with {referenceCode}:\n{Output}");

        var resumed = Path.Combine(_temp.FullName, "resumed.fer");
        var stateB = Path.Combine(_temp.FullName, "state-b");
        var stateFile = Path.Combine(stateB, "training-state.fer");
        using (var victim = Start(Arguments(resumed, stateB)))
        {
            var deadline = DateTime.UtcNow.AddMinutes(5);
            while (!File.Exists(stateFile) && !victim.HasExited && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(50);
            }

            Assert.True(File.Exists(stateFile), $"the first epoch never finished:\n{Output}");
            Thread.Sleep(1500); // into epoch 2 of 6: five epochs (~1.5 s each here, longer under load) are left
            Assert.False(victim.HasExited, "training finished before it could be killed");
            victim.Kill(entireProcessTree: true);
            victim.WaitForExit();
        }

        Assert.False(File.Exists(resumed));
        Assert.Empty(Directory.GetFiles(stateB, "*.tmp"));
        var code = Start(Arguments(resumed, stateB)).WaitForExitOrKill(TimeSpan.FromMinutes(5));
        Assert.True(code == 0, $"the resumed run exited with {code}:\n{Output}");
        Assert.Equal(Weights(reference), Weights(resumed));
    }

    /// <summary>The model file without its trailing checksum and its header's save time: the weights section and architecture.</summary>
    private static string Weights(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var headerLength = BitConverter.ToInt32(bytes, 12);
        return Convert.ToHexString(bytes.AsSpan(16 + headerLength, bytes.Length - 32 - 16 - headerLength));
    }

    private static readonly System.Text.StringBuilder Output = new();

    private static void Log(string? line)
    {
        lock (Output)
        {
            Output.AppendLine(line);
        }
    }

    private static Process Start(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fer.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}

internal static class ProcessExtensions
{
    public static int WaitForExitOrKill(this Process process, TimeSpan timeout)
    {
        using (process)
        {
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("fer train did not finish in time.");
            }

            return process.ExitCode;
        }
    }
}
