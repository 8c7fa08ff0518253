using System.CommandLine;
using System.Diagnostics;
using Regularizers.Cli.Data;
using Regularizers.Cli.Experiments;
using Regularizers.Cli.Reports;
using Regularizers.Core.IO;
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
        var seeds = new Option<int?>("--seeds") { Description = "Seeds per configuration (default: the preset's); with 2 or more the differences get confidence intervals." };
        SharedOptions.AtLeast(seeds, 1);
        var configs = new Option<string?>("--configs") { Description = "Comma-separated configurations to compare (default: all of the preset's). The first is the baseline unless 'none' is listed." };
        var report = new Option<string?>("--report") { Description = "Write a self-contained HTML report (table and SVG plots) to this file." };
        var json = new Option<string?>("--json") { Description = "Write the results as JSON to this file." };
        var command = new Command("compare", "Train one architecture under each regularizer and compare them.");
        shared.AddTo(command);
        command.Add(seeds);
        command.Add(configs);
        command.Add(report);
        command.Add(json);
        command.SetAction(parse =>
        {
            var settings = shared.Settings(parse);
            settings = settings with { Seeds = parse.GetValue(seeds) ?? settings.Seeds };
            var selected = Select(settings.Preset, parse.GetValue(configs));
            return Execute(context, settings, selected, parse.GetValue(shared.Data), parse.GetValue(report), parse.GetValue(json));
        });
        return command;
    }

    /// <summary>The configurations named by <paramref name="list"/>, or all of the preset's.</summary>
    /// <exception cref="CliUsageException">A name is unknown; the message lists the valid ones.</exception>
    public static IReadOnlyList<Configuration> Select(string preset, string? list)
    {
        var known = Presets.Configurations(preset);
        if (string.IsNullOrWhiteSpace(list))
        {
            return known;
        }
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        var unknown = names.FirstOrDefault(n => known.All(c => c.Name != n));
        if (unknown is not null)
        {
            throw new CliUsageException(
                $"--configs: unknown configuration '{unknown}'. Valid values for preset {preset}: {string.Join(", ", known.Select(c => c.Name))}.");
        }
        return names.Select(n => known.First(c => c.Name == n)).ToList();
    }

    /// <summary>Runs the comparison; 0 when every run finished, 1 when interrupted.</summary>
    public static int Execute(CliContext context, ExperimentSettings settings, IReadOnlyList<Configuration> configurations, string? dataPath, string? reportPath, string? jsonPath)
    {
        using var data = ExperimentData.Load(dataPath, settings.TrainSize, settings.ValidationSize);
        var baseline = configurations.Any(c => c.Name == Catalog.None.Name) ? Catalog.None.Name : configurations[0].Name;
        var clock = Stopwatch.StartNew();
        var results = new List<RunResult>();
        var interrupted = false;
        void RunAll(Func<Configuration, Action?> progressFor)
        {
            foreach (var seed in Enumerable.Range(0, settings.Seeds))
            {
                foreach (var configuration in configurations)
                {
                    try
                    {
                        var (result, model) = ExperimentRunner.Run(settings, configuration, data, seed, progressFor(configuration), context.Token);
                        model.Dispose();
                        results.Add(result);
                    }
                    catch (OperationCanceledException)
                    {
                        interrupted = true;
                        return;
                    }
                }
            }
        }
        if (context.Interactive)
        {
            context.Console.Progress().AutoClear(true).Columns(
                new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(progress =>
                {
                    var tasks = configurations.ToDictionary(
                        c => c.Name,
                        c => progress.AddTask(Markup.Escape(c.Name), maxValue: settings.Seeds * settings.Epochs * Math.Max(1, c.BaggingMembers)));
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
            ConfigurationSummary.Summarize(configurations, results, baseline), clock.Elapsed.TotalSeconds, interrupted);
        context.Console.Write(ResultsTable.Build(comparison, context.Console.Profile.Width));
        if (reportPath is not null)
        {
            AtomicFile.WriteAllText(reportPath, HtmlReport.Render(comparison));
            context.Console.WriteLine($"HTML report: {Path.GetFullPath(reportPath)}");
        }
        if (jsonPath is not null)
        {
            AtomicFile.WriteAllText(jsonPath, JsonReport.Render(comparison));
            context.Console.WriteLine($"JSON: {Path.GetFullPath(jsonPath)}");
        }
        if (interrupted)
        {
            context.Error.WriteLine($"interrupted: {results.Count} of {settings.Seeds * configurations.Count} runs finished; the table shows those.");
            return 1;
        }
        return 0;
    }
}
