"""Golden optimizer trajectories from PyTorch 1.13 (Debian python3-torch). Run with /usr/bin/python3 from this folder.

Each configuration minimises loss = sum((x @ w - y)^2) from the same float32 start for 5 steps and records w after
every step; the C# tests replay the same problem with TorchSharp.Compat's optimizers."""
import json
import torch

w0 = torch.tensor([0.5, -1.0, 0.25, 2.0, -0.75, 1.5])
x = torch.tensor([[1.0, 0.5, -0.2, 0.3, 0.0, 1.0], [0.1, -1.0, 0.4, 0.2, 0.7, -0.5], [0.3, 0.3, 0.3, -0.6, 1.2, 0.1]])
y = torch.tensor([0.7, -0.2, 1.1])

configs = {
    "sgd": lambda p: torch.optim.SGD(p, lr=0.05),
    "sgd_momentum": lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9),
    "sgd_nesterov": lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True),
    "sgd_weight_decay": lambda p: torch.optim.SGD(p, lr=0.05, weight_decay=0.1),
    "adam": lambda p: torch.optim.Adam(p, lr=0.05),
    "adam_amsgrad": lambda p: torch.optim.Adam(p, lr=0.05, amsgrad=True, weight_decay=0.01),
    "adamw": lambda p: torch.optim.AdamW(p, lr=0.05, weight_decay=0.01),
    "adagrad": lambda p: torch.optim.Adagrad(p, lr=0.1, lr_decay=0.01),
    "rmsprop": lambda p: torch.optim.RMSprop(p, lr=0.01),
    "rmsprop_centered_momentum": lambda p: torch.optim.RMSprop(p, lr=0.01, momentum=0.5, centered=True),
}

result = {"torch": torch.__version__, "w0": w0.tolist(), "x": x.flatten().tolist(), "y": y.tolist(), "trajectories": {}}
for name, make in configs.items():
    w = w0.clone().requires_grad_(True)
    opt = make([w])
    steps = []
    for _ in range(5):
        opt.zero_grad()
        ((x @ w - y) ** 2).sum().backward()
        opt.step()
        steps.append(w.detach().tolist())
    result["trajectories"][name] = steps

with open("optim_golden.json", "w") as f:
    json.dump(result, f)
print(f"wrote {len(configs)} trajectories with PyTorch {torch.__version__}")
