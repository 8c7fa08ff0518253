"""Golden values for RDropLoss and ConfidencePenalty, computed by PyTorch 1.13 (Debian python3-torch) in float64.

Run with /usr/bin/python3: it rewrites consistency_golden.json beside this script. The logits are drawn from a seeded
generator and written to the file, so the C# tests (../RDropLossTests.cs, ../ConfidencePenaltyTests.cs) read the very same values. The
losses are written with PyTorch's own pieces (cross_entropy, kl_div, Categorical.entropy), not the formulas the C# code
uses, so the two are independent.
"""
import json
import os
import torch
import torch.nn.functional as F
from torch.distributions import Categorical

torch.manual_seed(20261202)


def t(x):
    x = x.detach().to(torch.float64)
    return {"shape": list(x.shape), "values": x.flatten().tolist()}


logits1 = (torch.randn(6, 5, dtype=torch.float64) * 2).requires_grad_(True)
logits2 = (logits1.detach() + torch.randn(6, 5, dtype=torch.float64)).requires_grad_(True)
labels = torch.tensor([0, 4, 2, 2, 1, 3])

cases = {}
for alpha in [0.0, 0.5, 4.0]:
    ce = 0.5 * (F.cross_entropy(logits1, labels) + F.cross_entropy(logits2, labels))
    lp1, lp2 = F.log_softmax(logits1, 1), F.log_softmax(logits2, 1)
    # kl_div(input, target) is KL(target ‖ exp(input)); batchmean divides the sum by N.
    kl12 = F.kl_div(lp2, lp1, reduction="batchmean", log_target=True)
    kl21 = F.kl_div(lp1, lp2, reduction="batchmean", log_target=True)
    loss = ce + alpha * 0.5 * (kl12 + kl21)
    g1, g2 = torch.autograd.grad(loss, [logits1, logits2])
    cases[f"rdrop_{alpha}"] = {"alpha": alpha, "loss": loss.item(), "grad1": t(g1), "grad2": t(g2)}

for beta in [0.0, 0.3, 2.0]:
    loss = F.cross_entropy(logits1, labels) - beta * Categorical(logits=logits1).entropy().mean()
    (g,) = torch.autograd.grad(loss, [logits1])
    cases[f"confidence_{beta}"] = {"beta": beta, "loss": loss.item(), "grad": t(g)}

out = {"logits1": t(logits1), "logits2": t(logits2), "labels": labels.tolist(), "cases": cases}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "consistency_golden.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
