using System.CommandLine;
using System.Globalization;
using Regularizers.Cli.Data;
using Regularizers.Cli.Experiments;
using Regularizers.Cli.Reports;
using Spectre.Console;

namespace Regularizers.Cli.Commands;

/// <summary><c>evaluate</c>: loads a model saved by <c>train</c> and scores it on the test set, overall and per class.</summary>
internal static class EvaluateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var model = new Option<string>("--model") { Description = "A model file written by 'train'.", Required = true };
        var data = new Option<string?>("--data") { Description = "Data to score on (default: Fashion-MNIST's test split); see 'compare --help'." };
        var command = new Command("evaluate", "Score a saved model on the test set.") { model, data };
        command.SetAction(parse => Execute(context, parse.GetValue(model)!, parse.GetValue(data)));
        return command;
    }

    /// <summary>Loads and scores; returns the exit code.</summary>
    public static int Execute(CliContext context, string modelPath, string? dataPath)
    {
        if (!File.Exists(modelPath))
        {
            throw new CliUsageException($"--model {modelPath} does not exist.");
        }
        var (header, model) = TrainedModelFile.Load(modelPath);
        using (model)
        {
            // A CSV is scaled as the training data was.
            using var data = ExperimentData.Load(dataPath, 1, 1, featureScale: header.FeatureScale);
            if (data.Features != header.Network.Inputs || data.Classes > header.Network.Outputs)
            {
                throw new CliUsageException(
                    $"The model expects {header.Network.Inputs} features and {header.Network.Outputs} classes; the data has {data.Features} features and {data.Classes} classes.");
            }
            var score = model.Score(data.TestX, data.TestLabels);
            var predictions = score.Predictions;
            var table = new Table().Border(TableBorder.Rounded)
                .Title(Markup.Escape($"{header.Configuration} ({header.Preset}, seed {header.Seed}) on {data.Source}"))
                .AddColumn("Class").AddColumn(new TableColumn("Examples").RightAligned()).AddColumn(new TableColumn("Accuracy").RightAligned());
            for (var k = 0; k < model.Classes; k++)
            {
                var rows = Enumerable.Range(0, data.TestLabels.Count).Where(i => data.TestLabels[i] == k).ToList();
                if (rows.Count > 0)
                {
                    table.AddRow(k.ToString(CultureInfo.InvariantCulture), rows.Count.ToString(CultureInfo.InvariantCulture),
                        Format.Value(rows.Count(i => predictions[i] == k) / (double)rows.Count));
                }
            }
            table.AddRow("all", data.TestLabels.Count.ToString(CultureInfo.InvariantCulture), Format.Value(score.Accuracy));
            context.Console.Write(table);
            context.Console.WriteLine($"test accuracy {Format.Value(score.Accuracy)}, test loss {Format.Value(score.Loss)}");
        }
        return 0;
    }
}
