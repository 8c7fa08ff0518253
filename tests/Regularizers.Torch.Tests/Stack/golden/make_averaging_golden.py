"""Golden weight-averaging runs from PyTorch 1.13 (Debian python3-torch). Run: /usr/bin/python3 make_averaging_golden.py

A model fc1 = Linear(4, 3) -> bn = BatchNorm1d(3) -> ReLU -> fc2 = Linear(3, 2) starts from the float32 state "init"
and trains full-batch (one batch of all 40 examples per epoch, so the batch order cannot matter) with cross-entropy
and SGD(lr 0.1, momentum 0.9) for 6 epochs. torch.optim.swa_utils.AveragedModel keeps the average:
- "ema": an AveragedModel that first copies the initial weights, then after every 2nd optimizer step takes
  avg <- d*avg + (1 - d)*w with d = 0.8 (the n-th update of ../../Training/AveragingTests.cs's ExponentialMovingAverage);
- "ema_warmup": the same every step with the warm-up decay d_n = min(0.99, 1 - (1 + (n - 1)/gamma)^(-power)),
  gamma 1, power 2/3 (timm's ModelEmaV3 schedule);
- "swa": equal averaging at the end of every epoch from epoch 3 on, SWALR(swa_lr 0.02, anneal_epochs 2, cos) stepped
  after each of those epochs, so epoch e trains with lr_e.
Before each validation the averaged model's BatchNorm statistics are recomputed with update_bn over the training data
(one batch of 40), then the averaged model is evaluated in eval mode on the 20 validation examples; "validation_loss"
is per epoch (the plain model's while SWA has nothing averaged yet). "final" is the averaged model's state after
training with the recomputed statistics. "update_bn" recomputes the statistics of "init" over the training data in
batches of 16 (16, 16, 8): a cumulative average over batches, as update_bn does."""
import json
import math
import os
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.optim.swa_utils import AveragedModel, SWALR, update_bn

torch.set_num_threads(1)
torch.manual_seed(7)
x = torch.randn(40, 4)
y = torch.randint(0, 2, (40,))
xv = torch.randn(20, 4)
yv = torch.randint(0, 2, (20,))
EPOCHS = 6


def make():
    torch.manual_seed(3)
    model = nn.Sequential()
    model.add_module("fc1", nn.Linear(4, 3))
    model.add_module("bn", nn.BatchNorm1d(3))
    model.add_module("act", nn.ReLU())
    model.add_module("fc2", nn.Linear(3, 2))
    with torch.no_grad():
        model.bn.weight.copy_(torch.tensor([1.2, 0.8, 1.1]))
        model.bn.bias.copy_(torch.tensor([0.1, -0.2, 0.3]))
    return model


def state(model):
    return {k: v.detach().flatten().tolist() for k, v in model.state_dict().items() if k != "bn.num_batches_tracked"}


def validate(averaged):
    update_bn([x], averaged)
    averaged.eval()
    with torch.no_grad():
        return F.cross_entropy(averaged(xv), yv).item()


def ema_run(decay_of, every):
    model = make()
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    ema = AveragedModel(model, avg_fn=lambda avg, w, n: decay_of(int(n)) * avg + (1 - decay_of(int(n))) * w)
    ema.update_parameters(model)
    losses, steps = [], 0
    for _ in range(EPOCHS):
        model.train()
        opt.zero_grad()
        F.cross_entropy(model(x), y).backward()
        opt.step()
        steps += 1
        if steps % every == 0:
            ema.update_parameters(model)
        losses.append(validate(ema))
    return {"validation_loss": losses, "final": state(ema.module)}


def swa_run(start, swa_lr, anneal):
    model = make()
    opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    swa = AveragedModel(model)
    scheduler = SWALR(opt, swa_lr=swa_lr, anneal_epochs=anneal, anneal_strategy="cos")
    losses, lrs = [], []
    for epoch in range(1, EPOCHS + 1):
        lrs.append(opt.param_groups[0]["lr"])
        model.train()
        opt.zero_grad()
        F.cross_entropy(model(x), y).backward()
        opt.step()
        if epoch >= start:
            swa.update_parameters(model)
            scheduler.step()
            losses.append(validate(swa))
        else:
            model.eval()
            with torch.no_grad():
                losses.append(F.cross_entropy(model(xv), yv).item())
    return {"validation_loss": losses, "learning_rate": lrs, "final": state(swa.module)}


def warmup(n, decay=0.99, gamma=1.0, power=2.0 / 3.0):
    return min(decay, 1 - (1 + (n - 1) / gamma) ** -power)


init = make()
bn_model = make()
update_bn([x[0:16], x[16:32], x[32:40]], bn_model)
result = {
    "torch": torch.__version__,
    "x": x.flatten().tolist(), "y": y.tolist(), "xv": xv.flatten().tolist(), "yv": yv.tolist(),
    "init": state(init),
    "ema": ema_run(lambda n: 0.8, 2),
    "ema_warmup": ema_run(warmup, 1),
    "swa": swa_run(3, 0.02, 2),
    "update_bn": state(bn_model),
}
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "averaging_golden.json"), "w") as f:
    json.dump(result, f, indent=1)
