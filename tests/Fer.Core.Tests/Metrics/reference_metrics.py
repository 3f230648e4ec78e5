# Computes the reference values used by ClassificationMetricsTests with scikit-learn (Debian's python3-sklearn 1.2.1):
#   /usr/bin/python3 tests/Fer.Core.Tests/Metrics/reference_metrics.py
import numpy as np
from sklearn.metrics import precision_recall_fscore_support, accuracy_score, top_k_accuracy_score, confusion_matrix

y_true = [0,0,0,1,2,2,2,2,3,3,3,3,3,3,4,4,4,5,5,6,6,6,6,0,3,4,2,6,3,0]
y_pred = [0,2,0,3,2,2,4,2,3,3,3,6,3,3,4,2,6,5,5,6,6,0,6,0,3,4,2,6,2,6]
labels = list(range(7))
p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
print("per-class precision", [round(x, 10) for x in p])
print("per-class recall", [round(x, 10) for x in r])
print("per-class f1", [round(x, 10) for x in f])
print("support", list(s))
for avg in ["macro", "weighted", "micro"]:
    print(avg, [round(x, 10) for x in precision_recall_fscore_support(y_true, y_pred, labels=labels, average=avg, zero_division=0)[:3]])
print("accuracy", round(accuracy_score(y_true, y_pred), 10))
print("confusion", confusion_matrix(y_true, y_pred, labels=labels).tolist())

rng = np.random.default_rng(7)
scores = rng.random((40, 7)).astype(np.float32)
truth = rng.integers(0, 7, 40)
print("scores", [round(float(v), 6) for v in scores.flatten()])
print("truth", truth.tolist())
for k in (2, 3):
    print("top", k, round(top_k_accuracy_score(truth, scores.astype(np.float64), k=k, labels=labels), 10))
p, r, f, s = precision_recall_fscore_support(truth, scores.argmax(1), labels=labels, average="macro", zero_division=0)
print("scores macro", [round(x, 10) for x in (p, r, f)])
