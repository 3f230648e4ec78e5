using Fer.Internal;
using static TorchSharp.torch;

namespace Fer.Core.Optimization;

/// <summary>The update Adam and AdamW share: the moment estimates and the bias-corrected step, as TorchSharp computes them.</summary>
internal static class AdamMoments
{
    /// <summary>
    /// Updates the first and second moments with <paramref name="gradient"/> and moves <paramref name="parameter"/>
    /// by the bias-corrected step; <paramref name="step"/> counts the updates and is incremented first.
    /// </summary>
    public static void Update(Tensor parameter, Tensor gradient, Tensor firstMoment, Tensor secondMoment, ref long step, double beta1, double beta2, double epsilon, double learningRate)
    {
        step++;
        var biasCorrection1 = 1 - Math.Pow(beta1, step);
        var biasCorrection2 = 1 - Math.Pow(beta2, step);
        firstMoment.TimesInPlace(beta1).PlusScaledInPlace(gradient, 1 - beta1);
        secondMoment.TimesInPlace(beta2).PlusScaledProductInPlace(gradient, gradient, 1 - beta2);
        using var root = secondMoment.sqrt();
        using var denominator = root.DividedBy(Math.Sqrt(biasCorrection2));
        denominator.PlusInPlace(epsilon);
        parameter.PlusScaledQuotientInPlace(firstMoment, denominator, -learningRate / biasCorrection1);
    }
}
