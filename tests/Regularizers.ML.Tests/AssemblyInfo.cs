// libtorch's default generator is process-wide: tests that seed it and then draw (model initialisation, dropout masks,
// batch order) would see each other's draws if test classes ran in parallel, so this assembly runs them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
