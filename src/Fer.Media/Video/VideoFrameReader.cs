using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Fer.Media;

/// <summary>
/// Decodes a video with ffmpeg into upright RGB frames sampled at a fixed rate, streamed through a pipe one frame at a
/// time (never the whole video in memory). Frame n is the picture shown at n / rate seconds.
/// </summary>
internal static class VideoFrameReader
{
    /// <summary>The frames as photos (the caller disposes each), in order; stops early when cancelled.</summary>
    /// <exception cref="FerDataException">ffmpeg cannot decode the video; the message names the file and gives ffmpeg's reason.</exception>
    public static IEnumerable<(int Index, TimeSpan Timestamp, Photo Frame)> Read(string ffmpeg, string path, VideoInfo info, double framesPerSecond, CancellationToken cancellationToken)
    {
        var rate = framesPerSecond.ToString("R", CultureInfo.InvariantCulture);
        using var process = Ffmpeg.Start(ffmpeg, ["-nostdin", "-v", "error", .. Ffmpeg.InputArguments(path), "-an", "-sn", "-dn", "-vf", $"fps={rate}", "-f", "rawvideo", "-pix_fmt", "rgb24", .. Ffmpeg.PipeOutputArguments]);
        process.StandardInput.Close();
        var errors = new BoundedText(16 * 1024);
        process.ErrorDataReceived += (_, e) => errors.Append(e.Data);
        process.BeginErrorReadLine();
        using var stop = cancellationToken.Register(() => Ffmpeg.Stop(process));
        var frameBytes = checked(info.Width * info.Height * 3);
        var buffer = new byte[frameBytes];
        var output = process.StandardOutput.BaseStream;
        var index = 0;
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = output.ReadAtLeast(buffer, frameBytes, throwOnEndOfStream: false);
                cancellationToken.ThrowIfCancellationRequested();
                if (read < frameBytes)
                {
                    break;
                }

                var frame = Photo.FromPixels(buffer, info.Width, info.Height, PhotoPixelFormat.Rgb24);
                yield return (index, TimeSpan.FromSeconds(index / framesPerSecond), frame);
                index++;
            }

            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new FerDataException($"The video '{path}' could not be decoded after {index} frames: {VideoInfo.LastLine(errors.ToString())}") { Input = path };
            }

            if (index == 0)
            {
                throw new FerDataException($"The file '{path}' gave no video frame to analyse (a still image, or a video without pictures).") { Input = path };
            }
        }
        finally
        {
            Ffmpeg.Stop(process);
        }
    }

    /// <summary>The last lines of a process's error output, at most a given number of characters.</summary>
    private sealed class BoundedText(int limit)
    {
        private readonly StringBuilder _text = new();

        public void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_text)
            {
                _text.AppendLine(line);
                if (_text.Length > limit)
                {
                    _text.Remove(0, _text.Length - limit);
                }
            }
        }

        public override string ToString()
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }
}
