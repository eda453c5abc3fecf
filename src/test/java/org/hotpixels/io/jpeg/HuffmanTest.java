package org.hotpixels.io.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Optimal tables: every used symbol gets a code, no code is longer than 16 bits or all ones. */
class HuffmanTest {

	@Test
	void optimalTableHoldsEverySymbolWithinSixteenBits() {
		final long[] freq = new long[257];
		for (int s = 0; s < 256; s++)
			freq[s] = s % 3 == 0 ? 0 : 1L << (s % 40); // very skewed: lengths must be folded back
		final Huffman h = Huffman.optimal(freq);
		int used = 0;
		for (int s = 0; s < 256; s++) {
			if (freq[s] == 0) continue;
			used++;
			assertTrue(h.has(s), "symbol " + s);
			assertTrue(h.length[s] <= 16);
			assertTrue(h.code[s] != (1 << h.length[s]) - 1, "all-ones code for " + s);
		}
		assertEquals(used, h.symbols.length);
	}
}
