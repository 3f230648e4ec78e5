using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using Fer.Core;
using Fer.Datasets;
using SkiaSharp;

namespace Fer.Stress;

/// <summary>
/// Seeded generators of hostile inputs, one kind at a time: model files, images, FER2013 CSV files (plain and gzip),
/// training states, odd paths, FER+ file pairs, bombs, URL-like file names and weights that overflow, each built by mutating a valid input (cuts, flipped bytes, forged headers with a
/// recomputed checksum, wrong types, huge or negative numbers, repeated keys).
/// </summary>
internal sealed partial class FuzzCorpus(string work, int seed)
{
    private readonly Random _random = new(seed);

    public IEnumerable<FuzzCase> Cases(string kind, int count) => kind switch
    {
        "model" => Enumerable.Range(0, count).Select(i => ModelCase(i)),
        "image" => Enumerable.Range(0, count).Select(i => ImageCase(i)),
        "csv" => Enumerable.Range(0, count).Select(i => CsvCase(i)),
        "state" => Enumerable.Range(0, count).Select(i => StateCase(i)),
        "path" => PathCases().Take(count),
        "ferplus" => Enumerable.Range(0, count).Select(i => FerPlusCase(i)),
        "bomb" => BombCases().Take(count),
        "names" => NameCases().Take(count),
        "weights" => Enumerable.Range(0, count).Select(i => WeightsCase(i)),
        _ => throw new ArgumentException($"unknown fuzz kind '{kind}'"),
    };

    private byte[]? _model;
    private byte[]? _png;
    private byte[]? _jpeg;
    private string? _state;
    private EmotionClassifier? _classifier;

    private static Sequential SmallNet() => new Sequential((1, 16, 16), seed: 1)
        .Add(Layers.Conv2D(4, kernel: 3, padding: Padding.Same))
        .Add(Layers.BatchNorm())
        .Add(Layers.ReLU())
        .Add(Layers.MaxPool2D(2))
        .Add(Layers.Flatten())
        .Add(Layers.Dense(3));

    private static LabeledFaces Faces() => LabeledFaces.FromPixels(Enumerable.Range(0, 24 * 256).Select(i => (byte)(i * 7)).ToArray(), Enumerable.Range(0, 24).Select(i => i % 3).ToArray(), (1, 16, 16), ["a", "b", "c"]);

    private byte[] ValidModel()
    {
        if (_model is null)
        {
            using var model = SmallNet();
            model.ClassNames = ["a", "b", "c"];
            var path = Path.Combine(work, "valid.fer");
            model.Save(path);
            _model = File.ReadAllBytes(path);
        }

        return _model;
    }

    private FuzzCase ModelCase(int i)
    {
        var file = (byte[])ValidModel().Clone();
        switch (i % 4)
        {
            case 0:
                var cut = _random.Next(file.Length);
                return new FuzzCase($"model cut at {cut} of {file.Length}", () => Sequential.Load(file[..cut], "cut.fer").Dispose());
            case 1:
                var flips = _random.Next(1, 8);
                for (var f = 0; f < flips; f++)
                {
                    file[_random.Next(file.Length)] ^= (byte)(1 << _random.Next(8));
                }

                return new FuzzCase($"model with {flips} flipped bits", () => Sequential.Load(file, "flipped.fer").Dispose());
            default:
                var (what, forged) = ForgeHeader(file);
                return new FuzzCase($"model header forged: {what}", () => Sequential.Load(forged, "forged.fer").Dispose());
        }
    }

