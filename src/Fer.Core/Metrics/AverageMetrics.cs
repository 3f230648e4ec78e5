namespace Fer.Core;

/// <summary>Precision, recall and F1 averaged over classes.</summary>
/// <param name="Precision">Averaged precision.</param>
/// <param name="Recall">Averaged recall.</param>
/// <param name="F1">Averaged F1 (the average of per-class F1, not the F1 of the averages, as scikit-learn).</param>
/// <param name="Support">Images counted.</param>
public sealed record AverageMetrics(double Precision, double Recall, double F1, long Support);
