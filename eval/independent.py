#!/usr/bin/python3
"""An independent check of detection, written apart from the Java evaluation: its own series,
made with Python (numpy, Pillow's libjpeg-turbo encoder), scored from the files
`./hotpixels find` writes. It guards against tuning to the Java evaluation's own generators.

  photos  N frames cut from real photographs of another package than the Java evaluation's
          (ukui-wallpapers, in /usr/share/backgrounds), each frame a random crop, scale,
          flip and exposure with sensor noise; defects planted in the sensor's RGB before the
          JPEG encoder (quality Q, 4:2:0): whole-pixel and one-channel hot, stuck, dead, cold.
  darks   N 16-bit dark frames: bias + Poisson dark current (20 e-/frame) with a lognormal
          non-uniformity (--dcnu, 8%: a skewed population whose own upper tail holds about 25
          normal pixels in a million beyond 5 sigma) + Gaussian read noise (3 e-); hot pixels at 4-6, 6-25 and 25-200 sigma of the master dark
          (its spread about the local level), a partial hot column segment, a dead column
          segment and dead pixels at the bias, stuck pixels.

A detection matches a planted defect within 2 px (JPEG) or 1 px (darks) of its box; a column
segment counts once. Prints recall and precision per kind of series and per planted kind.

  /usr/bin/python3 eval/independent.py photos --frames 60 --seed 1 [--quality 90] [--size 2000x1500]
  /usr/bin/python3 eval/independent.py darks --frames 40 --seed 1 [--size 1024x1024]
"""
import argparse
import csv
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time

import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
LAUNCHER = os.path.join(HERE, "..", "hotpixels")
PHOTOS = "/usr/share/backgrounds/*_by_*.jpg"


def photo_series(folder, frames, seed, quality, width, height):
    rng = np.random.default_rng(seed)
    files = sorted(glob.glob(PHOTOS))
    if len(files) < 5:
        sys.exit("independent.py: no photographs in %s (apt-get install ukui-wallpapers)" % PHOTOS)
    photos = [Image.open(f).convert("RGB") for f in files]
    margin = 8
    defects = []  # (x, y, channel or -1, kind, label, action)

    def spot():
        return int(rng.integers(margin, width - margin)), int(rng.integers(margin, height - margin))

    for _ in range(6):
        defects.append(spot() + (-1, "hot", "hot", ("add", int(rng.integers(60, 140)))))
    for _ in range(4):
        defects.append(spot() + (-1, "stuck", "stuck", ("set", int(rng.integers(40, 220)))))
    for _ in range(3):
        defects.append(spot() + (-1, "dead", "dead", ("set", 0)))
    for _ in range(2):
        defects.append(spot() + (-1, "cold", "cold", ("scale", 0.35)))
    for c, name in ((2, "blue"), (0, "red"), (1, "green")):
        for _ in range(2):
            defects.append(spot() + (c, "hot", name + "-only hot", ("add", int(rng.integers(70, 150)))))
        defects.append(spot() + (c, "stuck", name + "-only stuck", ("set", int(rng.integers(40, 220)))))
        defects.append(spot() + (c, "dead", name + "-only dead", ("set", 0)))
    os.makedirs(folder, exist_ok=True)
    for k in range(frames):
        photo = photos[int(rng.integers(len(photos)))]
        scale = rng.uniform(max(width / photo.width, height / photo.height) * 1.05, 1.6)
        w, h = max(width, int(photo.width * scale)), max(height, int(photo.height * scale))
        x0, y0 = int(rng.integers(0, w - width + 1)), int(rng.integers(0, h - height + 1))
        frame = photo.resize((w, h), Image.BILINEAR).crop((x0, y0, x0 + width, y0 + height))
        a = np.asarray(frame, dtype=np.float32)
        if rng.random() < 0.5:
            a = a[:, ::-1]
        a = a * rng.uniform(0.6, 1.3) + rng.normal(0, 2.0, a.shape)
        for x, y, c, kind, label, (op, v) in defects:
            channels = [0, 1, 2] if c < 0 else [c]
            for ch in channels:
                if op == "add":
                    a[y, x, ch] += v
                elif op == "set":
                    a[y, x, ch] = v + rng.normal(0, 0.5)
                else:
                    a[y, x, ch] *= v
        img = Image.fromarray(np.clip(np.rint(a), 0, 255).astype(np.uint8), "RGB")
        img.save(os.path.join(folder, "frame_%04d.jpg" % k), quality=quality, subsampling=2)
    return [dict(x0=x, y0=y, x1=x, y1=y, channel=c, kind=kind, label=label)
            for x, y, c, kind, label, _ in defects], 2


