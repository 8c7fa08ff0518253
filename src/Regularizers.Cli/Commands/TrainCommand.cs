using System.CommandLine;
using Regularizers.Cli.Data;
using Regularizers.Cli.Experiments;
using Regularizers.Cli.Reports;
using Regularizers.Torch.Training;
using Spectre.Console;

namespace Regularizers.Cli.Commands;

/// <summary><c>train</c>: trains one configuration with one seed, prints its scores and saves the model.</summary>
internal static class TrainCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var shared = new SharedOptions();
        var config = new Option<string>("--config")
        {
            Description = "The configuration to train, one name (see 'compare --help'), or a sweep point such as l2@0.001.",
            DefaultValueFactory = _ => Catalog.None.Name,
        };
        var seed = SharedOptions.Integer("--seed", "Seed for initial weights, batch order and bootstrap samples (default 0).");
        var output = new Option<string>("--output") { Description = "Where to save the trained model.", Required = true };
        var checkpoint = new Option<string>("--checkpoint")
        {
            Description = "Also save the network's weights after every epoch (TorchSharp's state format, written atomically), " +
                "so a run that is killed leaves its last finished epoch. Single-network configurations only.",
        };
        var command = new Command("train", "Train one configuration and save the model.");
        shared.AddTo(command);
        command.Add(config);
        command.Add(seed);
        command.Add(output);
        command.Add(checkpoint);
        command.SetAction(parse =>
        {
            var settings = shared.Settings(parse) with { Seeds = 1 };
            var name = parse.GetValue(config)!;
            var architecture = settings.Network.Architecture;
            var configuration = Catalog.Find(settings.Preset, name, architecture) ?? throw new CliUsageException(
                $"--config: unknown configuration '{name}'. Valid values for preset {settings.Preset}: " +
                $"{string.Join(", ", Presets.Configurations(settings.Preset, architecture).Select(c => c.Name))}, or a sweep point such as l2@0.001.");
            return Execute(context, settings, configuration, parse.GetValue(seed) ?? 0, parse.GetValue(shared.Data), parse.GetValue(output)!, parse.GetValue(checkpoint));
        });
        return command;
    }

    /// <summary>Trains and saves; returns the exit code.</summary>
    /// <exception cref="CliUsageException">An output cannot be written, or a checkpoint was asked of a bagging configuration.</exception>
    public static int Execute(
        CliContext context, ExperimentSettings settings, Configuration configuration, int seed, string? dataPath, string outputPath, string? checkpointPath = null)
    {
        OutputPaths.Check(("--output", outputPath), ("--checkpoint", checkpointPath));
        if (checkpointPath is not null && configuration.BaggingMembers > 0)
        {
            throw new CliUsageException(
                $"--checkpoint: configuration '{configuration.Name}' trains {configuration.BaggingMembers} networks; a checkpoint holds one. Leave out --checkpoint or choose a single-network configuration.");
        }
        TrainingCallback[] extra = checkpointPath is null ? [] : [new ModelCheckpoint(checkpointPath, saveBestOnly: false)];
        using var data = ExperimentData.Load(dataPath, settings.TrainSize, settings.ValidationSize, settings.Device, settings.FeatureScale);
        RunResult result;
        TrainedModel model;
        try
        {
            (result, model) = ExperimentRunner.Run(settings, configuration, data, seed, token: context.Token, callbacks: extra);
        }
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("interrupted: no model was saved.");
            return 1;
        }
        using (model)
        {
            TrainedModelFile.Save(outputPath, new TrainedModelFile.Header(
                settings.Preset, configuration.Name, settings.NetworkFor(data.Features, data.Classes), seed, result.TestAccuracy, settings.FeatureScale), model);
        }
        var comparison = new Comparison(settings, data.Source, data.Features, data.Classes, configuration.Name,
            ConfigurationSummary.Summarize([configuration], [result], configuration.Name), result.Seconds, Interrupted: false);
        context.Console.Write(ResultsTable.Build(comparison, context.Console.Profile.Width));
        context.Console.WriteLine($"Saved {configuration.Name} to {Path.GetFullPath(outputPath)}");
        return 0;
    }
}
