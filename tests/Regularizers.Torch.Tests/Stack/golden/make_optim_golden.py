"""Golden optimizer trajectories from PyTorch 1.13 (Debian python3-torch). Run: /usr/bin/python3 make_optim_golden.py

Each configuration minimises loss = sum((x @ w - y)^2) from the same float32 start w0 for 5 steps and records w after
every step (float32). ../OptimizerTests.cs replays the same problem with TorchSharp's optimizers and compares every
step with rtol 1e-5, atol 1e-6. "sgd_groups" splits w into two parameters w[:3], w[3:] in two parameter groups with
their own hyperparameters; its trajectory is the concatenation [w[:3], w[3:]]."""
import json
import os
import torch

torch.set_num_threads(1)

w0 = torch.tensor([0.5, -1.0, 0.25, 2.0, -0.75, 1.5], dtype=torch.float32)
x = torch.tensor([[1.0, 0.5, -0.2, 0.3, 0.0, 1.0],
                  [0.1, -1.0, 0.4, 0.2, 0.7, -0.5],
                  [0.3, 0.3, 0.3, -0.6, 1.2, 0.1]], dtype=torch.float32)
y = torch.tensor([0.7, -0.2, 1.1], dtype=torch.float32)
STEPS = 5

configs = {
    "sgd": lambda p: torch.optim.SGD(p, lr=0.05),
    "sgd_momentum": lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9),
    "sgd_nesterov": lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True),
    "sgd_weight_decay": lambda p: torch.optim.SGD(p, lr=0.05, weight_decay=0.1),
    "sgd_momentum_dampening_weight_decay": lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, dampening=0.2, weight_decay=0.01),
    "sgd_momentum_maximize": lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.5, maximize=True),
    "adam": lambda p: torch.optim.Adam(p, lr=0.05),
    "adam_amsgrad": lambda p: torch.optim.Adam(p, lr=0.05, amsgrad=True, weight_decay=0.01),
    "adam_weight_decay_maximize": lambda p: torch.optim.Adam(p, lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1, maximize=True),
    "adamw": lambda p: torch.optim.AdamW(p, lr=0.05, weight_decay=0.01),
    "adamw_amsgrad": lambda p: torch.optim.AdamW(p, lr=0.05, weight_decay=0.1, amsgrad=True),
    "adagrad": lambda p: torch.optim.Adagrad(p, lr=0.1, lr_decay=0.01),
    "adagrad_weight_decay_initial": lambda p: torch.optim.Adagrad(p, lr=0.1, weight_decay=0.1, initial_accumulator_value=0.5, eps=1e-6),
    "rmsprop": lambda p: torch.optim.RMSprop(p, lr=0.01),
    "rmsprop_centered_momentum": lambda p: torch.optim.RMSprop(p, lr=0.01, momentum=0.5, centered=True),
    "rmsprop_weight_decay_maximize": lambda p: torch.optim.RMSprop(p, lr=0.01, alpha=0.9, weight_decay=0.1, maximize=True),
}


def trajectory(params, make, loss_fn):
    opt = make(params)
    steps = []
    for _ in range(STEPS):
        opt.zero_grad()
        loss_fn().backward()
        opt.step()
        steps.append(torch.cat([p.detach().flatten() for p in params]).tolist())
    return steps


result = {"torch": torch.__version__, "w0": w0.tolist(), "x": x.flatten().tolist(), "x_shape": list(x.shape),
          "y": y.tolist(), "steps": STEPS, "trajectories": {}}
for name, make in configs.items():
    w = w0.clone().requires_grad_(True)
    result["trajectories"][name] = trajectory([w], make, lambda: ((x @ w - y) ** 2).sum())

w1 = w0[:3].clone().requires_grad_(True)
w2 = w0[3:].clone().requires_grad_(True)
result["trajectories"]["sgd_groups"] = trajectory(
    [w1, w2],
    lambda p: torch.optim.SGD([{"params": [p[0]]}, {"params": [p[1]], "lr": 0.02, "momentum": 0.9}], lr=0.05),
    lambda: ((x[:, :3] @ w1 + x[:, 3:] @ w2 - y) ** 2).sum())

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "optim_golden.json"), "w") as f:
    json.dump(result, f, indent=1)
print(f"wrote {len(result['trajectories'])} trajectories with PyTorch {torch.__version__}")
