// The video tests start FFmpeg and the memory-hungry decoders: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
