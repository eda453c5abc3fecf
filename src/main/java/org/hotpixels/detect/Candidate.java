package org.hotpixels.detect;

/** One pixel of one channel that a {@link PlaneScores} test flagged, before clustering. */
final class Candidate {

	final int x, y, channel;
	final DefectKind kind;
	/** Evidence in robust sigmas, at least the detection threshold. */
	final double score;
	/** Medians of the same-channel neighbours' means and variances. */
	final double neighbourMean, neighbourVariance;

	Candidate(final int x, final int y, final int channel, final DefectKind kind, final double score,
		final double neighbourMean, final double neighbourVariance)
	{
		this.neighbourMean = neighbourMean;
		this.neighbourVariance = neighbourVariance;
		this.x = x;
		this.y = y;
		this.channel = channel;
		this.kind = kind;
		this.score = score;
	}

	/** Position key, channel ignored, for clustering across channels. */
	long position() {
		return (long) y << 32 | x;
	}
}
