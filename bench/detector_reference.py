#!/usr/bin/python3
"""The embedded detector's architecture in Debian's python3-torch, as the speed reference for
bench_detector: the same backbone (conv 3x3 + batch norm + ReLU, strides 1-2-2-1-2-1, a stride-8
lateral added to stride 4), the same heads, focal loss (alpha 2, beta 4), L1 size (0.1) and offset
losses, Adam at 2e-3, batches of 16 crops of 96x96 with the same augmentation and target
building per batch, and detection on a 640x512 frame at input scales 1 and 2.
Usage: /usr/bin/python3 bench/detector_reference.py [THREADS] [STEPS]"""
import math
import random
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def block(cin, cout, stride):
    return [nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU()]


class Net(nn.Module):
    def __init__(self, width=16, classes=1):
        super().__init__()
        w = width
        self.stem = nn.Sequential(*block(1, w, 1), *block(w, w, 2))
        self.stage4 = nn.Sequential(*block(w, 2 * w, 2), *block(2 * w, 2 * w, 1))
        self.stage8 = nn.Sequential(*block(2 * w, 4 * w, 2), *block(4 * w, 4 * w, 1))
        self.lateral = nn.Conv2d(4 * w, 2 * w, 1)
        self.fuse = nn.Sequential(*block(2 * w, 2 * w, 1))

        def head(out):
            return nn.Sequential(nn.Conv2d(2 * w, 2 * w, 3, padding=1), nn.ReLU(), nn.Conv2d(2 * w, out, 1))
        self.heat, self.size, self.offset = head(classes), head(2), head(2)
        with torch.no_grad():
            self.heat[2].bias.fill_(-2.19)

    def forward(self, x):
        f4 = self.stage4(self.stem(x))
        f8 = self.stage8(f4)
        up = F.interpolate(self.lateral(f8), size=f4.shape[2:], mode="nearest")
        f = self.fuse(f4 + up)
        return self.heat(f), self.size(f), self.offset(f)


def gaussian_radius(h, w, o=0.7):
    b1 = h + w
    c1 = w * h * (1 - o) / (1 + o)
    r1 = (b1 + math.sqrt(b1 ** 2 - 4 * c1)) / 2
    b2, c2 = 2 * (h + w), (1 - o) * w * h
    r2 = (b2 + math.sqrt(b2 ** 2 - 16 * c2)) / 2
    a3, b3, c3 = 4 * o, -2 * o * (h + w), (o - 1) * w * h
    r3 = (b3 + math.sqrt(b3 ** 2 - 4 * a3 * c3)) / 2
    return max(0.0, min(r1, r2, r3))


def targets(boxes, side):
    s = side // 4
    b = len(boxes)
    heat, size, off, mask = (torch.zeros(b, 1, s, s), torch.zeros(b, 2, s, s), torch.zeros(b, 2, s, s),
                             torch.zeros(b, 1, s, s))
    for i, bs in enumerate(boxes):
        for (x, y, w, h) in bs:
            cx, cy = (x + w / 2) / 4, (y + h / 2) / 4
            ix, iy = int(cx), int(cy)
            r = int(gaussian_radius(h / 4, w / 4))
            sigma = (2 * r + 1) / 6
            for dy in range(-r, r + 1):
                for dx in range(-r, r + 1):
                    xx, yy = ix + dx, iy + dy
                    if 0 <= xx < s and 0 <= yy < s:
                        heat[i, 0, yy, xx] = max(heat[i, 0, yy, xx].item(), math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)))
            heat[i, 0, iy, ix] = 1
            size[i, :, iy, ix] = torch.tensor([w, h])
            off[i, :, iy, ix] = torch.tensor([cx - ix, cy - iy])
            mask[i, 0, iy, ix] = 1
    return heat, size, off, mask


def focal(logits, target):
    p = torch.sigmoid(logits).clamp(1e-4, 1 - 1e-4)
    pos = target.eq(1).float()
    neg = 1 - pos
    pos_loss = (torch.log(p) * (1 - p) ** 2 * pos).sum()
    neg_loss = (torch.log(1 - p) * p ** 2 * (1 - target) ** 4 * neg).sum()
    n = pos.sum()
    return -(pos_loss + neg_loss) / n if n > 0 else -neg_loss


def sample(rng, side, target):
    crop = torch.clamp(torch.randn(side, side) * 8 + 110, 0, 255)
    boxes = []
    if target:
        x, y = rng.randint(8, side - 16), rng.randint(8, side - 16)
        crop[y:y + 4, x:x + 8] = 230
        boxes.append((x, y, 8, 4))
    return crop.to(torch.uint8), boxes


def main():
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    steps = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    rng = random.Random(1)
    samples = [sample(rng, 96, i % 4 != 3) for i in range(256)]
    net = Net()
    net.train()
    opt = torch.optim.Adam(net.parameters(), lr=2e-3)

    def step():
        xs, bs = [], []
        for _ in range(16):
            crop, boxes = samples[rng.randrange(len(samples))]
            t = (crop.float() / 255 - 0.5) * 4
            boxes = list(boxes)
            if rng.random() < 0.5:
                t = t.flip(1)
                boxes = [(96 - x - w, y, w, h) for (x, y, w, h) in boxes]
            if rng.random() < 0.5:
                t = t.flip(0)
                boxes = [(x, 96 - y - h, w, h) for (x, y, w, h) in boxes]
            gain, offset = rng.uniform(0.7, 1.4), rng.uniform(-0.6, 0.6)
            t = (t - t.mean()) * gain + t.mean() + offset + 0.08 * torch.randn_like(t)
            xs.append(t[None, None])
            bs.append(boxes)
        x = torch.cat(xs)
        heat_t, size_t, off_t, mask = targets(bs, 96)
        opt.zero_grad()
        heat, size, off = net(x)
        den = 2 * mask.sum() + 1e-4
        loss = focal(heat, heat_t) + 0.1 * (torch.abs(size - size_t) * mask).sum() / den \
            + (torch.abs(off - off_t) * mask).sum() / den
        loss.backward()
        opt.step()

    for _ in range(5):
        step()
    start = time.perf_counter()
    for _ in range(steps):
        step()
    train_rate = steps * 16 / (time.perf_counter() - start)

    def fps(scale):
        n = Net()
        n.eval()
        frame = torch.full((1, 1, int(512 * scale), int(640 * scale)), 110.0)
        frames = 8 if scale > 1 else 20
        with torch.no_grad():
            def detect():
                x = (frame / 255 - 0.5) * 4
                heat, size, off = n(x)
                h = torch.sigmoid(heat)
                peaks = (F.max_pool2d(h, 3, 1, 1) == h).float() * h
                peaks.flatten().topk(100)
            detect()
            start = time.perf_counter()
            for _ in range(frames):
                detect()
        return frames / (time.perf_counter() - start)

    print(f"threads {threads}")
    print(f"train_samples_per_s {train_rate:.1f}")
    print(f"detect_640x512_fps {fps(1.0):.2f}")
    print(f"detect_640x512_x2_fps {fps(2.0):.2f}")


if __name__ == "__main__":
    main()
