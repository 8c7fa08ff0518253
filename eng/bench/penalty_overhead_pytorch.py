"""PyTorch 1.13 side of the regularizer-overhead benchmark (eng/bench/overhead.sh): the same MLP step as
RegularizerOverhead.cs (784-256-256-10, batch 128, SGD lr 0.1) with each regularizer written the way a PyTorch user
would write it, divided by the plain step. Paired ratios: per round, each configuration's steps are timed right after
as many plain steps; median [quartiles] over the rounds. Threads from TORCH_THREADS (default 1) and the environment's
OPENBLAS_NUM_THREADS. Prints one line per configuration in the C# benchmark's format."""
import math, os, time
import torch
import torch.nn.functional as F

torch.set_num_threads(int(os.environ.get("TORCH_THREADS", "1")))
torch.manual_seed(0)
x = torch.rand(60000, 784)
y = torch.randint(0, 10, (60000,))


class Gap(torch.nn.Module):
    """What sits after each hidden ReLU: nothing, or a dropout/noise layer."""
    def __init__(self, kind):
        super().__init__()
        self.kind = kind

    def forward(self, a):
        if not self.training or self.kind is None:
            return a
        if self.kind == "classic_dropout":
            return a * torch.empty_like(a).bernoulli_(0.5)
        if self.kind == "gaussian_dropout":
            return a * torch.randn_like(a).add_(1.0)          # N(1, p/(1-p)) with p = 0.5
        if self.kind == "gaussian_noise":
            return a + 0.1 * torch.randn_like(a)
        raise ValueError(self.kind)


class DropConnectLinear(torch.nn.Linear):
    def forward(self, a):
        return F.linear(a, self.weight * torch.empty_like(self.weight).bernoulli_(0.5), self.bias)


class WeightNoiseLinear(torch.nn.Linear):
    def forward(self, a):
        return F.linear(a, self.weight + 0.01 * torch.randn_like(self.weight), self.bias)


def gap(kind):
    if kind == "inverted_dropout":
        return torch.nn.Dropout(0.5)
    return Gap(kind if kind in ("classic_dropout", "gaussian_dropout", "gaussian_noise") else None)


def hidden(kind):
    return {"dropconnect": DropConnectLinear, "weight_noise": WeightNoiseLinear}.get(kind, torch.nn.Linear)(256, 256)


def rescale_rows(w, desired):
    norms = w.norm(dim=1, keepdim=True)
    w.mul_(desired(norms) / (norms + 1e-7))


def run(kind, steps):
    torch.manual_seed(0)
    m = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), gap(kind), hidden(kind), torch.nn.ReLU(), gap(kind),
                            torch.nn.Linear(256, 10))
    decay = 1e-4 if kind == "l2_in_place" else 0.0
    opt = torch.optim.SGD(m.parameters(), lr=0.1, weight_decay=decay)
    ws = [p for p in m.parameters() if p.dim() > 1]
    ties = [p.detach().clone() for p in m[3].parameters()]
    captured = []
    if kind == "activity_l1":
        m[1].register_forward_hook(lambda module, inputs, output: captured.append(output))
    t = time.perf_counter()
    for _ in range(steps):
        idx = torch.randint(0, 60000, (128,))
        opt.zero_grad()
        loss = F.cross_entropy(m(x[idx]), y[idx], label_smoothing=0.1 if kind == "label_smoothing" else 0.0)
        if kind == "l1": loss = loss + 1e-5 * sum(w.abs().sum() for w in ws)
        if kind == "l2": loss = loss + 0.5e-4 * sum(w.pow(2).sum() for w in ws)
        if kind == "elastic_net": loss = loss + sum(1e-5 * w.abs().sum() + 0.5e-4 * w.pow(2).sum() for w in ws)
        if kind == "activity_l1": loss = loss + 1e-5 * captured.pop().abs().sum() / 128
        if kind == "parameter_tying": loss = loss + 0.5e-4 * sum((p - r).pow(2).sum() for p, r in zip(m[3].parameters(), ties))
        loss.backward()
        with torch.no_grad():
            if kind == "l1_in_place":
                for w in ws: w.grad.add_(w.sign(), alpha=1e-5)
            if kind == "elastic_in_place":
                for w in ws: w.grad.add_(w.sign(), alpha=1e-5).add_(w, alpha=1e-4)
        opt.step()
        with torch.no_grad():
            if kind == "decoupled_decay":
                for w in ws: w.mul_(1 - 0.1 * 1e-4)
            if kind in ("max_norm", "max_norm_binding"):
                c = 3.0 if kind == "max_norm" else 0.3
                for w in ws: w.copy_(torch.renorm(w, 2, 0, c))
            if kind == "unit_norm":
                for w in ws: rescale_rows(w, lambda n: torch.ones_like(n))
            if kind == "min_max_norm":
                for w in ws: rescale_rows(w, lambda n: n.clamp(0.5, 1.0))
            if kind == "non_neg":
                for w in ws: w.clamp_(min=0)
    return time.perf_counter() - t


kinds = ["l1", "l2", "elastic_net", "l1_in_place", "l2_in_place", "elastic_in_place", "activity_l1", "parameter_tying",
         "decoupled_decay", "max_norm", "max_norm_binding", "unit_norm", "min_max_norm", "non_neg", "label_smoothing",
         "inverted_dropout", "classic_dropout", "gaussian_dropout", "gaussian_noise", "dropconnect", "weight_noise"]
steps, rounds = 50, int(os.environ.get("ROUNDS", "20"))
for kind in ["none"] + kinds:
    run(kind, 20)
ratios = {k: [] for k in kinds}
plain = []
for r in range(rounds):
    for i in range(len(kinds)):
        kind = kinds[(i + r) % len(kinds)]
        reference = run("none", steps)
        ratios[kind].append(run(kind, steps) / reference)
        plain.append(reference)


def quantile(values, q):
    s = sorted(values)
    return s[round(q * (len(s) - 1))]


print(f"plain step: {quantile(plain, 0.5) / steps * 1000:.2f} ms (median of {len(plain)} runs of {steps} steps); "
      f"ratios: median [quartiles] of {rounds} pairs")
for kind in kinds:
    v = ratios[kind]
    print(f"{kind:<18} step time / plain step = {quantile(v, 0.5):.3f} [{quantile(v, 0.25):.3f}, {quantile(v, 0.75):.3f}]")