    /// <summary>Changes one value of the JSON header to a hostile one and recomputes the checksum.</summary>
    private (string What, byte[] File) ForgeHeader(byte[] file)
    {
        var headerLength = BitConverter.ToInt32(file, 12);
        var header = JsonNode.Parse(Encoding.UTF8.GetString(file, 16, headerLength))!;
        var leaves = new List<(JsonNode Parent, object Key)>();
        Collect(header, leaves);
        var (parent, key) = leaves[_random.Next(leaves.Count)];
        JsonNode? replacement = _random.Next(9) switch
        {
            0 => JsonValue.Create(-1),
            1 => JsonValue.Create(int.MaxValue),
            2 => JsonValue.Create(1e300),
            3 => JsonValue.Create("text"),
            4 => null,
            5 => new JsonArray(),
            6 => new JsonObject(),
            7 => JsonValue.Create(0),
            _ => JsonValue.Create(long.MaxValue),
        };
        var text = Replace(header, parent, key, replacement).ToJsonString();
        if (_random.Next(10) == 0)
        {
            text = text.Replace("{\"format\":", "{\"format\":\"x\",\"format\":", StringComparison.Ordinal); // a repeated key
        }

        var forgedHeader = Encoding.UTF8.GetBytes(text);
        var body = new List<byte>();
        body.AddRange(file[..12]);
        body.AddRange(BitConverter.GetBytes(forgedHeader.Length));
        body.AddRange(forgedHeader);
        body.AddRange(file[(16 + headerLength)..^32]);
        body.AddRange(System.Security.Cryptography.SHA256.HashData(body.ToArray()));
        return ($"{key} = {replacement?.ToJsonString() ?? "null"}", [.. body]);
    }

