#!/usr/bin/env python3
"""The PyTorch side of Fer.Core's benchmark: the same networks, transforms and measurements in PyTorch.

Run by bench/Fer.Benchmarks (--pytorch) in the same run, on the same machine; prints one JSON object.
    /usr/bin/python3 bench/pytorch/fer_bench.py --data ../shared/datasets/fer2013/fer2013.csv.gz

Networks (as in src/Fer.Core/Architectures/Architectures.cs): Fer2013Cnn, MiniXception, TinyVgg and CompactVgg (the
shipped default's architecture), Keras padding rules. Inference is measured for MiniXception, TinyVgg and CompactVgg,
eager, under inference_mode, in both memory layouts (contiguous and channels-last); the faster is reported, named.
Transforms (as Augmentations.Standard): horizontal flip, random crop 48 with 4 px zero padding, affine (rotation
±10°, zoom 0.9–1.1) by affine_grid/grid_sample, brightness/contrast ±0.2, random erasing p=0.25; on batched tensors.
"""
import argparse
import gzip
import json
import math
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from timing import median_seconds

MEAN, STD = 0.5077, 0.2550


def load_training(path, limit):
    opener = gzip.open if path.endswith(".gz") else open
    pixels, labels = [], []
    with opener(path, "rt") as f:
        next(f)
        for line in f:
            emotion, values, usage = line.rstrip("\n").split(",")
            if usage == "Training":
                labels.append(int(emotion))
                pixels.append(np.array(values.split(" "), dtype=np.uint8))
            if len(labels) >= limit:
                break
    return torch.from_numpy(np.stack(pixels).reshape(-1, 1, 48, 48)), torch.tensor(labels)


class SeparableConv(nn.Sequential):
    def __init__(self, cin, cout):
        super().__init__(nn.Conv2d(cin, cin, 3, padding=1, groups=cin, bias=False), nn.Conv2d(cin, cout, 1, bias=False))


class XceptionModule(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.body = nn.Sequential(
            SeparableConv(cin, cout), nn.BatchNorm2d(cout, eps=1e-3), nn.ReLU(),
            SeparableConv(cout, cout), nn.BatchNorm2d(cout, eps=1e-3),
            nn.MaxPool2d(3, 2, padding=1))
        self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride=2, bias=False), nn.BatchNorm2d(cout, eps=1e-3))

    def forward(self, x):
        return self.body(x) + self.shortcut(x)


def mini_xception(classes=7):
    layers = [nn.Conv2d(1, 8, 3, bias=False), nn.BatchNorm2d(8, eps=1e-3), nn.ReLU(),
              nn.Conv2d(8, 8, 3, bias=False), nn.BatchNorm2d(8, eps=1e-3), nn.ReLU()]
    channels = 8
    for filters in (16, 32, 64, 128):
        layers.append(XceptionModule(channels, filters))
        channels = filters
    layers += [nn.Conv2d(channels, classes, 3, padding=1), nn.AdaptiveAvgPool2d(1), nn.Flatten()]
    return nn.Sequential(*layers)


def fer2013_cnn(classes=7):
    layers, channels = [], 1
    for filters in (64, 128, 256):
        layers += [nn.Conv2d(channels, filters, 3, padding=1), nn.ReLU(), nn.Conv2d(filters, filters, 3, padding=1), nn.ReLU(),
                   nn.MaxPool2d(2), nn.Dropout(0.25)]
        channels = filters
    layers += [nn.Flatten(), nn.Linear(256 * 6 * 6, 1024), nn.ReLU(), nn.Dropout(0.5), nn.Linear(1024, classes)]
    return nn.Sequential(*layers)


def batch_norm_vgg(widths, dropout, classes=7):
    layers, channels = [], 1
    for filters in widths:
        for _ in range(2):
            layers += [nn.Conv2d(channels, filters, 3, padding=1, bias=False), nn.BatchNorm2d(filters, eps=1e-3), nn.ReLU()]
            channels = filters
        layers.append(nn.MaxPool2d(2))
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(dropout), nn.Linear(channels, classes)]
    return nn.Sequential(*layers)


def tiny_vgg(classes=7):
    return batch_norm_vgg((16, 32, 64, 128), 0.2, classes)


def compact_vgg(classes=7):
    return batch_norm_vgg((32, 64, 128, 256), 0.3, classes)


NETWORKS = {"MiniXception": mini_xception, "Fer2013Cnn": fer2013_cnn, "TinyVgg": tiny_vgg, "CompactVgg": compact_vgg}
INFERENCE_NETWORKS = ("MiniXception", "TinyVgg", "CompactVgg")


