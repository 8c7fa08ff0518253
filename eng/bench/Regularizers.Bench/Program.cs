using System.Globalization;
using System.Text.Json;
using Regularizers.Bench;
using Regularizers.Cli.Data;

// Benchmarks print one JSON line each; eng/bench/run.sh combines them with the PyTorch baseline into ratios.
var which = args.Length > 0 ? args[0] : "mlp";
// TORCH_THREADS sets libtorch's intra-op threads (its default is one per core); run.sh measures 1 and 2.
if (int.TryParse(Environment.GetEnvironmentVariable("TORCH_THREADS"), out var threads))
{
    TorchSharp.torch.set_num_threads(threads);
}
var train = FashionMnist.LoadTrain();
var test = FashionMnist.LoadTest();
switch (which)
{
    case "mlp":
        MlpEpoch.Run(train, test, 99);
        var runs = Enumerable.Range(0, 3).Select(s => MlpEpoch.Run(train, test, s)).ToList();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            epoch_seconds = runs.Min(r => r.Seconds),
            accuracy = runs[0].Accuracy,
            matmul_gflops = MlpEpoch.MatmulGflops(),
            torch_threads = TorchSharp.torch.get_num_threads(),
        }));
        break;
    case "overhead":
        foreach (var (name, (median, low, high)) in RegularizerOverhead.Run(train))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-18} step time / plain step = {median:F3} [{low:F3}, {high:F3}]"));
        }
        break;
    case "soak":
        var soakSteps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        foreach (var (name, warmTensors, endTensors, warmMegabytes, endMegabytes) in RegularizerOverhead.Soak(train, soakSteps))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-18} live tensors {warmTensors} -> {endTensors}, resident {warmMegabytes:F0} -> {endMegabytes:F0} MB ({endMegabytes - warmMegabytes:+0;-0;0} MB) over steps {soakSteps / 10}..{soakSteps}"));
        }
        break;
    case "mlnet-soak":
        var cycles = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000;
        var (warmCount, endCount, warmResident, endResident, secondsPerCycle) = MlNetSoak.Run(train, cycles);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"ml.net fit+score",-18} live tensors {warmCount} -> {endCount}, resident {warmResident:F0} -> {endResident:F0} MB ({endResident - warmResident:+0;-0;0} MB) over cycles {cycles / 10}..{cycles} (10 training steps each), {secondsPerCycle * 1000:F0} ms a cycle"));
        break;
    case "training":
        foreach (var (name, (median, low, high)) in TrainingOverhead.Run(train))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-14} run time / plain run = {median:F3} [{low:F3}, {high:F3}]"));
        }
        break;
    case "ensemble":
        EnsembleBenchmarks.Run(train, test);
        break;
    case "choices":
        Choices.Run();
        break;
    case "reference":
        ReferenceEpoch.Run(train);
        break;
    case "mlnet":
        MlNetFit.Run(train);
        break;
    case "structured":
        StructuredDropout.Run(train);
        break;
    case "mlnet-save":
        MlNetSave.Run(train);
        break;
    case "multitask":
        MultiTaskExperiment.Run(train, test, examples: 500, seeds: 5);
        break;
    case "semisupervised":
        SemiSupervisedExperiment.Run(train, test, seeds: args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3);
        break;
    default:
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"unknown benchmark '{which}'; expected: mlp, overhead, training, structured, soak, mlnet-soak, choices, ensemble, reference, mlnet, mlnet-save, multitask, semisupervised"));
        return 2;
}
return 0;
