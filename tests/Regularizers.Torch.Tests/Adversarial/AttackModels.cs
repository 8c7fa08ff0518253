using Regularizers.Torch.Training;
using TorchSharp.Modules;

namespace Regularizers.Torch.Tests.Adversarial;

/// <summary>A small classifier trained on a seeded two-class problem in [0, 1]⁸, and that problem, for the attack tests.</summary>
internal static class AttackModels
{
    public static (Sequential Model, Tensor X, Tensor Y) Trained(long seed = 0)
    {
        manual_seed(seed);
        var x = rand(256, 8);
        var y = x.narrow(1, 0, 4).sum(1).gt(x.narrow(1, 4, 4).sum(1)).to_type(ScalarType.Int64);
        var model = nn.Sequential(("fc1", nn.Linear(8, 16)), ("act", nn.ReLU()), ("fc2", nn.Linear(16, 2)));
        using var optimizer = optim.Adam(model.parameters(), lr: 0.03);
        new Trainer(model, optimizer, new TrainerOptions { Epochs = 10, BatchSize = 64, Seed = seed }).Fit(x, y);
        model.eval();
        return (model, x, y);
    }

    public static double Accuracy(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return model.call(x).argmax(1).eq(y).to_type(ScalarType.Float64).mean().item<double>();
    }

    public static double Loss(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return nn.functional.cross_entropy(model.call(x), y).item<float>();
    }
}
