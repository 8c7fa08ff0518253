// A notebook run sets the process's working directory and .NET Interactive captures the process's console: two
// notebooks must not run at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
