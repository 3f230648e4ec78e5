"""Timing shared by the Python peers of Fer.Core's benchmark (fer_bench.py, fer_ort_bench.py)."""
import statistics
import time


def median_seconds(runs, action):
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
