package org.hotpixels.io.jpeg;

import java.util.Arrays;

/**
 * One JPEG Huffman table (ITU T.81 annex C and F): the 16 code-length counts and the symbols as a
 * DHT segment holds them, with what decoding and encoding need, and libjpeg's construction of an
 * optimal table from symbol frequencies (lengths limited to 16 bits, no all-ones code).
 */
final class Huffman {

	final int[] counts; // counts[1..16]: codes of each length
	final int[] symbols;
	/** Encoding: code and length of each symbol (length 0 = symbol absent). */
	final int[] code = new int[256], length = new int[256];
	/** Decoding: largest code of each length (-1 if none), and where its symbols start. */
	private final int[] maxCode = new int[18], valPtr = new int[17], minCode = new int[17];

	Huffman(final int[] counts, final int[] symbols) {
		this.counts = counts;
		this.symbols = symbols;
		int c = 0, k = 0;
		for (int len = 1; len <= 16; len++) {
			valPtr[len] = k;
			minCode[len] = c;
			for (int i = 0; i < counts[len]; i++) {
				code[symbols[k]] = c;
				length[symbols[k]] = len;
				k++;
				c++;
			}
			maxCode[len] = counts[len] == 0 ? -1 : c - 1;
			c <<= 1;
		}
		maxCode[17] = Integer.MAX_VALUE;
	}

	/** Decodes one symbol, or throws at a code that the table does not hold. */
	int decode(final BitReader in) {
		int c = in.bit();
		for (int len = 1; len <= 16; len++) {
			if (maxCode[len] >= 0 && c <= maxCode[len] && c >= minCode[len]) return symbols[valPtr[len] +
				c - minCode[len]];
			c = (c << 1) | in.bit();
		}
		throw new JpegException("a Huffman code that its table does not hold");
	}

	boolean has(final int symbol) {
		return length[symbol] > 0;
	}

	/** The DHT payload: 16 counts, then the symbols. */
	byte[] payload(final int tableClassAndId) {
		final byte[] b = new byte[1 + 16 + symbols.length];
		b[0] = (byte) tableClassAndId;
		for (int i = 1; i <= 16; i++)
			b[i] = (byte) counts[i];
		for (int i = 0; i < symbols.length; i++)
			b[17 + i] = (byte) symbols[i];
		return b;
	}

	/**
	 * The optimal table for these symbol frequencies (libjpeg's {@code jpeg_gen_optimal_table}, from
	 * ITU T.81 annex K.2: a reserved pseudo-symbol keeps the all-ones code free; lengths over 16
	 * are folded back).
	 */
	static Huffman optimal(final long[] frequencies) {
		final long[] freq = Arrays.copyOf(frequencies, 257);
		freq[256] = 1; // the reserved symbol
		final int[] codeSize = new int[257], others = new int[257];
		Arrays.fill(others, -1);
		while (true) {
			int c1 = -1, c2 = -1;
			long v = Long.MAX_VALUE;
			for (int i = 0; i <= 256; i++)
				if (freq[i] > 0 && freq[i] <= v) {
					v = freq[i];
					c1 = i;
				}
			v = Long.MAX_VALUE;
			for (int i = 0; i <= 256; i++)
				if (freq[i] > 0 && freq[i] <= v && i != c1) {
					v = freq[i];
					c2 = i;
				}
			if (c2 < 0) break;
			freq[c1] += freq[c2];
			freq[c2] = 0;
			codeSize[c1]++;
			while (others[c1] >= 0) {
				c1 = others[c1];
				codeSize[c1]++;
			}
			others[c1] = c2;
			codeSize[c2]++;
			while (others[c2] >= 0) {
				c2 = others[c2];
				codeSize[c2]++;
			}
		}
		final int[] bits = new int[258]; // a code can be as long as the symbols are many
		for (int i = 0; i <= 256; i++)
			if (codeSize[i] > 0) bits[codeSize[i]]++;
		for (int i = 257; i > 16; i--)
			while (bits[i] > 0) {
				int j = i - 2;
				while (bits[j] == 0)
					j--;
				bits[i] -= 2;
				bits[i - 1]++;
				bits[j + 1] += 2;
				bits[j]--;
			}
		int i = 16;
		while (bits[i] == 0)
			i--;
		bits[i]--; // remove the reserved code
		final int[] counts = new int[17];
		System.arraycopy(bits, 1, counts, 1, 16);
		int n = 0;
		for (int k = 1; k <= 16; k++)
			n += counts[k];
		final int[] symbols = new int[n];
		int p = 0;
		for (int len = 1; len <= 257; len++)
			for (int s = 0; s < 256; s++)
				if (codeSize[s] == len) symbols[p++] = s;
		return new Huffman(counts, symbols);
	}
}
