using System.Text.Json.Nodes;

namespace Fer.Core;

/// <summary>Tracks the best value of a monitored quantity and the epochs since it improved.</summary>
internal sealed class MonitorTracker
{
    public MonitorTracker(string monitor, MonitorMode mode, double minDelta)
    {
        Monitor = string.IsNullOrWhiteSpace(monitor) ? throw new FerModelException("A monitored value needs a name such as \"val_loss\".") : monitor;
        Minimize = mode switch
        {
            MonitorMode.Min => true,
            MonitorMode.Max => false,
            _ => monitor.Contains("loss", StringComparison.OrdinalIgnoreCase),
        };
        MinDelta = Math.Abs(minDelta);
        Best = Minimize ? double.PositiveInfinity : double.NegativeInfinity;
    }

    public string Monitor { get; }

    public bool Minimize { get; }

    public double MinDelta { get; }

    public double Best { get; private set; }

    public int Wait { get; set; }

    /// <summary>Reads the monitored value, records it, and tells whether it improved.</summary>
    public bool Update(EpochLogs logs)
    {
        if (!logs.Values.TryGetValue(Monitor, out var value))
        {
            throw new FerModelException(
                $"The monitored value '{Monitor}' is not in the epoch results ({string.Join(", ", logs.Values.Keys)}). " +
                "Pass validation data for \"val_…\" values, or monitor one that exists.");
        }

        var improved = Minimize ? value < Best - MinDelta : value > Best + MinDelta;
        if (improved)
        {
            Best = value;
            Wait = 0;
        }
        else
        {
            Wait++;
        }

        return improved;
    }

    public JsonObject Save() => new() { ["best"] = Best, ["wait"] = Wait };

    public void Load(JsonNode state)
    {
        Best = state["best"]?.GetValue<double>() ?? Best;
        Wait = state["wait"]?.GetValue<int>() ?? 0;
    }
}
