using TorchSharp;
using static TorchSharp.torch;

namespace Fer.Internal;

/// <summary>
/// Tensor operations whose native Scalar arguments stay alive for the whole native call. TorchSharp 0.107's implicit
/// number → Scalar conversion makes a finalizable object that nothing references once its handle has been passed on,
/// so a garbage collection during the operation can free the Scalar while LibTorch still reads it (seen: "Expected
/// false to be true" from c10::Scalar::toDouble in clamp after 13 epochs of training; the same in TorchSharp's Adam
/// step and in a plain tensor + tensor, whose alpha of 1 is converted the same way; upstream: dotnet/TorchSharp pull
/// requests 1434 and 1496, open). Here each Scalar is created explicitly and disposed after the call, which also
/// spares the finalizer queue. Operations that take no Scalar (sub and mul of two tensors) need none of this.
/// </summary>
internal static class ScalarArguments
{
    /// <summary>
    /// The integer 1 as a Scalar that lives as long as the process: the alpha of additions (TorchSharp's add overloads
    /// without alpha - add, add_, + - pass an implicitly converted 1, which has the same race), batch counters, and
    /// unit arguments such as ELU's.
    /// </summary>
    public static readonly Scalar One = 1.ToScalar();

    /// <summary><paramref name="tensor"/> · <paramref name="value"/>.</summary>
    public static Tensor Times(this Tensor tensor, double value) => With(value, scalar => tensor.mul(scalar));

    /// <summary><paramref name="tensor"/> + <paramref name="value"/>.</summary>
    public static Tensor Plus(this Tensor tensor, double value) => With(value, scalar => tensor.add(scalar, One));

    /// <summary><paramref name="tensor"/> + <paramref name="other"/>, element-wise (broadcasting).</summary>
    public static Tensor Plus(this Tensor tensor, Tensor other) => tensor.add(other, One);

    /// <summary><paramref name="tensor"/> − <paramref name="value"/>.</summary>
    public static Tensor Minus(this Tensor tensor, double value) => With(value, scalar => tensor.sub(scalar));

    /// <summary><paramref name="tensor"/> / <paramref name="value"/>.</summary>
    public static Tensor DividedBy(this Tensor tensor, double value) => With(value, scalar => tensor.div(scalar));

    /// <summary>Booleans: each value of <paramref name="tensor"/> &lt; <paramref name="value"/>.</summary>
    public static Tensor LessThan(this Tensor tensor, double value) => With(value, scalar => tensor.lt(scalar));

    /// <summary><paramref name="tensor"/> + <paramref name="alpha"/> · <paramref name="other"/>.</summary>
    public static Tensor PlusScaled(this Tensor tensor, Tensor other, double alpha) => With(alpha, scalar => tensor.add(other, scalar));

    /// <summary>In place: <paramref name="tensor"/> ← <paramref name="tensor"/> · <paramref name="value"/>.</summary>
    public static Tensor TimesInPlace(this Tensor tensor, double value) => With(value, scalar => tensor.mul_(scalar));

    /// <summary>In place: <paramref name="tensor"/> ← <paramref name="tensor"/> + <paramref name="value"/>.</summary>
    public static Tensor PlusInPlace(this Tensor tensor, double value) => With(value, scalar => tensor.add_(scalar, One));

    /// <summary>In place: <paramref name="counter"/> ← <paramref name="counter"/> + 1, for integer counters too.</summary>
    public static Tensor IncrementInPlace(this Tensor counter) => counter.add_(One, One);

    /// <summary>In place: <paramref name="tensor"/> ← <paramref name="tensor"/> + <paramref name="other"/>.</summary>
    public static Tensor PlusInPlace(this Tensor tensor, Tensor other) => tensor.add_(other, One);

    /// <summary>In place: <paramref name="tensor"/> ← <paramref name="tensor"/> + <paramref name="alpha"/> · <paramref name="other"/>.</summary>
    public static Tensor PlusScaledInPlace(this Tensor tensor, Tensor other, double alpha) => With(alpha, scalar => tensor.add_(other, scalar));

    /// <summary>In place: <paramref name="tensor"/> ← <paramref name="tensor"/> + <paramref name="value"/> · <paramref name="left"/> · <paramref name="right"/>.</summary>
    public static Tensor PlusScaledProductInPlace(this Tensor tensor, Tensor left, Tensor right, double value) => With(value, scalar => tensor.addcmul_(left, right, scalar));

    /// <summary>In place: <paramref name="tensor"/> ← <paramref name="tensor"/> + <paramref name="value"/> · <paramref name="numerator"/> / <paramref name="denominator"/>.</summary>
    public static Tensor PlusScaledQuotientInPlace(this Tensor tensor, Tensor numerator, Tensor denominator, double value) => With(value, scalar => tensor.addcdiv_(numerator, denominator, scalar));

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
