package org.hotpixels.imagej.ij1;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The bare-key form of a checkbox in macro options, as ImageJ 1 records a ticked box. */
class MacroFlagsTest {

	@Test
	void bareKeyAnywhere() {
		assertTrue(MacroFlags.hasBareKey("skip_bad_frames", "skip_bad_frames"));
		assertTrue(MacroFlags.hasBareKey("top_n=5 skip_bad_frames sigma=5 ", "skip_bad_frames"));
		assertTrue(MacroFlags.hasBareKey("input_folder=[/a b] skip_bad_frames", "skip_bad_frames"));
	}

	@Test
	void notAValueNorAPrefixNorInsideBrackets() {
		assertFalse(MacroFlags.hasBareKey("skip_bad_frames=true", "skip_bad_frames"));
		assertFalse(MacroFlags.hasBareKey("skip_bad_frames_2 top_n=5", "skip_bad_frames"));
		assertFalse(MacroFlags.hasBareKey("no_skip_bad_frames", "skip_bad_frames"));
		assertFalse(MacroFlags.hasBareKey("input_folder=[/data/skip_bad_frames x] ",
			"skip_bad_frames"));
		assertFalse(MacroFlags.hasBareKey("input_folder=[/x [y] skip_bad_frames]", "skip_bad_frames"));
		assertFalse(MacroFlags.hasBareKey("", "skip_bad_frames"));
	}
}
