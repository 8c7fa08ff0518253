using System.CommandLine;
using System.Diagnostics;
using Regularizers.Cli.Data;
using Regularizers.Cli.Experiments;
using Regularizers.Cli.Reports;
using Regularizers.Cli.Results;
using Regularizers.Core.IO;
using Regularizers.Torch.Models;
using Spectre.Console;

namespace Regularizers.Cli.Commands;

/// <summary>
/// <c>compare</c>: trains the preset's architecture under each configuration and seed, prints the table, and writes the
/// HTML and JSON reports when asked.
/// </summary>
internal static class CompareCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var shared = new SharedOptions();
        var seeds = SharedOptions.Integer("--seeds", "Seeds per configuration (default: the preset's); with 2 or more the differences get confidence intervals.");
        SharedOptions.AtLeast(seeds, 1);
        var configs = new Option<string?>("--configs")
        {
            Description = "Comma-separated configurations to compare (default: all of the preset's). The first is the baseline unless 'none' is listed. "
                + $"Default preset: {string.Join(", ", Catalog.Default.Select(c => c.Name))}; seed004: {string.Join(", ", Catalog.Seed004.Select(c => c.Name))}; "
                + $"--model cnn adds {string.Join(", ", Catalog.Convolutional.Skip(Catalog.Default.Count).Select(c => c.Name))}.",
        };
        var report = new Option<string?>("--report") { Description = "Write a self-contained HTML report (table and SVG plots) to this file." };
        var json = new Option<string?>("--json") { Description = "Write the results as JSON to this file." };
        var results = new Option<string?>("--results")
        {
            Description = "Append each finished run to this JSON Lines file as soon as it finishes (default: beside --json, as <name>.runs.jsonl); an interrupted comparison loses at most the run in progress.",
        };
        var resume = new Option<bool>("--resume") { Description = "Keep the runs already in the results file and run only the missing ones (same configuration, seed, settings and data)." };
        var sweeps = new Option<string[]>("--sweep")
        {
            Description = $"Run a configuration family over a grid of strengths, e.g. l2=1e-5,1e-4,1e-3 (repeatable); with no --configs only 'none' runs beside it. Families: {Sweep.Allowed}.",
        };
        sweeps.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                try
                {
                    Sweep.Parse(token.Value);
                }
                catch (FormatException e)
                {
                    result.AddError(e.Message);
                }
            }
        });
        var shard = new Option<string?>("--shard") { Description = "Run only the K-th of N slices of the runs (K/N, e.g. 2/4); combine the shards' results files with 'merge'." };
        shard.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && Shard.Parse(result.Tokens[0].Value) is null)
            {
                result.AddError($"--shard must be K/N with whole numbers 1 ≤ K ≤ N, e.g. 1/4. Received: {result.Tokens[0].Value}.");
            }
        });
        var command = new Command("compare", "Train one architecture under each regularizer and compare them.");
        shared.AddTo(command);
        command.Add(seeds);
        command.Add(configs);
        command.Add(report);
        command.Add(json);
        command.Add(results);
        command.Add(resume);
        command.Add(shard);
        command.Add(sweeps);
        command.SetAction(parse =>
        {
            var settings = shared.Settings(parse);
            settings = settings with { Seeds = parse.GetValue(seeds) ?? settings.Seeds };
            var swept = (parse.GetValue(sweeps) ?? []).SelectMany(text => Sweep.Parse(text).Configurations()).ToList();
            var list = parse.GetValue(configs);
            IReadOnlyList<Configuration> selected = swept.Count > 0 && list is null ? [Catalog.None, .. swept] : [.. Select(settings.Preset, list, settings.Network.Architecture), .. swept];
            var jsonPath = parse.GetValue(json);
            var resultsPath = parse.GetValue(results) ?? (jsonPath is null ? null : Path.ChangeExtension(jsonPath, ".runs.jsonl"));
            if (parse.GetValue(resume) && resultsPath is null)
            {
                throw new CliUsageException("--resume needs a results file: give --results <file> (or --json <file>, whose results file is <file>.runs.jsonl).");
            }
            var plan = new RunPlan(
                resultsPath, parse.GetValue(resume), parse.GetValue(shard) is { } text ? Shard.Parse(text)! : Shard.All, Implicit: parse.GetValue(results) is null);
            return Execute(context, settings, selected, parse.GetValue(shared.Data), plan, parse.GetValue(report), jsonPath);
        });
        return command;
    }

    /// <summary>The configurations named by <paramref name="list"/>, or all of the preset's.</summary>
    /// <exception cref="CliUsageException">A name is unknown; the message lists the valid ones.</exception>
    public static IReadOnlyList<Configuration> Select(string preset, string? list, Architecture architecture = Architecture.MultilayerPerceptron)
    {
        var known = Presets.Configurations(preset, architecture);
        if (string.IsNullOrWhiteSpace(list))
        {
            return known;
        }
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (names.Count == 0)
        {
            throw new CliUsageException($"--configs must name at least one configuration. Valid values for preset {preset}: {string.Join(", ", known.Select(c => c.Name))}. Received: {list}.");
        }
        var unknown = names.FirstOrDefault(n => known.All(c => c.Name != n));
        if (unknown is not null)
        {
            throw new CliUsageException(
                $"--configs: unknown configuration '{unknown}'. Valid values for preset {preset}: {string.Join(", ", known.Select(c => c.Name))}.");
        }
        return names.Select(n => known.First(c => c.Name == n)).ToList();
    }

    /// <summary>
    /// Runs the comparison's runs of <paramref name="plan"/>'s shard that its results file does not hold yet, appending
    /// each to the file as it finishes, then prints the table of the shard's runs and writes the reports; 0 when every
    /// run finished, 1 when interrupted.
    /// </summary>
    /// <exception cref="CliUsageException">The file named by <c>--results</c> already holds runs and <c>--resume</c> was not given.</exception>
    public static int Execute(
        CliContext context, ExperimentSettings settings, IReadOnlyList<Configuration> configurations, string? dataPath, RunPlan plan,
        string? reportPath, string? jsonPath)
    {
        OutputPaths.Check(("--report", reportPath), ("--json", jsonPath), ("--results", plan.ResultsPath));
        if (plan is { ResultsPath: { } implicitPath, Implicit: true, Resume: false })
        {
            File.Delete(implicitPath);
        }
        var file = plan.ResultsPath is null ? null : ResultsFile.Open(plan.ResultsPath);
        if (file is { Records.Count: > 0 } && !plan.Resume)
        {
            throw new CliUsageException(
                $"--results: {file.Path} already holds {file.Records.Count} run(s); pass --resume to keep them and run only the missing ones, or choose another file.");
        }
        using var data = ExperimentData.Load(dataPath, settings.TrainSize, settings.ValidationSize, settings.Device, settings.FeatureScale);
        var baseline = configurations.Any(c => c.Name == Catalog.None.Name) ? Catalog.None.Name : configurations[0].Name;
        var setup = RunSetup.Of(settings, data.Source, data.Features, data.Classes);
        var setupId = setup.Fingerprint();
        var names = configurations.Select(c => c.Name).ToList();
        // Seed by seed, so that an interrupted comparison has every configuration's first seeds.
        var runs = Enumerable.Range(0, settings.Seeds)
            .SelectMany(seed => configurations.Select((c, index) => (Configuration: c, Index: index, Seed: seed)))
            .Where(r => plan.Shard.Holds(r.Index, r.Seed, settings.Seeds))
            .Select(r => (r.Configuration, r.Seed))
            .ToList();
        var done = (file?.Records ?? [])
            .Where(r => r.SetupId == setupId)
            .GroupBy(r => r.Key)
            .ToDictionary(g => g.Key, g => g.First().Result);
        var results = new List<RunResult>();
        var todo = new List<(Configuration Configuration, int Seed)>();
        foreach (var run in runs)
        {
            if (done.TryGetValue(RunRecord.KeyOf(setupId, run.Configuration, run.Seed), out var result))
            {
                results.Add(result);
            }
            else
            {
                todo.Add(run);
            }
        }
        if (results.Count > 0)
        {
            context.Error.WriteLine($"resuming: {results.Count} of {runs.Count} runs are already in {file!.Path}.");
        }
        var clock = Stopwatch.StartNew();
        var interrupted = false;
        void RunAll(Func<Configuration, Action?> progressFor)
        {
            foreach (var (configuration, seed) in todo)
            {
                try
                {
                    var (result, model) = ExperimentRunner.Run(settings, configuration, data, seed, progressFor(configuration), token: context.Token);
                    model.Dispose();
                    file?.Append(new RunRecord(setupId, setup, names, configuration.Description, result));
                    results.Add(result);
                }
                catch (OperationCanceledException)
                {
                    interrupted = true;
                    return;
                }
            }
        }
        if (context.Interactive)
        {
            context.Console.Progress().AutoClear(true).Columns(
                new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    var tasks = todo.GroupBy(r => r.Configuration.Name).ToDictionary(
                        g => g.Key,
                        g => progress.AddTask(Markup.Escape(g.Key), maxValue: g.Count() * settings.Epochs * Math.Max(1, g.First().Configuration.BaggingMembers)));
                    RunAll(c => () => tasks[c.Name].Increment(1));
                    foreach (var task in tasks.Values)
                    {
                        task.Value = task.MaxValue;
                    }
                });
        }
        else
        {
            RunAll(_ => null);
        }
        var comparison = new Comparison(
            settings, data.Source, data.Features, data.Classes, baseline,
            ConfigurationSummary.Summarize(configurations, results, baseline), clock.Elapsed.TotalSeconds, interrupted, runs.Count - todo.Count);
        Publish(context, comparison, reportPath, jsonPath);
        if (interrupted)
        {
            var resumeHint = file is null ? "" : $"; rerun with --resume to run only the missing ones (finished runs are in {file.Path})";
            context.Error.WriteLine($"interrupted: {results.Count} of {runs.Count} runs finished; the table shows those{resumeHint}.");
            return 1;
        }
        return 0;
    }

    /// <summary>
    /// Prints the table and writes the HTML and JSON reports when asked (what <c>compare</c> and <c>merge</c> both end
    /// with). Each file is written on its own, so one that fails does not keep the other from being written.
    /// </summary>
    /// <exception cref="IOException">A report could not be written; the message names the option and the file.</exception>
    public static void Publish(CliContext context, Comparison comparison, string? reportPath, string? jsonPath)
    {
        context.Console.Write(ResultsTable.Build(comparison, context.Console.Profile.Width));
        var failures = new List<string>();
        void Write(string option, string? path, string label, Func<Comparison, string> render)
        {
            if (path is null)
            {
                return;
            }
            try
            {
                AtomicFile.WriteAllText(path, render(comparison));
                context.Console.WriteLine($"{label}: {Path.GetFullPath(path)}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add($"{option}: could not write {path} ({e.GetType().Name}).");
            }
        }
        Write("--json", jsonPath, "JSON", JsonReport.Render);
        Write("--report", reportPath, "HTML report", HtmlReport.Render);
        if (failures.Count > 0)
        {
            throw new IOException(string.Join(" ", failures));
        }
    }
}
