package org.hotpixels.imagej;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.KeyEvent;

import ij.IJ;

import org.junit.jupiter.api.Test;
import org.scijava.Cancelable;

/** The SciJava commands stop on Esc, as the ImageJ 1 plugins do (Fiji's windows are ImageJ 1's). */
class StatusProgressTest {

	@Test
	void escapeCancelsAndAnEarlierEscapeIsForgotten() {
		IJ.setKeyDown(KeyEvent.VK_ESCAPE); // pressed before the run started
		final Cancelable command = new Cancelable() {

			@Override
			public boolean isCanceled() {
				return false;
			}

			@Override
			public void cancel(final String reason) {}

			@Override
			public String getCancelReason() {
				return null;
			}
		};
		final StatusProgress progress = new StatusProgress(null, command);
		try {
			assertFalse(progress.isCancelled());
			IJ.setKeyDown(KeyEvent.VK_ESCAPE); // what ImageJ's key handler does on Esc
			assertTrue(progress.isCancelled());
		}
		finally {
			IJ.resetEscape();
		}
	}
}
