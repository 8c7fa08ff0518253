using System.CommandLine;
using System.Globalization;
using Regularizers.Cli.Experiments;
using Regularizers.Torch.Models;

namespace Regularizers.Cli.Commands;

/// <summary>The options <c>compare</c> and <c>train</c> share, with their validation messages.</summary>
internal sealed class SharedOptions
{
    /// <summary>Creates the options.</summary>
    public SharedOptions()
    {
        Preset.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!Presets.Names.Contains(value))
            {
                result.AddError($"--preset must be one of: {string.Join(", ", Presets.Names)}. Received: {value}.");
            }
        });
        foreach (var option in new[] { TrainSize, ValidationSize, Epochs })
        {
            AtLeast(option, 1);
        }
        Model.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not (MlpName or CnnName))
            {
                result.AddError($"--model must be {MlpName} or {CnnName}. Received: {value}.");
            }
        });
        Device.Validators.Add(result =>
        {
            try
            {
                ComputeDevice.Parse(result.GetValueOrDefault<string>());
            }
            catch (FormatException e)
            {
                result.AddError(e.Message);
            }
        });
    }

    /// <summary><c>--model</c>'s value for the preset's perceptron.</summary>
    public const string MlpName = "mlp";

    /// <summary><c>--model</c>'s value for the residual CNN (<see cref="Presets.Cnn"/>).</summary>
    public const string CnnName = "cnn";

    /// <summary><c>--preset</c>.</summary>
    public Option<string> Preset { get; } = new("--preset")
    {
        Description = $"Settings and default configurations: {string.Join(", ", Presets.Names)} (seed004 reproduces seed 004's experiment).",
        DefaultValueFactory = _ => Presets.DefaultName,
    };

    /// <summary><c>--data</c>.</summary>
    public Option<string?> Data { get; } = new("--data")
    {
        Description = "A directory of IDX files (train-*, t10k-*) or a CSV file (label first). Default: Fashion-MNIST from dataset-fashion-mnist.",
    };

    /// <summary><c>--train-size</c>.</summary>
    public Option<int?> TrainSize { get; } = Integer("--train-size", "Training examples (default: the preset's, 20000).");

    /// <summary><c>--validation-size</c>.</summary>
    public Option<int?> ValidationSize { get; } = Integer("--validation-size", "Validation examples held out from the training split (default 5000).");

    /// <summary><c>--epochs</c>.</summary>
    public Option<int?> Epochs { get; } = Integer("--epochs", "Epochs, the maximum for early stopping (default: the preset's).");

    /// <summary><c>--learning-rate</c>.</summary>
    public Option<double?> LearningRate { get; } = PositiveNumber("--learning-rate", "The optimizer's learning rate (default: the preset's).", "0.05");

    /// <summary><c>--feature-scale</c>.</summary>
    public Option<double?> FeatureScale { get; } = PositiveNumber(
        "--feature-scale",
        "Divide a CSV file's features by this (255 for pixel bytes; 1 to use them as they are). Required when the features look like pixel bytes.",
        "255");

    /// <summary><c>--model</c>.</summary>
    public Option<string> Model { get; } = new("--model")
    {
        Description = "The network: mlp (the preset's perceptron) or cnn (a small residual CNN for square 1-channel images, with the preset's optimizer; adds the drop-path and drop-block rows).",
        DefaultValueFactory = _ => MlpName,
    };

    /// <summary><c>--device</c>.</summary>
    public Option<string> Device { get; } = new("--device")
    {
        Description = $"Where to train: {ComputeDevice.Allowed} (a GPU needs TorchSharp's CUDA package in place of TorchSharp-cpu).",
        DefaultValueFactory = _ => ComputeDevice.Cpu,
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(Preset);
        command.Add(Data);
        command.Add(TrainSize);
        command.Add(ValidationSize);
        command.Add(Epochs);
        command.Add(LearningRate);
        command.Add(Model);
        command.Add(Device);
        command.Add(FeatureScale);
    }

    /// <summary>The preset's settings with the parsed overrides.</summary>
    public ExperimentSettings Settings(ParseResult parse)
    {
        var settings = Presets.Settings(parse.GetValue(Preset)!);
        return settings with
        {
            TrainSize = parse.GetValue(TrainSize) ?? settings.TrainSize,
            ValidationSize = parse.GetValue(ValidationSize) ?? settings.ValidationSize,
            Epochs = parse.GetValue(Epochs) ?? settings.Epochs,
            Network = Network(parse, settings.Network with { LearningRate = parse.GetValue(LearningRate) ?? settings.Network.LearningRate }),
            Device = ComputeDevice.Parse(parse.GetValue(Device)!),
            FeatureScale = parse.GetValue(FeatureScale),
        };
    }

    private ModelSpec Network(ParseResult parse, ModelSpec network) =>
        parse.GetValue(Model) == CnnName ? Presets.Cnn(network) : network;

    /// <summary>An integer option whose unparsable value gets a sentence naming the option, not a .NET type name.</summary>
    public static Option<int?> Integer(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var token = result.Tokens.Single().Value;
            if (int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
            result.AddError($"{name} must be a whole number. Received: {token}.");
            return null;
        },
    };

    /// <summary>
    /// A positive, finite number option: an unparsable value and a value out of range each get a sentence naming the
    /// option (<c>--learning-rate must be a number such as 0.05</c>, <c>… must be a finite number greater than 0</c>).
    /// </summary>
    public static Option<double?> PositiveNumber(string name, string description, string example) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var token = result.Tokens.Single().Value;
            if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                result.AddError($"{name} must be a number such as {example}. Received: {token}.");
                return null;
            }
            if (!(value > 0 && double.IsFinite(value)))
            {
                result.AddError($"{name} must be a finite number greater than 0. Received: {token}.");
                return null;
            }
            return value;
        },
    };

    /// <summary>Adds a validator: the option's value, when given, is at least <paramref name="minimum"/>.</summary>
    public static void AtLeast(Option<int?> option, int minimum) => option.Validators.Add(result =>
    {
        // Validators also run when the token is not an integer; the parser reports that error itself.
        if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, CultureInfo.InvariantCulture, out var value) && value < minimum)
        {
            result.AddError($"{option.Name} must be at least {minimum}. Received: {value}.");
        }
    });
}
