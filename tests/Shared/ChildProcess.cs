using System.Diagnostics;
using System.Text;

namespace Fer.Testing;

/// <summary>
/// Runs a child process (dotnet, the fer tool, a sample) for a test and cannot hang on it: output is read as it comes
/// rather than to end-of-stream (a build node that inherits the pipes would hold that open), child `dotnet` commands
/// run without build servers or node reuse, and a child still running at the time limit is killed with its process
/// tree and reported with everything it printed.
/// </summary>
internal static class ChildProcess
{
    /// <summary>How long to wait, after the child exits, for its last output to arrive.</summary>
    private static readonly TimeSpan OutputDrain = TimeSpan.FromSeconds(10);

    /// <summary>The result of a finished child: its exit code and what it printed (stdout, then stderr).</summary>
    internal sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string Output => StandardOutput + StandardError;
    }

    /// <summary>Runs <paramref name="file"/> and returns its result; throws (failing the test) on a time-out.</summary>
    public static Result Run(string directory, string file, IEnumerable<string> arguments, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No MSBuild node, compiler server or build server outlives the child (each would keep the pipes open and
        // idle for up to 15 minutes before exiting).
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        using var stdoutClosed = new ManualResetEventSlim();
        using var stderrClosed = new ManualResetEventSlim();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(stdout, e.Data, stdoutClosed);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data, stderrClosed);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // With a time limit, WaitForExit waits for the exit alone, not for end-of-output.
        if (!process.WaitForExit(timeout))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited just now.
            }

            process.WaitForExit(5000);
            throw new TimeoutException($"'{file} {string.Join(' ', arguments)}' did not finish within {timeout.TotalMinutes:0.#} min in {directory}; killed. Its output:\n{Snapshot(stdout)}{Snapshot(stderr)}");
        }

        // The child has exited; a grandchild that inherited the pipes may keep them open, so wait only briefly.
        stdoutClosed.Wait(OutputDrain);
        stderrClosed.Wait(OutputDrain);
        return new Result(process.ExitCode, Snapshot(stdout), Snapshot(stderr));
    }

    /// <summary>Runs a `dotnet` command and fails the test with the child's output unless it exits with 0.</summary>
    public static string RunDotnet(string directory, TimeSpan timeout, params string[] arguments)
    {
        // The option goes before a "--" that starts the program's own arguments (dotnet run).
        var separator = Array.IndexOf(arguments, "--");
        string[] withOption = separator < 0
            ? [.. arguments, "--disable-build-servers"]
            : [.. arguments[..separator], "--disable-build-servers", .. arguments[separator..]];
        var result = Run(directory, "dotnet", withOption, timeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"'dotnet {string.Join(' ', arguments)}' failed with exit code {result.ExitCode} in {directory}:\n{result.Output}");
        }

        return result.Output;
    }

    private static void Append(StringBuilder builder, string? line, ManualResetEventSlim closed)
    {
        if (line is null)
        {
            closed.Set();
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }
}
