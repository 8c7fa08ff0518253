using Regularizers.Torch.Constraints;
using TorchSharp.Modules;
using static Regularizers.Reference.Tests.Tolerances;
using RefMaxNorm = Regularizers.Reference.Constraints.MaxNorm;
using RefMinMaxNorm = Regularizers.Reference.Constraints.MinMaxNorm;
using RefNonNeg = Regularizers.Reference.Constraints.NonNeg;
using RefUnitNorm = Regularizers.Reference.Constraints.UnitNorm;

namespace Regularizers.Reference.Tests.Constraints;

/// <summary>Max-norm, unit-norm, non-neg and min-max norm: max-norm against torch.renorm, all four against their TorchSharp twins.</summary>
public class ConstraintTests
{
    public static TheoryData<string> Projections => ["max_norm", "unit_norm", "non_neg", "min_max_norm"];

    [Fact]
    public void MaxNorm_EqualsTorchRenorm()
    {
        var golden = Golden.Root.GetProperty("renorm");
        var w = Golden.Matrix(golden.GetProperty("weight"), 5, 6);

        RefMaxNorm.Apply(w, golden.GetProperty("max_norm").GetDouble());

        Tolerances.Close(Golden.Array(golden.GetProperty("renormed")), w.Data, Tolerances.Float64, Tolerances.Float64);
    }

    [Theory]
    [MemberData(nameof(Projections))]
    public void Constraint_AfterApply_EqualsReferenceProjection(string name)
    {
        manual_seed(14);
        using var model = nn.Sequential(("fc", nn.Linear(6, 5)));
        using (no_grad())
        {
            var fc = (Linear)model[0];
            fc.weight.mul_(tensor(new[] { 0.1f, 1f, 3f, 8f, 20f }).unsqueeze(1));
        }
        var weight = new Matrix(5, 6, Doubles(((Linear)model[0]).weight));
        IConstraint constraint = name switch
        {
            "max_norm" => new MaxNorm(1.0),
            "unit_norm" => new UnitNorm(),
            "non_neg" => new NonNeg(),
            _ => new MinMaxNorm(0.5, 2.0, 0.7),
        };

        constraint.Apply(model);
        switch (name)
        {
            case "max_norm":
                RefMaxNorm.Apply(weight, 1.0);
                break;
            case "unit_norm":
                RefUnitNorm.Apply(weight);
                break;
            case "non_neg":
                RefNonNeg.Apply(weight.Data);
                break;
            default:
                RefMinMaxNorm.Apply(weight, 0.5, 2.0, 0.7);
                break;
        }

        CloseToTorch(weight.Data, ((Linear)model[0]).weight);
    }
}
