"""Golden values for the libtorch ops Regularizers.Torch relies on, computed by PyTorch 1.13 (Debian python3-torch).

Run with /usr/bin/python3: it rewrites ops_golden.json beside this script. Inputs are drawn from a seeded generator and
written to the file too, so the C# tests (../OpsGoldenTests.cs) read the very same float32 values. Appending a case that
draws no random numbers leaves the inputs and every other case unchanged.
"""
import json
import os
import torch

torch.manual_seed(20261122)


def t(x):
    x = x.detach().to(torch.float64) if x.is_floating_point() else x.detach()
    return {"shape": list(x.shape), "values": x.flatten().tolist()}


a = torch.randn(3, 4)
b = torch.randn(3, 4)
pos = torch.rand(3, 4) + 0.1
m = torch.randn(4, 5)
w = torch.randn(6, 4) * 3
logits = torch.randn(5, 4)
target = torch.tensor([0, 3, 1, 1, 2])
img = torch.randn(2, 3, 6, 6)
kernel = torch.randn(4, 3, 3, 3)
bias4 = torch.randn(4)
inputs = {"a": a, "b": b, "pos": pos, "m": m, "w": w, "logits": logits, "img": img, "kernel": kernel, "bias4": bias4}

cases = {}
cases["abs"] = a.abs()
cases["sign"] = a.sign()
cases["log"] = pos.log()
cases["sum_all"] = a.sum()
cases["sum_dim1"] = a.sum(1)
cases["mean_dim0_keep"] = a.mean([0], keepdim=True)
cases["norm"] = a.norm()
cases["norm_dim1"] = a.norm(dim=1)
cases["renorm_rows_2"] = torch.renorm(w, 2, 0, 2.0)
cases["vector_norm_keep"] = torch.linalg.vector_norm(img, 2, [1, 2, 3], keepdim=True)
cases["clamp"] = a.clamp(-0.5, 0.7)
cases["matmul"] = a.matmul(m)
cases["dot_flat"] = torch.dot(a.flatten(), b.flatten())
cases["softmax"] = logits.softmax(1)
cases["log_softmax"] = logits.log_softmax(1)
cases["argmax_dim1"] = logits.argmax(1).to(torch.float64)
cases["index_select"] = w.index_select(0, torch.tensor([5, 0, 2]))
cases["cross_entropy"] = torch.nn.functional.cross_entropy(logits, target)
cases["cross_entropy_ls"] = torch.nn.functional.cross_entropy(logits, target, label_smoothing=0.1)
cases["cross_entropy_ls_sum"] = torch.nn.functional.cross_entropy(logits, target, label_smoothing=0.2, reduction="sum")
cases["mse"] = torch.nn.functional.mse_loss(a, b)
cases["conv2d"] = torch.nn.functional.conv2d(img, kernel, bias4, stride=1, padding=1)

# Gradients through autograd.
def grad_of(fn, x):
    x = x.clone().requires_grad_(True)
    fn(x).backward()
    return x.grad

cases["grad_cross_entropy_ls"] = grad_of(lambda z: torch.nn.functional.cross_entropy(z, target, label_smoothing=0.1), logits)
cases["grad_abs_sum"] = grad_of(lambda z: z.abs().sum(), a)
cases["grad_sq_norm"] = grad_of(lambda z: 0.5 * z.pow(2).sum(), a)
cases["grad_dot_self"] = grad_of(lambda z: torch.dot(z.flatten(), z.flatten()), a)
cases["grad_sigmoid_mean"] = grad_of(lambda z: z.sigmoid().mean(), a)
cases["grad_tanh_sum"] = grad_of(lambda z: z.tanh().sum(), a)
cases["grad_relu_matmul"] = grad_of(lambda z: z.relu().matmul(m).sum(), a)
cases["grad_linear_weight"] = grad_of(lambda z: torch.nn.functional.linear(a, z).pow(2).mean(), w[:, :4].t().contiguous()[:4, :4].clone())
cases["grad_conv2d_kernel"] = grad_of(lambda k: torch.nn.functional.conv2d(img, k, padding=1).square().mean(), kernel)

# MonteCarloDropout's spread over passes, and LabelSmoothingCrossEntropy's path for probability targets.
cases["std_dim0_unbiased"] = logits.softmax(1).std(0, unbiased=True)
smoothed = torch.nn.functional.one_hot(target, 4).float() * (1 - 0.1) + 0.1 / 4
cases["cross_entropy_prob_targets"] = torch.nn.functional.cross_entropy(logits, smoothed)

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "ops_golden.json"), "w") as f:
    json.dump({"torch": torch.__version__, "inputs": {k: t(v) for k, v in inputs.items()}, "cases": {k: t(v) for k, v in cases.items()}}, f)
print(f"wrote {len(cases)} cases with PyTorch {torch.__version__}")
