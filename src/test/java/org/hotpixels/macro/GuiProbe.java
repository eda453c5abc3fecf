package org.hotpixels.macro;

import java.awt.Component;
import java.awt.EventQueue;
import java.awt.Frame;
import java.awt.event.MouseEvent;
import java.awt.event.MouseListener;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.Roi;
import ij.text.TextPanel;
import ij.text.TextWindow;

/**
 * Test helper that a macro reaches with {@code call("org.hotpixels.macro.GuiProbe.click", ...)}
 * inside the ImageJ JVM (it is on the classpath next to {@link ImageJWatchdog}): clicks a table
 * row as the mouse would and reports what the image windows show; prints to standard output,
 * since with the ImageJ window open a macro's print() goes to the Log window.
 */
public final class GuiProbe {

	private GuiProbe() {}

	/** Selects row {@code row} of table window {@code title} and releases the mouse on it. */
	public static String click(final String title, final String row) throws Exception {
		final Frame frame = WindowManager.getFrame(title);
		if (!(frame instanceof TextWindow)) return "no table " + title;
		final TextPanel panel = ((TextWindow) frame).getTextPanel();
		final int r = Integer.parseInt(row);
		EventQueue.invokeAndWait(() -> {
			panel.setSelection(r, r);
			for (final Component c : panel.getComponents())
				for (final MouseListener l : c.getMouseListeners())
					l.mouseReleased(new MouseEvent(c, MouseEvent.MOUSE_RELEASED, System.currentTimeMillis(),
						0, 5, 5, 1, false));
		});
		return "clicked " + title + " row " + r;
	}

	/** "title slice x y" of the point selection of the image whose title starts with prefix. */
	public static String selection(final String prefix) {
		for (final int id : WindowManager.getIDList()) {
			final ImagePlus imp = WindowManager.getImage(id);
			if (!imp.getTitle().startsWith(prefix)) continue;
			final Roi roi = imp.getRoi();
			if (roi == null) return imp.getTitle() + " has no selection";
			return imp.getTitle() + " slice " + imp.getCurrentSlice() + " point " + (int) roi
				.getFloatPolygon().xpoints[0] + " " + (int) roi.getFloatPolygon().ypoints[0];
		}
		return "no image " + prefix;
	}

	/** "mag M rect x y w h" of the window of the image whose title starts with prefix. */
	public static String zoom(final String prefix) {
		for (final int id : WindowManager.getIDList()) {
			final ImagePlus imp = WindowManager.getImage(id);
			if (!imp.getTitle().startsWith(prefix)) continue;
			if (imp.getCanvas() == null) return imp.getTitle() + " has no window";
			final java.awt.Rectangle r = imp.getCanvas().getSrcRect();
			return "mag " + (int) imp.getCanvas().getMagnification() + " rect " + r.x + " " + r.y + " " +
				r.width + " " + r.height;
		}
		return "no image " + prefix;
	}

	/**
	 * "x y w h" of the window titled {@code title} (image or table), once the windows have settled
	 * (as a person looks after a click: the events the click set off, such as a zoomed map's
	 * move and the tables following it, are handled first).
	 */
	public static String bounds(final String title) throws Exception {
		for (int round = 0; round < 5; round++) {
			java.awt.Toolkit.getDefaultToolkit().sync();
			EventQueue.invokeAndWait(() -> {});
			Thread.sleep(50);
		}
		final java.awt.Window w = WindowManager.getWindow(title);
		if (w == null) return "no window " + title;
		final java.awt.Rectangle r = w.getBounds();
		return r.x + " " + r.y + " " + r.width + " " + r.height;
	}

	/** Prints a line on standard output. */
	public static String println(final String line) {
		System.out.println(line);
		System.out.flush();
		return line;
	}

	/** Ends ImageJ at once (no "save changes?" questions). */
	public static String exit() {
		System.out.flush();
		Runtime.getRuntime().halt(0);
		return "";
	}
}
