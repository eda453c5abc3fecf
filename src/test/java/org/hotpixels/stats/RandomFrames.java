package org.hotpixels.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;

/**
 * Deterministic random series for the statistics tests. Every sample (pixel of one channel)
 * gets a behaviour drawn once: constant (a stuck pixel, variance exactly 0), uniform over the
 * whole range, a base value with gaussian noise, or jumping between both ends of the range.
 * Float samples have noise from 0.001 to 1000 on offsets up to {@link #MAX_FLOAT_OFFSET} times
 * the noise (constant, uniform noise, gaussian noise, or gaussian noise around zero). RGB frames
 * carry an opaque alpha byte, which the statistics must ignore.
 */
final class RandomFrames {

	private static final int BEHAVIOURS = 4;

	/** Largest ratio of a float sample's offset to its noise. */
	static final double MAX_FLOAT_OFFSET = 1000;

	private final PixelType type;
	private final int width;
	private final int height;
	private final int planes;
	private final Random random;
	private final int[] behaviour;
	private final double[] base;
	private final double[] spread;

	private RandomFrames(final PixelType type, final int width, final int height, final int planes,
		final long seed)
	{
		this.type = type;
		this.width = width;
		this.height = height;
		this.planes = planes;
		this.random = new Random(seed);
		final int samples = width * height * planes * type.channelsPerPlane();
		behaviour = new int[samples];
		base = new double[samples];
		spread = new double[samples];
		for (int s = 0; s < samples; s++) {
			behaviour[s] = random.nextInt(BEHAVIOURS);
			if (type == PixelType.GRAY32) {
				spread[s] = Math.pow(10, random.nextInt(7) - 3);
				base[s] = (random.nextDouble() * 2 - 1) * MAX_FLOAT_OFFSET * spread[s];
			}
			else {
				base[s] = random.nextInt((int) type.maxValue() + 1);
				spread[s] = 1 + random.nextInt(30);
			}
		}
	}

	/** {@code count} frames of {@code planes} planes each. */
	static List<Frame> series(final PixelType type, final int width, final int height,
		final int planes, final int count, final long seed)
	{
		final RandomFrames generator = new RandomFrames(type, width, height, planes, seed);
		final List<Frame> frames = new ArrayList<>(count);
		for (int f = 0; f < count; f++)
			frames.add(generator.next("frame" + f));
		return frames;
	}

	private Frame next(final String name) {
		final int n = width * height;
		final Object[] arrays = new Object[planes];
		for (int p = 0; p < planes; p++) {
			arrays[p] = Frame.newPlane(type, n);
			for (int i = 0; i < n; i++)
				store(arrays[p], p, i);
		}
		return Frame.of(name, type, width, height, arrays);
	}

	private void store(final Object plane, final int p, final int i) {
		final int n = width * height;
		switch (type) {
			case GRAY8 :
				((byte[]) plane)[i] = (byte) integerSample(p * n + i);
				break;
			case GRAY16 :
				((short[]) plane)[i] = (short) integerSample(p * n + i);
				break;
			case GRAY32 :
				((float[]) plane)[i] = (float) floatSample(p * n + i);
				break;
			default :
				final int s = 3 * p * n + i;
				final int red = integerSample(s);
				final int green = integerSample(s + n);
				final int blue = integerSample(s + 2 * n);
				((int[]) plane)[i] = 0xff000000 | red << 16 | green << 8 | blue;
		}
	}

	private int integerSample(final int s) {
		final int max = (int) type.maxValue();
		switch (behaviour[s]) {
			case 0 :
				return (int) base[s];
			case 1 :
				return random.nextInt(max + 1);
			case 2 :
				final long v = Math.round(base[s] + spread[s] * random.nextGaussian());
				return (int) Math.max(0, Math.min(max, v));
			default :
				final int near = random.nextInt(4);
				return random.nextBoolean() ? near : max - near;
		}
	}

	private double floatSample(final int s) {
		switch (behaviour[s]) {
			case 0 :
				return base[s];
			case 1 :
				return base[s] + spread[s] * (random.nextDouble() * 2 - 1);
			case 2 :
				return base[s] + spread[s] * random.nextGaussian();
			default :
				return spread[s] * random.nextGaussian();
		}
	}
}
