package org.hotpixels.imagej.ij1;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Frame;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.Window;
import java.awt.image.IndexColorModel;

import ij.ImageListener;
import ij.ImagePlus;
import ij.Prefs;
import ij.WindowManager;
import ij.measure.ResultsTable;
import ij.plugin.LutLoader;
import ij.process.LUT;
import ij.text.TextPanel;
import ij.text.TextWindow;

import org.hotpixels.results.ResultTables;

/**
 * Presents the results of Find Hot Pixels the same way in plain ImageJ and in Fiji: the
 * variance map in the "Fire" lookup table, both maps with the defect overlay, the "Hot Pixels"
 * and "Lowest Variance" tables (published by name whenever there is a display, also in batch
 * macros), placed beside the variance map once it appears and whenever it moves or grows, and rows that mark and
 * zoom to their pixel on both maps when clicked. Fiji shows the maps itself (they are the
 * command's outputs); plain ImageJ asks for them to be shown here.
 *
 * <pre>{@code
 * ResultWindows.present(variance, mean, defects, lowest, true);
 * }</pre>
 */
public final class ResultWindows {

	/** ID of the last image Find Hot Pixels ran on; Correct Hot Pixels offers it first. */
	private static volatile int lastSourceId;

	private ResultWindows() {}

	/**
	 * Colours the variance map, publishes the tables and links their rows to both maps;
	 * {@code showImages}: also shows the maps (mean first, so the variance map is active).
	 */
	public static void present(final ImagePlus variance, final ImagePlus mean,
		final ResultsTable defects, final ResultsTable lowest, final boolean showImages)
	{
		fire(variance);
		if (GraphicsEnvironment.isHeadless()) return; // ImageJ 1 has no named tables without a display
		defects.show(ResultTables.DEFECTS_TITLE);
		lowest.show(ResultTables.LOWEST_TITLE);
		DefectRowSelector.attach(ResultTables.DEFECTS_TITLE, variance, mean);
		DefectRowSelector.attach(ResultTables.LOWEST_TITLE, variance, mean);
		placeTablesWhenShown(variance);
		if (showImages) {
			mean.show();
			variance.show();
		}
	}

	/** Fire keeps the display range: low variance dark, hot pixels and edges bright. */
	static void fire(final ImagePlus imp) {
		final IndexColorModel fire = LutLoader.getLut("fire");
		if (fire == null) return;
		final double min = imp.getDisplayRangeMin(), max = imp.getDisplayRangeMax();
		imp.setLut(new LUT(fire, min, max));
		imp.setDisplayRange(min, max);
	}

	/** Remembers the image Find ran on, for Correct's default target. */
	public static void rememberSource(final ImagePlus image) {
		lastSourceId = image == null ? 0 : image.getID();
	}

	/** The image Find last ran on, if it is still open; else null. */
	public static ImagePlus lastSource() {
		final int id = lastSourceId;
		return id == 0 ? null : WindowManager.getImage(id);
	}

	/**
	 * Moves the tables beside the map's window as soon as it opens (now, if it is open), and again
	 * whenever that window moves or changes size (ImageJ may still place it after it opens, and a
	 * zoom to a clicked defect enlarges it), so that they never cover it.
	 */
	private static void placeTablesWhenShown(final ImagePlus map) {
		if (map.getWindow() != null) {
			placeTables(map);
			follow(map);
			return;
		}
		ImagePlus.addImageListener(new ImageListener() {

			@Override
			public void imageOpened(final ImagePlus imp) {
				if (imp != map) return;
				ImagePlus.removeImageListener(this);
				java.awt.EventQueue.invokeLater(() -> {
					placeTables(map);
					follow(map);
				});
			}

			@Override
			public void imageClosed(final ImagePlus imp) {
				if (imp == map) ImagePlus.removeImageListener(this);
			}

			@Override
			public void imageUpdated(final ImagePlus imp) {}
		});
	}

	/** Narrowest table worth placing beside the map rather than below it, in pixels. */
	private static final int LEAST_BESIDE = 360;

	/** Places the tables again after each move or resize of the map's window. */
	private static void follow(final ImagePlus map) {
		final Window win = map.getWindow();
		if (win == null) return;
		win.addComponentListener(new java.awt.event.ComponentAdapter() {

			@Override
			public void componentMoved(final java.awt.event.ComponentEvent e) {
				placeTables(map);
			}

			@Override
			public void componentResized(final java.awt.event.ComponentEvent e) {
				placeTables(map);
			}
		});
	}

	/**
	 * Each table as wide as its columns need (ImageJ opens tables at most 700 pixels wide), but no
	 * wider than the room beside the map when that is at least {@link #LEAST_BESIDE}; then right
	 * of the map if there is room, else left of it, else below it.
	 */
	private static void placeTables(final ImagePlus map) {
		final Window win = map.getWindow();
		if (win == null) return;
		final Rectangle screen = win.getGraphicsConfiguration().getBounds();
		final Rectangle m = win.getBounds();
		int y = m.y;
		for (final String title : new String[]{ ResultTables.DEFECTS_TITLE,
			ResultTables.LOWEST_TITLE })
		{
			final Frame table = WindowManager.getFrame(title);
			if (table == null) continue;
			// as wide as its columns need, but no wider than the room beside the map where there is
			// a useful width there (its own scroll bar shows the rest), so that it stays beside it
			final int room = Math.max(screen.x + screen.width - (m.x + m.width + 4), m.x - 4 - screen.x);
			if (table instanceof TextWindow) fitWidth((TextWindow) table, room >= LEAST_BESIDE ? room
				: screen.width - 20);
			final Rectangle t = table.getBounds();
			int x = m.x + m.width + 4, ty = y;
			if (x + t.width > screen.x + screen.width) x = m.x - 4 - t.width;
			if (x < screen.x) {
				x = Math.min(m.x, screen.x + screen.width - t.width);
				ty = Math.max(y, m.y + m.height + 4);
			}
			table.setLocation(Math.max(screen.x, x), Math.max(screen.y, Math.min(ty, screen.y +
				screen.height - t.height)));
			y = ty + t.height + 4;
		}
	}

	/** Widens (or narrows) a table window to show all its columns, at most {@code max} wide. */
	private static void fitWidth(final TextWindow window, final int max) {
		final TextPanel panel = window.getTextPanel();
		// the font TextWindow draws with: SansSerif at its remembered size (16 points by default)
		final int[] sizes = { 9, 10, 11, 12, 13, 14, 16, 18, 20, 24, 36, 48, 60, 72 };
		final int size = sizes[Math.max(0, Math.min(sizes.length - 1, (int) Prefs.get("tw.font.size",
			6)))];
		final FontMetrics fm = panel.getFontMetrics(new Font("SansSerif", Font.PLAIN, size));
		final String[] headings = panel.getColumnHeadings().split("\t");
		final int[] widths = new int[headings.length];
		for (int c = 0; c < headings.length; c++)
			widths[c] = fm.stringWidth(headings[c]);
		for (int row = 0; row < Math.min(200, panel.getLineCount()); row++) {
			final String[] cells = panel.getLine(row).split("\t");
			for (int c = 0; c < Math.min(cells.length, widths.length); c++)
				widths[c] = Math.max(widths[c], fm.stringWidth(cells[c]));
		}
		int total = 40; // borders and the scroll bar
		for (final int w : widths)
			total += w + 15; // as TextCanvas pads a column
		window.setSize(Math.min(max, Math.max(180, total)), window.getHeight());
	}
}
