using System.Globalization;

namespace Fer.Core;

/// <summary>The tau <see cref="LogitAdjustment"/> chose, the class priors it used, and the validation metrics before and after.</summary>
/// <param name="Tau">The multiple of log(prior) subtracted from each class's logit (0 leaves the model as it was).</param>
/// <param name="Priors">Each class's share of the training data, by class index.</param>
/// <param name="Before">Validation metrics of the unadjusted model.</param>
/// <param name="After">Validation metrics of the adjusted model.</param>
public sealed record LogitAdjustmentChoice(double Tau, IReadOnlyList<double> Priors, ClassificationMetrics Before, ClassificationMetrics After)
{
    /// <summary>The index of the class with the smallest prior.</summary>
    public int RarestClass => Priors.Select((p, i) => (p, i)).MinBy(t => t.p).i;

    /// <summary>One line for the log and the model's training info.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"tau {Tau:0.0} times log class prior subtracted from the output bias (priors {string.Join(" ", Priors.Select(p => p.ToString("0.0000", CultureInfo.InvariantCulture)))}); " +
        $"validation accuracy {Before.Accuracy:P2} -> {After.Accuracy:P2}, macro F1 {Before.MacroAverage.F1:0.000} -> {After.MacroAverage.F1:0.000}, " +
        $"{After.PerClass[RarestClass].ClassName} (rarest) recall {Before.PerClass[RarestClass].Recall:P1} -> {After.PerClass[RarestClass].Recall:P1}");
}
