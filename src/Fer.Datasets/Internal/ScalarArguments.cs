using TorchSharp;
using static TorchSharp.torch;

namespace Fer.Internal;

/// <summary>
/// Tensor operations with a number argument whose native Scalar stays alive for the whole native call. TorchSharp's
/// implicit number → Scalar conversion makes a finalizable object that nothing references once its handle has been
/// passed on, so a garbage collection during a long operation can free the Scalar while LibTorch still reads it
/// (seen: "Expected false to be true" from c10::Scalar::toDouble in clamp, after 13 epochs of training). Here each
/// Scalar is created explicitly and disposed after the call, which also spares the finalizer queue.
/// </summary>
internal static class ScalarArguments
{
    /// <summary><paramref name="tensor"/> · <paramref name="value"/>.</summary>
    public static Tensor Times(this Tensor tensor, double value) => With(value, scalar => tensor.mul(scalar));

    /// <summary><paramref name="tensor"/> + <paramref name="value"/>.</summary>
    public static Tensor Plus(this Tensor tensor, double value) => With(value, scalar => tensor.add(scalar));

    /// <summary><paramref name="tensor"/> − <paramref name="value"/>.</summary>
    public static Tensor Minus(this Tensor tensor, double value) => With(value, scalar => tensor.sub(scalar));

    /// <summary><paramref name="tensor"/> / <paramref name="value"/>.</summary>
    public static Tensor DividedBy(this Tensor tensor, double value) => With(value, scalar => tensor.div(scalar));

    /// <summary>Booleans: each value of <paramref name="tensor"/> &lt; <paramref name="value"/>.</summary>
    public static Tensor LessThan(this Tensor tensor, double value) => With(value, scalar => tensor.lt(scalar));

    /// <summary>Each value of <paramref name="tensor"/> limited to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static Tensor ClampTo(this Tensor tensor, double min, double max)
    {
        using var low = min.ToScalar();
        return With(max, high => tensor.clamp(low, high));
    }

    /// <summary>Runs <paramref name="operation"/> with <paramref name="value"/> as a Scalar that lives until it returns.</summary>
    private static Tensor With(double value, Func<Scalar, Tensor> operation)
    {
        using var scalar = value.ToScalar();
        return operation(scalar);
    }
}
