using System.Globalization;
using Fer.Imaging;

namespace Fer.Media;

/// <summary>
/// Encodes annotated frames into an MP4 file (H.264, yuv420p, even-sized) with ffmpeg reading raw RGBA frames from a
/// pipe. Writes to a temporary file beside the target and renames it when complete, so a failed or cancelled run
/// leaves no half-written video.
/// </summary>
internal sealed class AnnotatedVideoWriter : IDisposable
{
    private readonly System.Diagnostics.Process _process;
    private readonly Stream _input;
    private readonly string _path;
    private readonly string _temporary;
    private readonly Task<string> _errors;
    private bool _completed;

    public AnnotatedVideoWriter(string ffmpeg, string path, int width, int height, double framesPerSecond)
    {
        _path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        _temporary = _path + ".partial.mp4";
        var rate = framesPerSecond.ToString("R", CultureInfo.InvariantCulture);
        _process = Ffmpeg.Start(ffmpeg,
        [
            "-nostdin", "-v", "error", "-y", "-f", "rawvideo", "-pix_fmt", "rgba", "-s", $"{width}x{height}", "-r", rate, .. Ffmpeg.PipeInputArguments,
            "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-movflags", "+faststart", .. Ffmpeg.OutputArguments(_temporary, "mp4"),
        ]);
        _input = _process.StandardInput.BaseStream;
        _errors = _process.StandardError.ReadToEndAsync();
        _process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
    }

    /// <summary>Draws the faces (labelled with their track id and smoothed emotion) on the frame and appends it.</summary>
    public void Write(Photo frame, IReadOnlyList<TrackedFace> faces)
    {
        var labels = faces.Select(f => FormattableString.Invariant($"#{f.TrackId} {f.Smoothed.Label} {f.Smoothed.Confidence:P0}")).ToList();
        using var annotated = FaceAnnotations.Annotate(frame, faces.Select(f => f.Face).ToList(), labels);
        try
        {
            _input.Write(annotated.ToRgbaPixels());
        }
        catch (IOException e)
        {
            throw new FerException($"ffmpeg stopped while writing the annotated video '{_path}': {VideoInfo.LastLine(Drain())}", e);
        }
    }

    /// <summary>Finishes the file: closes the pipe, waits for ffmpeg and moves the result into place.</summary>
    public void Complete()
    {
        _input.Close();
        if (!_process.WaitForExit(300_000))
        {
            Ffmpeg.Stop(_process);
            throw new FerException($"ffmpeg did not finish the annotated video '{_path}' within 5 minutes.");
        }

        _process.WaitForExit();
        if (_process.ExitCode != 0)
        {
            throw new FerException($"ffmpeg could not write the annotated video '{_path}': {VideoInfo.LastLine(Drain())}");
        }

        File.Move(_temporary, _path, overwrite: true);
        _completed = true;
    }

    public void Dispose()
    {
        Ffmpeg.Stop(_process);
        _process.Dispose();
        if (!_completed && File.Exists(_temporary))
        {
            File.Delete(_temporary);
        }
    }

    private string Drain() => _errors.Wait(5_000) ? _errors.Result : "";
}
