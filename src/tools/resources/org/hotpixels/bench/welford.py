# The 2011 program that started this project, as its article describes it: open every frame with
# PIL, keep a running mean and sum of squared differences per pixel with numpy (Welford), then
# list the pixels with the lowest variance, i.e. the stuck ones. The benchmark runs it beside
# ours on the same folder: python3 welford.py FOLDER
import os
import sys

import numpy
from PIL import Image


def main(folder):
    names = sorted(n for n in os.listdir(folder) if n.startswith("frame_"))
    count, mean, m2 = 0, None, None
    for name in names:
        x = numpy.asarray(Image.open(os.path.join(folder, name)), dtype=numpy.float64)
        if mean is None:
            mean = numpy.zeros_like(x)
            m2 = numpy.zeros_like(x)
        count += 1
        delta = x - mean
        mean += delta / count
        m2 += delta * (x - mean)
    variance = m2 / (count - 1)
    per_pixel = variance.reshape(variance.shape[0], variance.shape[1], -1).sum(axis=2)
    flat = per_pixel.reshape(-1)
    lowest = numpy.argpartition(flat, 10)[:10]
    lowest = lowest[numpy.argsort(flat[lowest])]
    for rank, i in enumerate(lowest, 1):
        y, x = divmod(int(i), per_pixel.shape[1])
        print("%d\t%d\t%d\t%g" % (rank, x, y, per_pixel[y, x]))
    print("@result\tframes=%d" % count)


if __name__ == "__main__":
    main(sys.argv[1])