def augment(x, g):
    """x: float [N,1,48,48] in [0,1]."""
    n = x.shape[0]
    flip = torch.rand(n, generator=g) < 0.5
    x = torch.where(flip[:, None, None, None], x.flip(3), x)
    padded = F.pad(x, (4, 4, 4, 4))
    dx = torch.randint(0, 9, (n,), generator=g)
    dy = torch.randint(0, 9, (n,), generator=g)
    rows = (dy[:, None] + torch.arange(48)[None, :])
    cols = (dx[:, None] + torch.arange(48)[None, :])
    x = padded[torch.arange(n)[:, None, None], 0, rows[:, :, None], cols[:, None, :]][:, None]
    angle = (torch.rand(n, generator=g) * 2 - 1) * math.radians(10)
    scale = 0.9 + torch.rand(n, generator=g) * 0.2
    cos, sin = torch.cos(angle) / scale, torch.sin(angle) / scale
    theta = torch.stack([torch.stack([cos, -sin, torch.zeros(n)], 1), torch.stack([sin, cos, torch.zeros(n)], 1)], 1)
    grid = F.affine_grid(theta, list(x.shape), align_corners=False)
    x = F.grid_sample(x, grid, mode="bilinear", padding_mode="zeros", align_corners=False)
    brightness = 1 + (torch.rand(n, 1, 1, 1, generator=g) * 2 - 1) * 0.2
    contrast = 1 + (torch.rand(n, 1, 1, 1, generator=g) * 2 - 1) * 0.2
    mean = x.mean(dim=(1, 2, 3), keepdim=True)
    x = ((x * brightness - mean) * contrast + mean).clamp(0, 1)
    erase = torch.rand(n, generator=g) < 0.25
    h = torch.randint(8, 24, (n,), generator=g)
    w = torch.randint(8, 24, (n,), generator=g)
    top = (torch.rand(n, generator=g) * (48 - h)).long()
    left = (torch.rand(n, generator=g) * (48 - w)).long()
    ys = torch.arange(48)[None, :, None]
    xs = torch.arange(48)[None, None, :]
    mask = erase[:, None, None] & (ys >= top[:, None, None]) & (ys < (top + h)[:, None, None]) & (xs >= left[:, None, None]) & (xs < (left + w)[:, None, None])
    x = x.masked_fill(mask[:, None], 0.0)
    return (x - MEAN) / STD


def inference(network, faces, threads):
    """One face and a batch of 64, in each memory layout; the faster layout of each is the one reported."""
    torch.set_num_threads(threads)
    face = faces[0, 0].numpy()
    batch = faces[:64]
    best = {}
    for layout in ("contiguous", "channels_last"):
        torch.manual_seed(1)
        model = NETWORKS[network]().eval()
        memory_format = torch.channels_last if layout == "channels_last" else torch.contiguous_format
        model = model.to(memory_format=memory_format)

        def one():
            with torch.inference_mode():
                x = (torch.from_numpy(face).float().div_(255).sub_(MEAN).div_(STD)).view(1, 1, 48, 48).contiguous(memory_format=memory_format)
                return torch.softmax(model(x), 1)[0].tolist()

        def many():
            with torch.inference_mode():
                x = batch.float().div_(255).sub_(MEAN).div_(STD).contiguous(memory_format=memory_format)
                return torch.softmax(model(x), 1).tolist()

        calls = 300
        single = median_seconds(3, lambda: [one() for _ in range(calls)]) / calls * 1000
        throughput = 64 / median_seconds(5, many)
        if "oneFaceMs" not in best or single < best["oneFaceMs"]:
            best["oneFaceMs"], best["oneFaceLayout"] = single, layout
        if "batch64FacesPerSecond" not in best or throughput > best["batch64FacesPerSecond"]:
            best["batch64FacesPerSecond"], best["batch64Layout"] = throughput, layout
    return best


def training(network, faces, labels, threads, images):
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    g = torch.Generator().manual_seed(1)
    model = NETWORKS[network]().train()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)

    def epoch(count):
        order = torch.randperm(faces.shape[0], generator=g)[:count]
        for start in range(0, count, 64):
            index = order[start:start + 64]
            x = augment(faces[index].float().div_(255), g)
            optimizer.zero_grad(set_to_none=True)
            loss = F.cross_entropy(model(x), labels[index])
            loss.backward()
            optimizer.step()

    epoch(256)
    start = time.perf_counter()
    epoch(images)
    return images / (time.perf_counter() - start)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="../shared/datasets/fer2013/fer2013.csv.gz")
    parser.add_argument("--train-images", type=int, default=2048)
    parser.add_argument("--skip-training", action="store_true", help="inference only (the benchmark's --like-for-like)")
    args = parser.parse_args()
    faces, labels = load_training(args.data, 4096)
    result = {
        "torch": torch.__version__,
        "isa": torch.backends.cpu.get_cpu_capability(),
        "mkldnn": torch.backends.mkldnn.is_available(),
        "inference": {},
        "training": {},
    }
    for network in INFERENCE_NETWORKS:
        result["inference"][network] = {str(threads): inference(network, faces, threads) for threads in (1, 2)}
    for network in () if args.skip_training else ("MiniXception", "Fer2013Cnn"):
        result["training"][network] = training(network, faces, labels, 2, args.train_images)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
