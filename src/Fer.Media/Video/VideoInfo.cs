using System.Globalization;
using System.Text.Json;

namespace Fer.Media;

/// <summary>What ffprobe says of a video's first video stream: the size of its upright frames and its duration.</summary>
internal sealed record VideoInfo(int Width, int Height, TimeSpan? Duration)
{
    /// <summary>Probes <paramref name="path"/> with ffprobe, within 60 s.</summary>
    /// <exception cref="FerDataException">The file holds no video stream ffprobe can read, or its frames are too large.</exception>
    public static VideoInfo Probe(string ffprobe, string path)
    {
        using var process = Ffmpeg.Start(ffprobe, ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height:stream_side_data=rotation:stream_tags=rotate:format=duration", "-of", "json", .. Ffmpeg.InputArguments(path)]);
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            Ffmpeg.Stop(process);
            throw new FerDataException($"The video '{path}' could not be probed: ffprobe did not answer within 60 s.") { Input = path };
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new FerDataException($"The video '{path}' could not be read: {LastLine(error.Result)}") { Input = path };
        }

        return Parse(output.Result, path);
    }

    internal static VideoInfo Parse(string json, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (!root.TryGetProperty("streams", out var streams) || streams.GetArrayLength() == 0)
            {
                throw new FerDataException($"The file '{path}' holds no video stream.") { Input = path };
            }

            var stream = streams[0];
            var width = stream.TryGetProperty("width", out var w) ? w.GetInt32() : 0;
            var height = stream.TryGetProperty("height", out var h) ? h.GetInt32() : 0;
            if (width <= 0 || height <= 0 || (long)width * height > Fer.Photo.MaxPixels)
            {
                throw new FerDataException($"The video '{path}' has frames of {width}x{height} pixels; expected a positive size of at most {Fer.Photo.MaxPixels:N0} pixels.") { Input = path };
            }

            if (QuarterTurn(stream))
            {
                (width, height) = (height, width);
            }

            TimeSpan? duration = root.TryGetProperty("format", out var format) && format.TryGetProperty("duration", out var d)
                && double.TryParse(d.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : null;
            return new VideoInfo(width, height, duration);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new FerDataException($"The video '{path}' could not be read: ffprobe's answer was not understood ({e.Message}).", e) { Input = path };
        }
    }

    /// <summary>Whether the stream is displayed turned by 90° or 270° (FFmpeg turns decoded frames upright).</summary>
    private static bool QuarterTurn(JsonElement stream)
    {
        double? rotation = null;
        if (stream.TryGetProperty("side_data_list", out var sideData))
        {
            foreach (var item in sideData.EnumerateArray())
            {
                if (item.TryGetProperty("rotation", out var r) && r.TryGetDouble(out var value))
                {
                    rotation = value;
                }
            }
        }

        if (rotation is null && stream.TryGetProperty("tags", out var tags) && tags.TryGetProperty("rotate", out var rotate)
            && double.TryParse(rotate.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var tagged))
        {
            rotation = tagged;
        }

        return rotation is { } degrees && Math.Abs(Math.IEEERemainder(degrees, 180)) == 90;
    }

    internal static string LastLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "FFmpeg gave no reason." : lines[^1].Length > 500 ? lines[^1][..500] : lines[^1];
    }
}
