namespace Fer.Core;

/// <summary>A named array in a model file: float32, float16 or int64 tensor data with its shape, or an opaque byte blob.</summary>
internal sealed record TensorEntry(string Name, string Type, long[] Shape, byte[] Data)
{
    public const string Float32 = "float32";
    public const string Float16 = "float16";
    public const string Int64 = "int64";
    public const string Bytes = "bytes";

    public static int ElementSize(string type) => type switch
    {
        Float32 => 4,
        Float16 => 2,
        Int64 => 8,
        Bytes => 1,
        _ => 0,
    };
}
