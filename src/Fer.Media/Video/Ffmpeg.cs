using System.Diagnostics;

namespace Fer.Media;

/// <summary>
/// Finds FFmpeg's programs (ffmpeg, ffprobe) and starts them with their output piped, arguments passed one by one
/// (never through a shell). A missing program gets an exception that says how to install it.
/// </summary>
/// <remarks>
/// FFmpeg reads every file name as a URL: <c>http://…</c>, <c>concat:a|b</c>, <c>subfile,,…:</c>, <c>pipe:0</c> or a
/// name starting with <c>-</c> would make it connect to a host or read another file than the one the library
/// checked. So every file FFmpeg opens is given as <c>file:</c> and its absolute path (<see cref="FileUrl"/>) with a
/// protocol whitelist that allows that protocol alone (<see cref="InputArguments"/>, <see cref="OutputArguments"/>), pipes
/// are whitelisted as <c>pipe</c> alone, and only container formats that never open another file or URL may read an
/// input (<see cref="VideoDemuxers"/>: no playlists, concat lists, image sequences or references to other files).
/// </remarks>
internal static class Ffmpeg
{
    /// <summary>
    /// The demuxers FFmpeg may use on a video file: containers and elementary streams that read only the file they are
    /// given (MP4/MOV/3GP, Matroska/WebM, AVI, MPEG-TS/PS, FLV, ASF/WMV, Ogg, GIF, raw H.264/HEVC/MPEG-4, IVF, NUT,
    /// MXF, DV). HLS and DASH playlists, concat lists, image sequences and tee are not among them. MP4's external data
    /// references stay off (FFmpeg's default).
    /// </summary>
    public const string VideoDemuxers = "mov,matroska,webm,avi,mpegts,mpeg,flv,asf,ogg,gif,h264,hevc,m4v,mpegvideo,ivf,nut,mxf,dv";

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

    /// <summary>The URL of a local file for FFmpeg: <c>file:</c> and its absolute path, never read as another protocol.</summary>
    public static string FileUrl(string path) => "file:" + Path.GetFullPath(path);

    /// <summary>The arguments that open a local video file as FFmpeg's (or ffprobe's) input, with the checked path alone allowed.</summary>
    public static string[] InputArguments(string path) => ["-protocol_whitelist", "file", "-format_whitelist", VideoDemuxers, "-i", FileUrl(path)];

    /// <summary>The arguments that name a local file as ffmpeg's output in <paramref name="format"/>, nothing but that file allowed.</summary>
    public static string[] OutputArguments(string path, string format) => ["-protocol_whitelist", "file", "-f", format, FileUrl(path)];

    /// <summary>The arguments that read ffmpeg's input from its standard input, nothing else allowed.</summary>
    public static string[] PipeInputArguments => ["-protocol_whitelist", "pipe", "-i", "pipe:0"];

    /// <summary>The arguments that write ffmpeg's output to its standard output, nothing else allowed.</summary>
    public static string[] PipeOutputArguments => ["-protocol_whitelist", "pipe", "pipe:1"];

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
