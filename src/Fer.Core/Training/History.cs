using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Fer.Core;

/// <summary>The per-epoch results of training, as Keras's History: <c>history["val_accuracy"]</c> is one value per epoch.</summary>
public sealed class History
{
    private readonly List<EpochLogs> _epochs = [];

    internal History()
    {
    }

    /// <summary>The epochs, in order.</summary>
    public IReadOnlyList<EpochLogs> Epochs => _epochs;

    /// <summary>The names of the recorded values.</summary>
    public IReadOnlyList<string> Keys => _epochs.SelectMany(e => e.Values.Keys).Distinct().ToArray();

    /// <summary>One value per epoch (NaN where an epoch lacks it).</summary>
    /// <param name="name">e.g. "loss" or "val_accuracy".</param>
    public IReadOnlyList<double> this[string name]
        => Keys.Contains(name)
            ? _epochs.Select(e => e.Values.TryGetValue(name, out var v) ? v : double.NaN).ToArray()
            : throw new KeyNotFoundException($"The history has no value '{name}'; it has: {string.Join(", ", Keys)}.");

    /// <summary>The history as CSV: a header "epoch,loss,…,lr,seconds" and one row per epoch.</summary>
    public string ToCsv()
    {
        var keys = Keys;
        var builder = new StringBuilder().Append("epoch,").Append(string.Join(",", keys)).Append(",lr,seconds\n");
        foreach (var e in _epochs)
        {
            builder.Append(e.Epoch.ToString(CultureInfo.InvariantCulture));
            foreach (var k in keys)
            {
                builder.Append(',').Append(e.Values.TryGetValue(k, out var v) ? v.ToString("R", CultureInfo.InvariantCulture) : "");
            }

            builder.Append(',').Append(e.LearningRate.ToString("R", CultureInfo.InvariantCulture))
                   .Append(',').Append(e.Duration.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>The history as indented JSON: an array of epochs.</summary>
    public string ToJson() => ToJsonNode().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    internal void Add(EpochLogs logs) => _epochs.Add(logs);

    internal JsonArray ToJsonNode() => new(_epochs.Select(e => (JsonNode)new JsonObject
    {
        ["epoch"] = e.Epoch,
        ["values"] = new JsonObject(e.Values.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))),
        ["lr"] = e.LearningRate,
        ["seconds"] = e.Duration.TotalSeconds,
    }).ToArray());

    /// <summary>Reads <see cref="ToCsv"/> output back; malformed lines are left out.</summary>
    internal static History FromCsv(string csv)
    {
        var history = new History();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length < 2)
        {
            return history;
        }

        var header = lines[0].Split(',');
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            if (cells.Length != header.Length || !int.TryParse(cells[0], CultureInfo.InvariantCulture, out var epoch))
            {
                continue;
            }

            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var c = 1; c < header.Length - 2; c++)
            {
                if (double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                {
                    values[header[c]] = v;
                }
            }

            _ = double.TryParse(cells[^2], NumberStyles.Float, CultureInfo.InvariantCulture, out var lr);
            _ = double.TryParse(cells[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds);
            history.Add(new EpochLogs(epoch, values, lr, IsEpochDuration(seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.Zero));
        }

        return history;
    }

    internal static History FromJson(JsonNode? node)
    {
        var history = new History();
        if (node is not JsonArray array)
        {
            return history;
        }

        IReadOnlyCollection<string>? keys = null;
        foreach (var (entry, index) in array.Select((n, i) => (n, i)))
        {
            var item = entry as JsonObject ?? throw new FormatException($"epoch {index + 1} is not an object");
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var (name, value) in item["values"] as JsonObject ?? throw new FormatException($"epoch {index + 1} has no values"))
            {
                values[name] = Number(value, $"epoch {index + 1}'s value '{name}'");
            }

            if (!values.ContainsKey("loss"))
            {
                throw new FormatException($"epoch {index + 1} has no 'loss', which every epoch of training records");
            }

            if (keys is not null && !keys.Order(StringComparer.Ordinal).SequenceEqual(values.Keys.Order(StringComparer.Ordinal)))
            {
                throw new FormatException($"epoch {index + 1} records {string.Join(", ", values.Keys)}, but epoch 1 records {string.Join(", ", keys)}");
            }

            keys ??= values.Keys;
            var seconds = Number(item["seconds"], $"epoch {index + 1}'s duration");
            if (!IsEpochDuration(seconds))
            {
                throw new FormatException($"an epoch lasted {seconds.ToString(CultureInfo.InvariantCulture)} s; expected 0 to {MaxEpochSeconds:0} s");
            }

            var epoch = Number(item["epoch"], $"epoch {index + 1}'s number");
            if (epoch != Math.Floor(epoch) || epoch is < 1 or > int.MaxValue)
            {
                throw new FormatException($"epoch {index + 1}'s number {epoch.ToString(CultureInfo.InvariantCulture)} is not a whole number >= 1");
            }

            history.Add(new EpochLogs((int)epoch, values, Number(item["lr"], $"epoch {index + 1}'s learning rate"), TimeSpan.FromSeconds(seconds)));
        }

        return history;
    }

    /// <summary>A JSON number, or a <see cref="FormatException"/> naming <paramref name="what"/> (null, text, missing).</summary>
    private static double Number(JsonNode? node, string what)
        => node is JsonValue value && value.TryGetValue<double>(out var number)
            ? number
            : throw new FormatException($"{what} is {(node is null ? "missing or null" : $"not a number ({node.ToJsonString()[..Math.Min(40, node.ToJsonString().Length)]})")}");

    /// <summary>The longest epoch duration read back (about 31 years): anything longer is a corrupt or forged file.</summary>
    private const double MaxEpochSeconds = 1e9;

    /// <summary>Whether a duration read from a file is one an epoch can have (a TimeSpan of NaN or 1e300 s throws).</summary>
    private static bool IsEpochDuration(double seconds) => seconds is >= 0 and <= MaxEpochSeconds;
}
