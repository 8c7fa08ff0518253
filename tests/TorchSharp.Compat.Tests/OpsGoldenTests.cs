using static TorchSharp.torch.nn.functional;

namespace TorchSharp.Compat.Tests;

/// <summary>
/// Every op the library relies on, forward and through autograd, against PyTorch 1.13 (golden/make_ops_golden.py).
/// Both sides compute in float32 on the same libtorch, so the tolerance is tight: rtol 1e-5, atol 1e-6.
/// </summary>
public sealed class OpsGoldenTests
{
    private static readonly Golden Data = Golden.Load("ops_golden.json");

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in Data.CaseNames)
        {
            data.Add(name);
        }
        return data;
    }

    private static Tensor GradOf(Func<Tensor, Tensor> f, Tensor x)
    {
        using var leaf = x.detach().requires_grad_(true);
        using var y = f(leaf);
        y.backward();
        return leaf.grad;
    }

    private static Tensor Compute(string name)
    {
        var a = Data.Input("a");
        var b = Data.Input("b");
        var pos = Data.Input("pos");
        var m = Data.Input("m");
        var w = Data.Input("w");
        var logits = Data.Input("logits");
        var img = Data.Input("img");
        var kernel = Data.Input("kernel");
        var bias4 = Data.Input("bias4");
        var target = tensor(new long[] { 0, 3, 1, 1, 2 });
        return name switch
        {
            "abs" => a.abs(),
            "dot_flat" => torch.dot(a.flatten(), b.flatten()),
            "sign" => a.sign(),
            "sqrt" => pos.sqrt(),
            "exp" => a.exp(),
            "log" => pos.log(),
            "add_alpha" => a.add(b, 2.5),
            "sub_scalar_left" => 1.5 - a,
            "div_scalar_left" => 2.0 / pos,
            "pow" => pos.pow(1.7),
            "sum_all" => a.sum(),
            "sum_dim1" => a.sum(1),
            "mean_dim0_keep" => a.mean(new long[] { 0 }, keepdim: true),
            "var_dim1" => a.var(1),
            "norm" => a.norm(),
            "norm_dim1" => a.norm(1),
            "renorm_rows_2" => renorm(w, 2, 0, 2f),
            "vector_norm_keep" => linalg.vector_norm(img, 2, new long[] { 1, 2, 3 }, keepdim: true),
            "vector_norm_all_ord1" => linalg.vector_norm(a, 1),
            "clamp" => a.clamp(-0.5, 0.7),
            "matmul" => a.matmul(m),
            "softmax" => logits.softmax(1),
            "log_softmax" => logits.log_softmax(1),
            "max_dim1_values" => logits.max(1).values,
            "argmax_dim1" => logits.argmax(1).to_type(ScalarType.Float64),
            "gather" => logits.gather(1, target.unsqueeze(1)),
            "index_select" => w.index_select(0, tensor(new long[] { 5, 0, 2 })),
            "cross_entropy" => cross_entropy(logits, target),
            "cross_entropy_ls" => cross_entropy(logits, target, label_smoothing: 0.1),
            "cross_entropy_ls_sum" => cross_entropy(logits, target, reduction: torch.nn.Reduction.Sum, label_smoothing: 0.2),
            "mse" => mse_loss(a, b),
            "bce_logits" => binary_cross_entropy_with_logits(a, b.gt(0).to_type(ScalarType.Float32)),
            "conv2d" => conv2d(img, kernel, bias4, padding: new long[] { 1, 1 }),
            "max_pool2d" => max_pool2d(img, new long[] { 2, 2 }),
            "batch_norm_train" => batch_norm(a, zeros(4), ones(4), training: true),
            "grad_cross_entropy_ls" => GradOf(z => cross_entropy(z, target, label_smoothing: 0.1), logits),
            "grad_abs_sum" => GradOf(z => z.abs().sum(), a),
            "grad_sq_norm" => GradOf(z => 0.5 * z.pow(2).sum(), a),
            "grad_dot_self" => GradOf(z => torch.dot(z.flatten(), z.flatten()), a),
            "grad_sigmoid_mean" => GradOf(z => z.sigmoid().mean(), a),
            "grad_tanh_sum" => GradOf(z => z.tanh().sum(), a),
            "grad_relu_matmul" => GradOf(z => z.relu().matmul(m).sum(), a),
            "grad_linear_weight" => GradOf(z => linear(a, z).pow(2).mean(), w.narrow(0, 0, 4).t().contiguous()),
            "grad_conv2d_kernel" => GradOf(k => conv2d(img, k, padding: new long[] { 1, 1 }).square().mean(), kernel),
            _ => throw new ArgumentException($"No C# counterpart for golden case '{name}'.", nameof(name)),
        };
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Op_SameInputsAsPyTorch_MatchesPyTorch(string name)
    {
        using var scope = NewDisposeScope();
        var (shape, expected) = Data.Entry("cases", name);
        var actual = Compute(name).to_type(ScalarType.Float64);
        Assert.Equal(shape, actual.shape);
        var values = actual.contiguous().data<double>().ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            var tolerance = 1e-6 + 1e-5 * Math.Abs(expected[i]);
            Assert.True(Math.Abs(values[i] - expected[i]) <= tolerance, $"{name}[{i}]: expected {expected[i]:R}, got {values[i]:R}");
        }
    }
}
