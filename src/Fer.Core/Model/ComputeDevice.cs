using static TorchSharp.torch;

namespace Fer.Core;

/// <summary>
/// Where tensors live and run: the CPU (the default) or a CUDA GPU. Code written against a device runs
/// unchanged on a GPU once the application references TorchSharp's CUDA package instead of TorchSharp-cpu.
/// </summary>
public readonly record struct ComputeDevice
{
    private ComputeDevice(string name)
    {
        Name = name;
    }

    /// <summary>The CPU.</summary>
    public static ComputeDevice Cpu { get; } = new("cpu");

    /// <summary>The device's name as TorchSharp spells it: "cpu" or "cuda:0".</summary>
    public string Name { get; }

    /// <summary>Whether this is a CUDA device.</summary>
    public bool IsCuda => Name?.StartsWith("cuda", StringComparison.Ordinal) ?? false;

    /// <summary>A CUDA GPU.</summary>
    /// <param name="index">The GPU's index.</param>
    public static ComputeDevice Cuda(int index = 0)
        => index >= 0 ? new($"cuda:{index}") : throw new ArgumentOutOfRangeException(nameof(index), index, "index must not be negative.");

    /// <summary>Parses "cpu", "cuda" or "cuda:N".</summary>
    /// <param name="name">The device name.</param>
    public static ComputeDevice Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim().ToLowerInvariant();
        if (trimmed == "cpu")
        {
            return Cpu;
        }

        if (trimmed == "cuda")
        {
            return Cuda();
        }

        if (trimmed.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(trimmed[5..], System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            return Cuda(index);
        }

        throw new ArgumentException($"'{name}' is not a device; use \"cpu\", \"cuda\" or \"cuda:N\".", nameof(name));
    }

    /// <summary>The device's name.</summary>
    public override string ToString() => Name ?? "cpu";

    internal Device ToTorch()
    {
        Fer.Datasets.LibTorch.EnsureAvailable();
        if (IsCuda && !cuda.is_available())
        {
            throw new FerModelException($"The device {Name} was asked for, but CUDA is not available: reference a CUDA build of TorchSharp and check the GPU driver, or use ComputeDevice.Cpu.");
        }

        return new Device(Name ?? "cpu");
    }
}
