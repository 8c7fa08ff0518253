"""Golden values for MixUp, CutMix and soft-target cross-entropy with label smoothing, computed by PyTorch 1.13.

Run with /usr/bin/python3: it rewrites mix_golden.json beside this script. The λs, the permutation and the CutMix boxes
are fixed numbers written to the file, so the C# tests (../../Augmentation/MixGoldenTests.cs) mix the very same batch.
"""
import json
import os
import torch

torch.manual_seed(20261202)


def t(x):
    x = x.detach().to(torch.float64) if x.is_floating_point() else x.detach().to(torch.float64)
    return {"shape": list(x.shape), "values": x.flatten().tolist()}


K = 4
x = torch.rand(5, 1, 4, 6)
logits = torch.randn(5, K)
target = torch.tensor([0, 3, 1, 1, 2])
lambdas = torch.tensor([0.9, 0.25, 0.5, 0.7, 0.05])
permutation = torch.tensor([2, 0, 4, 1, 3])
boxes = torch.tensor([[0, 0, 2, 3], [1, 2, 3, 4], [0, 0, 0, 0], [2, 1, 2, 2], [0, 0, 4, 6]])
inputs = {"x": x, "logits": logits, "target": target, "lambdas": lambdas, "permutation": permutation, "boxes": boxes}

onehot = torch.nn.functional.one_hot(target, K).float()
cases = {}
lx = lambdas.view(-1, 1, 1, 1)
cases["mixup_x"] = lx * x + (1 - lx) * x[permutation]
ly = lambdas.view(-1, 1)
mixed = ly * onehot + (1 - ly) * onehot[permutation]
cases["mixup_y"] = mixed

cut = x.clone()
kept = torch.empty(5)
for i in range(5):
    top, left, h, w = boxes[i].tolist()
    cut[i, :, top:top + h, left:left + w] = x[permutation[i], :, top:top + h, left:left + w]
    kept[i] = 1 - h * w / (4 * 6)
cases["cutmix_x"] = cut
cases["cutmix_y"] = kept.view(-1, 1) * onehot + (1 - kept.view(-1, 1)) * onehot[permutation]

# Soft targets with label smoothing: Uniform is PyTorch's own label_smoothing; OtherClasses is the uniform rule at ε·K/(K−1).
cases["soft_ce"] = torch.nn.functional.cross_entropy(logits, mixed)
cases["soft_ce_uniform_0.1"] = torch.nn.functional.cross_entropy(logits, mixed, label_smoothing=0.1)
cases["soft_ce_others_0.1"] = torch.nn.functional.cross_entropy(logits, mixed, label_smoothing=0.1 * K / (K - 1))
z = logits.clone().requires_grad_()
torch.nn.functional.cross_entropy(z, mixed, label_smoothing=0.1).backward()
cases["grad_soft_ce_uniform_0.1"] = z.grad

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "mix_golden.json"), "w") as f:
    json.dump({"torch": torch.__version__, "inputs": {k: t(v) for k, v in inputs.items()}, "cases": {k: t(v) for k, v in cases.items()}}, f)
print(f"wrote {len(cases)} cases with PyTorch {torch.__version__}")
