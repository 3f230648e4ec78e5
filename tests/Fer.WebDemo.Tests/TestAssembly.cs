// Each test starts its own server and (one of them) a browser: one at a time keeps the 2-core machines responsive.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
