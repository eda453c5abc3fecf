package org.hotpixels.imagej.ij1;

import java.awt.Frame;
import java.awt.Rectangle;
import java.awt.event.KeyAdapter;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.Map;
import java.util.WeakHashMap;

import ij.ImagePlus;
import ij.WindowManager;
import ij.gui.ImageCanvas;
import ij.gui.PointRoi;
import ij.measure.ResultsTable;
import ij.text.TextPanel;
import ij.text.TextWindow;
import ij.util.Tools;

/**
 * Clicking a row of a defect table (or moving through it with the arrow keys) marks that pixel
 * with a point selection on each map, on the slice of its channel, and zooms in on it (to 8x, or
 * more if already closer). Reads x, y and channel of the row from the table itself, so a sorted
 * table still points at the right pixel.
 */
final class DefectRowSelector {

	/** One selector per table window; a new run re-targets it to the new map. */
	private static final Map<TextPanel, DefectRowSelector> SELECTORS = new WeakHashMap<>();

	private final TextPanel panel;
	private volatile ImagePlus[] maps = new ImagePlus[0];

	private DefectRowSelector(final TextPanel panel) {
		this.panel = panel;
		panel.addMouseListener(new MouseAdapter() {

			@Override
			public void mouseReleased(final MouseEvent e) {
				select();
			}
		});
		panel.addKeyListener(new KeyAdapter() {

			@Override
			public void keyReleased(final KeyEvent e) {
				if (e.getKeyCode() == KeyEvent.VK_UP || e.getKeyCode() == KeyEvent.VK_DOWN) select();
			}
		});
	}

	/** Links the table window titled {@code tableTitle}, if it is shown, to {@code maps}. */
	static synchronized void attach(final String tableTitle, final ImagePlus... maps) {
		final Frame frame = WindowManager.getFrame(tableTitle);
		if (!(frame instanceof TextWindow)) return;
		final TextPanel panel = ((TextWindow) frame).getTextPanel();
		DefectRowSelector selector = SELECTORS.get(panel);
		if (selector == null) SELECTORS.put(panel, selector = new DefectRowSelector(panel));
		selector.maps = maps.clone();
	}

	private void select() {
		final ResultsTable table = panel.getResultsTable();
		final int row = panel.getSelectionStart();
		if (table == null || row < 0 || row >= table.size() || !table.columnExists("x") || !table
			.columnExists("y")) return;
		final int x = (int) table.getValue("x", row), y = (int) table.getValue("y", row);
		final int channel = channel(table, row);
		for (final ImagePlus target : maps) {
			if (target.getWindow() == null) continue;
			if (channel >= 0 && channel < target.getStackSize()) target.setSlice(channel + 1);
			target.setRoi(new PointRoi(x + 0.5, y + 0.5));
			zoomTo(target, x, y);
		}
	}

	/** Centres the window on (x, y) at 8x zoom, or the current zoom if closer. */
	static void zoomTo(final ImagePlus imp, final int x, final int y) {
		final ImageCanvas ic = imp.getCanvas();
		if (ic == null) return;
		final double mag = Math.max(8, ic.getMagnification());
		final int w = (int) Math.max(1, Math.min(imp.getWidth(), Math.ceil(ic.getWidth() / mag)));
		final int h = (int) Math.max(1, Math.min(imp.getHeight(), Math.ceil(ic.getHeight() / mag)));
		final int left = Math.max(0, Math.min(imp.getWidth() - w, x - w / 2));
		final int top = Math.max(0, Math.min(imp.getHeight() - h, y - h / 2));
		ic.setSourceRect(new Rectangle(left, top, w, h));
		ic.setMagnification(mag);
		ic.repaint();
	}

	/** 0-based channel of the row, or -1 for "all" or no channel column. */
	private static int channel(final ResultsTable table, final int row) {
		if (!table.columnExists("channel")) return -1;
		final double c = Tools.parseDouble(table.getStringValue("channel", row));
		return Double.isNaN(c) ? -1 : (int) c;
	}
}