    private static void Collect(JsonNode? node, List<(JsonNode, object)> leaves)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    leaves.Add((obj, name));
                    Collect(value, leaves);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    leaves.Add((array, i));
                    Collect(array[i], leaves);
                }

                break;
        }
    }

    private static JsonNode Replace(JsonNode root, JsonNode parent, object key, JsonNode? value)
    {
        if (parent is JsonObject obj)
        {
            obj[(string)key] = value;
        }
        else
        {
            ((JsonArray)parent)[(int)key] = value;
        }

        return root;
    }

    private FuzzCase ImageCase(int i)
    {
        if (_png is null)
        {
            using var bitmap = new SKBitmap(new SKImageInfo(64, 48, SKColorType.Rgba8888, SKAlphaType.Premul));
            bitmap.Erase(new SKColor(90, 140, 200));
            using var image = SKImage.FromBitmap(bitmap);
            using (var png = image.Encode(SKEncodedImageFormat.Png, 100))
            {
                _png = png.ToArray();
            }

            using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90);
            _jpeg = jpeg.ToArray();
            _classifier = EmotionClassifier.LoadDefault();
        }

        var file = (byte[])(i % 2 == 0 ? _png : _jpeg!).Clone();
        var what = "";
        switch (i % 3)
        {
            case 0:
                var cut = _random.Next(file.Length);
                file = file[..cut];
                what = $"cut at {cut}";
                break;
            case 1:
                for (var f = _random.Next(1, 16); f > 0; f--)
                {
                    file[_random.Next(file.Length)] = (byte)_random.Next(256);
                }

                what = "random bytes";
                break;
            default:
                // Forge the dimensions (PNG's IHDR at 16, JPEG's SOF after its marker) to huge values.
                var at = i % 2 == 0 ? 16 : Math.Max(0, file.AsSpan().IndexOf(new byte[] { 0xFF, 0xC0 }) + 5);
                for (var b = 0; b < 4 && at + b < file.Length; b++)
                {
                    file[at + b] = 0xFF;
                }

                what = "forged dimensions";
                break;
        }

        var classifier = _classifier!;
        return new FuzzCase($"{(i % 2 == 0 ? "png" : "jpeg")} {what}", () =>
        {
            using (var photo = Photo.Decode(file, "fuzz"))
            {
                _ = photo.ToGrayPixels(48, 48);
            }

            classifier.Predict(file);
        });
    }

    private FuzzCase CsvCase(int i)
    {
        var rows = new StringBuilder("emotion,pixels,Usage\n");
        for (var r = 0; r < 4; r++)
        {
            rows.Append(r % 7).Append(',').Append(string.Join(' ', Enumerable.Range(0, 2304).Select(p => (p * (r + 3)) % 256))).Append(",Training\n");
        }

        var text = rows.ToString().ToCharArray();
        var what = "";
        switch (_random.Next(6))
        {
            case 0:
                var cut = _random.Next(text.Length);
                text = text[..cut];
                what = $"cut at {cut}";
                break;
            case 1:
                for (var f = _random.Next(1, 10); f > 0; f--)
                {
                    const string Replacements = ",\n\r\" x-9\0é";
                    text[_random.Next(text.Length)] = Replacements[_random.Next(Replacements.Length)];
                }

                what = "changed characters";
                break;
            case 2:
                text = ("emotion,pixels,Usage" + string.Concat(Enumerable.Repeat(",c", _random.Next(1, 200_000))) + "\n0,1,Training\n").ToCharArray();
                what = "wide header";
                break;
            case 3:
                text = ("emotion,pixels,Usage\n" + new string('7', _random.Next(1, 600_000)) + "\n").ToCharArray();
                what = "long line";
                break;
            case 4:
                text = new string(text).Replace("Training", _random.Next(3) switch { 0 => "1", 1 => "", _ => "Validation" }, StringComparison.Ordinal).ToCharArray();
                what = "bad usage";
                break;
            default:
                what = "unchanged";
                break;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        var gzip = i % 2 == 1;
        if (gzip)
        {
            using var buffer = new MemoryStream();
            using (var stream = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            {
                stream.Write(bytes);
            }

            bytes = buffer.ToArray();
            if (_random.Next(2) == 0)
            {
                var cut = _random.Next(bytes.Length);
                bytes = bytes[..cut];
                what += $", gzip cut at {cut}";
            }
        }

        var path = Path.Combine(work, $"case{i}.csv{(gzip ? ".gz" : "")}");
        return new FuzzCase($"csv{(gzip ? ".gz" : "")} {what}", () =>
        {
            File.WriteAllBytes(path, bytes);
            try
            {
                _ = Fer2013.Load(path);
            }
            finally
            {
                File.Delete(path);
            }
        });
    }

    private FuzzCase StateCase(int i)
    {
        if (_state is null)
        {
            using var model = SmallNet().Compile(Optimizers.Adam(1e-3));
            model.Fit(Faces(), epochs: 2, batchSize: 8, callbacks: [Callbacks.BackupAndRestore(Path.Combine(work, "state-source"), deleteOnFinish: false)]);
            _state = Path.Combine(work, "state-source", "training-state.fer");
        }

        var file = File.ReadAllBytes(_state);
        var (what, forged) = i % 3 == 0 ? ($"cut", file[.._random.Next(file.Length)]) : ForgeHeader(file);
        var folder = Path.Combine(work, $"state{i}");
        return new FuzzCase($"training state {what}", () =>
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, "training-state.fer"), forged);
            try
            {
                using var model = SmallNet().Compile(Optimizers.Adam(1e-3));
                model.Fit(Faces(), epochs: 3, batchSize: 8, callbacks: [Callbacks.BackupAndRestore(folder, deleteOnFinish: false)]);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        });
    }

    private IEnumerable<FuzzCase> PathCases()
    {
        var fifo = Path.Combine(work, "pipe");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        var folder = Directory.CreateDirectory(Path.Combine(work, "folder")).FullName;
        var file = Path.Combine(work, "plain.txt");
        File.WriteAllText(file, "x");
        string[] paths = [fifo, "/dev/zero", "/dev/urandom", "/dev/null", folder, Path.Combine(work, "missing"), "", "   ", Path.Combine(file, "below"), "/proc/self/mem"];
        var classifier = EmotionClassifier.LoadDefault();
        foreach (var path in paths)
        {
            yield return new FuzzCase($"Predict({path})", () => classifier.Predict(path));
            yield return new FuzzCase($"Photo.Load({path})", () => Photo.Load(path).Dispose());
            yield return new FuzzCase($"Sequential.Load({path})", () => Sequential.Load(path).Dispose());
            yield return new FuzzCase($"Fer2013.Load({path})", () => Fer2013.Load(path));
            if (path != "/dev/null")
            {
                yield return new FuzzCase($"Save({path})", () => classifier.Save(path));
            }
        }
    }
}