def dark_series(folder, frames, seed, width, height, dcnu=0.08):
    rng = np.random.default_rng(seed)
    bias, gain, read_noise, dark = 500.0, 1.0, 3.0, 20.0
    current = dark * rng.lognormal(0, dcnu, (height, width))  # e-/frame, non-uniform
    # the master dark's spread about its local level: non-uniformity and the frames' noise
    sigma_md = np.sqrt(np.var(current - dark) + (dark + read_noise ** 2) / frames)
    defects = []
    used = set()

    def spot(margin=6):
        while True:
            x, y = int(rng.integers(margin, width - margin)), int(rng.integers(margin, height - margin))
            if all(abs(x - u) > 3 or abs(y - v) > 3 for u, v in used):
                used.add((x, y))
                return x, y

    for lo, hi in ((4, 6), (6, 25), (25, 200)):
        for _ in range(30):
            x, y = spot()
            current[y, x] += rng.uniform(lo, hi) * sigma_md
            defects.append(dict(x0=x, y0=y, x1=x, y1=y, channel=0, kind="hot",
                                label="hot %d-%d sigma" % (lo, hi)))
    dead = np.zeros((height, width), bool)
    for _ in range(10):
        x, y = spot()
        dead[y, x] = True
        defects.append(dict(x0=x, y0=y, x1=x, y1=y, channel=0, kind="dead", label="dead at bias"))
    stuck = {}
    for _ in range(4):
        x, y = spot()
        stuck[(x, y)] = bias + rng.uniform(200, 2000)
        defects.append(dict(x0=x, y0=y, x1=x, y1=y, channel=0, kind="stuck", label="stuck"))
    cx = int(rng.integers(width // 4, 3 * width // 4))
    cy0 = int(rng.integers(height // 4, height // 2))
    current[cy0:cy0 + 256, cx] += 5 * sigma_md
    defects.append(dict(x0=cx, y0=cy0, x1=cx, y1=cy0 + 255, channel=0, kind="column",
                        label="hot column segment"))
    dx = int(rng.integers(width // 4, 3 * width // 4))
    while abs(dx - cx) < 10:
        dx = int(rng.integers(width // 4, 3 * width // 4))
    dy0 = int(rng.integers(height // 2, 3 * height // 4))
    dead[dy0:dy0 + 100, dx] = True
    defects.append(dict(x0=dx, y0=dy0, x1=dx, y1=dy0 + 99, channel=0, kind="column",
                        label="dead column segment"))
    os.makedirs(folder, exist_ok=True)
    for k in range(frames):
        electrons = rng.poisson(np.where(dead, 0, current)).astype(np.float64)
        adu = bias + electrons / gain + rng.normal(0, read_noise, current.shape)
        for (x, y), v in stuck.items():
            adu[y, x] = v
        Image.fromarray(np.clip(np.rint(adu), 0, 65535).astype(np.uint16)).save(
            os.path.join(folder, "dark_%04d.tif" % k))
    return defects, 1


def run_find(folder, out):
    start = time.time()
    p = subprocess.run([LAUNCHER, "find", folder, "-o", out, "--overwrite"], capture_output=True,
                       text=True)
    if p.returncode != 0:
        sys.exit("find failed:\n" + p.stdout + p.stderr)
    with open(os.path.join(out, "defects.csv")) as f:
        found = list(csv.DictReader(f))
    return found, time.time() - start


def score(planted, found, tolerance):
    matched = [False] * len(found)
    by_label = {}
    hits = 0
    for p in planted:
        hit = False
        for i, d in enumerate(found):
            if (int(d["x_max"]) >= p["x0"] - tolerance and int(d["x_min"]) <= p["x1"] + tolerance and
                    int(d["y_max"]) >= p["y0"] - tolerance and int(d["y_min"]) <= p["y1"] + tolerance):
                matched[i] = hit = True
        hits += hit
        counts = by_label.setdefault(p["label"], [0, 0])
        counts[0] += hit
        counts[1] += 1
    false = [d for d, m in zip(found, matched) if not m]
    return hits, false, by_label


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("kind", choices=["photos", "darks"])
    ap.add_argument("--frames", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--quality", type=int, default=90)
    ap.add_argument("--size", default=None)
    ap.add_argument("--dcnu", type=float, default=0.08,
                    help="darks: dark-current non-uniformity, the sigma of its lognormal (0.08)")
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="hp-independent-")
    try:
        folder, out = os.path.join(work, "frames"), os.path.join(work, "out")
        if a.kind == "photos":
            w, h = map(int, (a.size or "2000x1500").split("x"))
            planted, tol = photo_series(folder, a.frames, a.seed, a.quality, w, h)
            what = "%d JPEG q%d 4:2:0 photos %dx%d" % (a.frames, a.quality, w, h)
        else:
            w, h = map(int, (a.size or "1024x1024").split("x"))
            planted, tol = dark_series(folder, a.frames, a.seed, w, h, a.dcnu)
            what = "%d 16-bit darks %dx%d, %.0f%% lognormal non-uniformity" % (a.frames, w, h,
                                                                             100 * a.dcnu)
        found, seconds = run_find(folder, out)
        hits, false, by_label = score(planted, found, tol)
        precision = (len(found) - len(false)) / len(found) if found else 1.0
        print("%s, seed %d: recall %.1f%% (%d/%d), precision %.1f%% (%d false of %d), find %.1f s"
              % (what, a.seed, 100.0 * hits / len(planted), hits, len(planted), 100 * precision,
                 len(false), len(found), seconds))
        for label, (h_, n) in by_label.items():
            print("  %-24s %d/%d" % (label, h_, n))
        for d in false:
            print("  false: %s,%s %s %s score %s" % (d["x"], d["y"], d["channel"], d["kind"], d["score"]))
        if a.keep:
            print("kept in", work)
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
