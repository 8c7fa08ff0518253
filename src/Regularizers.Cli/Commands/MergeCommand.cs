using System.CommandLine;
using Regularizers.Cli.Experiments;
using Regularizers.Cli.Results;

namespace Regularizers.Cli.Commands;

/// <summary>
/// <c>merge</c>: combines the results files of a comparison's shards (or of interrupted and resumed runs) into the
/// table and reports a single run would have printed, from the runs alone.
/// </summary>
internal static class MergeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("results") { Description = "Results files written by 'compare --results' (or beside its --json).", Arity = ArgumentArity.OneOrMore };
        var report = new Option<string?>("--report") { Description = "Write a self-contained HTML report (table and SVG plots) to this file." };
        var json = new Option<string?>("--json") { Description = "Write the merged results as JSON to this file." };
        var command = new Command("merge", "Combine the results files of a comparison's shards into one table and report.") { files, report, json };
        command.SetAction(parse => Execute(context, parse.GetValue(files)!, parse.GetValue(report), parse.GetValue(json)));
        return command;
    }

    /// <summary>Merges <paramref name="paths"/>; 0 on success.</summary>
    /// <exception cref="InvalidDataException">A file holds no runs, or the files hold runs of different setups.</exception>
    public static int Execute(CliContext context, IReadOnlyList<string> paths, string? reportPath, string? jsonPath)
    {
        OutputPaths.Check(("--report", reportPath), ("--json", jsonPath));
        var records = paths.SelectMany(path =>
        {
            var read = ResultsFile.Read(path);
            return read.Count > 0 ? read : throw new InvalidDataException($"{path} holds no runs.");
        }).ToList();
        var setups = records.GroupBy(r => r.SetupId).ToList();
        if (setups.Count > 1)
        {
            throw new InvalidDataException(
                $"the files hold runs of {setups.Count} different setups (settings or data differ), which cannot share a table: "
                + string.Join("; ", setups.Select(g => $"{g.Key}: {g.First().Setup.Settings.Describe(g.First().Setup.Features, g.First().Setup.Classes)}")) + ".");
        }
        var setup = records[0].Setup;
        var runs = records.GroupBy(r => r.Key).Select(g => g.First()).ToList();
        var names = records.SelectMany(r => r.Configurations).Distinct().ToList();
        var configurations = names
            .Select(name => Catalog.Find(setup.Settings.Preset, name, setup.Settings.Network.Architecture)
                ?? throw new InvalidDataException($"the runs name configuration '{name}' of preset '{setup.Settings.Preset}', which this version does not know."))
            .ToList();
        var baseline = names.Contains(Catalog.None.Name) ? Catalog.None.Name : names[0];
        var settings = setup.Settings with { Seeds = runs.Max(r => r.Result.Seed) + 1 };
        var comparison = new Comparison(
            settings, setup.DataSource, setup.Features, setup.Classes, baseline,
            ConfigurationSummary.Summarize(configurations, runs.Select(r => r.Result).ToList(), baseline),
            runs.Sum(r => r.Result.Seconds), Interrupted: false);
        CompareCommand.Publish(context, comparison, reportPath, jsonPath);
        return CliApplication.Success;
    }
}
