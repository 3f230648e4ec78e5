// TorchSharp's thread count is process-wide, and the memory test measures the process: tests must not interleave.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
