"""Golden values for the from-scratch reference implementations, computed by PyTorch 1.13 in float64.

Run from this folder with Debian's PyTorch: /usr/bin/python3 make_reference_golden.py
It writes reference_golden.json next to itself; the tests compare Regularizers.Reference with it.
"""
import json

import torch

torch.manual_seed(0)
torch.set_default_dtype(torch.float64)


def tolist(t):
    return t.detach().reshape(-1).tolist()


def optimizer_cases():
    start = torch.randn(7)
    grads = [torch.randn(7) for _ in range(6)]
    configs = {
        "sgd": lambda p: torch.optim.SGD(p, lr=0.1, weight_decay=0.01),
        "momentum": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, dampening=0.1, weight_decay=0.01),
        "nesterov": lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01),
        "adagrad": lambda p: torch.optim.Adagrad(p, lr=0.1, lr_decay=0.05, weight_decay=0.01, initial_accumulator_value=0.1),
        "rmsprop": lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9, weight_decay=0.01),
        "rmsprop_centered_momentum": lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9, momentum=0.5, centered=True),
        "adam": lambda p: torch.optim.Adam(p, lr=0.01, weight_decay=0.01),
        "adam_amsgrad": lambda p: torch.optim.Adam(p, lr=0.01, betas=(0.8, 0.99), amsgrad=True),
        "adamw": lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.1),
    }
    cases = {}
    for name, make in configs.items():
        w = torch.nn.Parameter(start.clone())
        opt = make([w])
        trajectory = []
        for g in grads:
            w.grad = g.clone()
            opt.step()
            trajectory.append(tolist(w))
        cases[name] = trajectory
    return {"start": tolist(start), "gradients": [tolist(g) for g in grads], "trajectories": cases}


def label_smoothing_cases():
    logits = torch.randn(6, 4) * 2
    labels = torch.tensor([0, 3, 1, 1, 2, 3])
    weight = torch.tensor([1.0, 2.0, 0.5, 1.5])
    cases = []
    for eps in (0.0, 0.1, 0.3):
        for use_weight in (False, True):
            for ignore in (-100, 1):
                for reduction in ("mean", "sum", "none"):
                    z = logits.clone().requires_grad_(True)
                    loss = torch.nn.functional.cross_entropy(
                        z, labels, weight=weight if use_weight else None, ignore_index=ignore,
                        reduction=reduction, label_smoothing=eps)
                    loss.sum().backward()
                    cases.append({"epsilon": eps, "weighted": use_weight, "ignore_index": ignore,
                                  "reduction": reduction, "loss": tolist(loss), "grad": tolist(z.grad)})
    targets = torch.softmax(torch.randn(6, 4), dim=1)
    z = logits.clone().requires_grad_(True)
    loss = torch.nn.functional.cross_entropy(z, targets, weight=weight, label_smoothing=0.2)
    loss.backward()
    probability = {"targets": tolist(targets), "epsilon": 0.2, "loss": tolist(loss), "grad": tolist(z.grad)}
    return {"logits": tolist(logits), "labels": labels.tolist(), "weight": tolist(weight), "cases": cases,
            "probability_targets": probability}


def renorm_case():
    w = torch.randn(5, 6) * torch.tensor([[0.1], [1.0], [3.0], [0.5], [2.0]])
    return {"weight": tolist(w), "max_norm": 1.5, "renormed": tolist(torch.renorm(w, 2, 0, 1.5))}


def batch_norm_case():
    bn = torch.nn.BatchNorm1d(3)
    with torch.no_grad():
        bn.weight.copy_(torch.tensor([1.5, -0.5, 2.0]))
        bn.bias.copy_(torch.tensor([0.1, 0.2, -0.3]))
    x1 = (torch.randn(8, 3) * 2 + 1).requires_grad_(True)
    x2 = torch.randn(8, 3) - 0.5
    r = torch.randn(8, 3)
    y1 = bn(x1)
    (y1 * r).sum().backward()
    bn(x2)
    bn.eval()
    x3 = torch.randn(4, 3)
    y3 = bn(x3)
    return {"gamma": [1.5, -0.5, 2.0], "beta": [0.1, 0.2, -0.3], "x1": tolist(x1), "x2": tolist(x2), "r": tolist(r),
            "y1": tolist(y1), "dx1": tolist(x1.grad), "dgamma": tolist(bn.weight.grad), "dbeta": tolist(bn.bias.grad),
            "running_mean": tolist(bn.running_mean), "running_var": tolist(bn.running_var),
            "x3": tolist(x3), "y3": tolist(y3)}


def init_variances():
    fan_out, fan_in = 300, 500
    w = torch.empty(fan_out, fan_in)
    out = {"fan_out": fan_out, "fan_in": fan_in}
    torch.nn.init.xavier_uniform_(w)
    out["xavier_uniform"] = w.var().item()
    torch.nn.init.xavier_normal_(w)
    out["xavier_normal"] = w.var().item()
    torch.nn.init.kaiming_uniform_(w, nonlinearity="relu")
    out["he_uniform"] = w.var().item()
    torch.nn.init.kaiming_normal_(w, nonlinearity="relu")
    out["he_normal"] = w.var().item()
    return out


golden = {
    "optimizers": optimizer_cases(),
    "label_smoothing": label_smoothing_cases(),
    "renorm": renorm_case(),
    "batch_norm": batch_norm_case(),
    "init_variance": init_variances(),
}
with open("reference_golden.json", "w") as f:
    json.dump(golden, f, indent=1)
