using System.Diagnostics;

namespace Fer.Media;

/// <summary>
/// Finds FFmpeg's programs (ffmpeg, ffprobe) and starts them with their output piped, arguments passed one by one
/// (never through a shell). A missing program gets an exception that says how to install it.
/// </summary>
internal static class Ffmpeg
{
    public const string InstallHint =
        "Install FFmpeg: `sudo apt-get install ffmpeg` on Debian or Ubuntu (or `bash scripts/install-prereqs.sh --video` in the Fer.Core repository), " +
        "`brew install ffmpeg` on macOS, `winget install ffmpeg` on Windows; or give its path in VideoAnalysisOptions.FfmpegFolder.";

    /// <summary>The full path of <paramref name="program"/> in <paramref name="folder"/>, or on the PATH when null.</summary>
    /// <exception cref="FerException">The program is not there.</exception>
    public static string Find(string program, string? folder)
    {
        var name = OperatingSystem.IsWindows() ? program + ".exe" : program;
        var folders = folder is not null
            ? [folder]
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var candidate in folders.Select(f => Path.Combine(f, name)))
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FerException($"Video needs FFmpeg's {program}, which was not found {(folder is null ? "on the PATH" : $"in '{folder}'")}. {InstallHint}");
    }

    /// <summary>Starts a program with standard input, output and error redirected.</summary>
    public static Process Start(string path, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info) ?? throw new FerException($"{path} could not be started.");
    }

    /// <summary>Ends the program and its children, if still running; never throws.</summary>
    public static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        catch (System.ComponentModel.Win32Exception)
        {
        }
    }
}
