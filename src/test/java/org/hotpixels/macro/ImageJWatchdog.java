package org.hotpixels.macro;

import java.awt.AWTEvent;
import java.awt.Button;
import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.Component;
import java.awt.Container;
import java.awt.Dialog;
import java.awt.EventQueue;
import java.awt.Label;
import java.awt.TextComponent;
import java.awt.TextField;
import java.awt.Toolkit;
import java.awt.event.ActionEvent;
import java.awt.event.WindowEvent;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;

import javax.swing.JLabel;
import javax.swing.text.JTextComponent;

import ij.Executer;
import ij.ImageJ;
import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;

/**
 * Test launcher for real ImageJ 1 under a virtual display: runs {@code ij.ImageJ.main(args)}
 * (e.g. {@code -batch macro.ijm arg}), but a modal dialog, which would wait forever for a click
 * under Xvfb, is printed ("WATCHDOG dialog 'title': text") and ends the JVM with exit code 3; a
 * run that does not end within {@code watchdog.seconds} prints its threads and exits with 4.
 * <p>
 * Record mode ({@code -Dwatchdog.record="Find Hot Pixels" -Dwatchdog.fill="top_n=5;..."}) runs
 * a menu command with the macro recorder on, fills the command's dialogs by macro key, clicks OK
 * (printing "WATCHDOG confirmed 'title': text" for each), and prints what the recorder wrote.
 */
public final class ImageJWatchdog {

	/** Exit code when a modal dialog opened. */
	public static final int DIALOG = 3;
	/** Exit code when ImageJ did not finish in time. */
	public static final int TIMEOUT = 4;
	/** Printed before a dialog's title and text. */
	public static final String DIALOG_MARK = "WATCHDOG dialog";

	private static final Map<String, String> FILL = new HashMap<>();

	private ImageJWatchdog() {}

	public static void main(final String[] args) throws Exception {
		final String fill = System.getProperty("watchdog.fill", "");
		for (final String pair : fill.split(";"))
			if (pair.contains("=")) FILL.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair
				.indexOf('=') + 1));
		// MouseEvent's static initializer takes the AWT lock; initialized lazily on the event thread
		// (as GuiProbe's synthetic click would) it can deadlock with the X toolkit thread, which
		// holds that lock while it builds the first MouseEvent of a pointer crossing. Initialize it
		// here, before any window exists.
		Class.forName(java.awt.event.MouseEvent.class.getName(), true, ImageJWatchdog.class
			.getClassLoader());
		Toolkit.getDefaultToolkit().addAWTEventListener(event -> {
			if (event.getID() == WindowEvent.WINDOW_OPENED && event.getSource() instanceof Dialog)
				onDialog((Dialog) event.getSource());
		}, AWTEvent.WINDOW_EVENT_MASK);
		startTimer(Integer.getInteger("watchdog.seconds", 90));
		final String record = System.getProperty("watchdog.record");
		if (record == null) ImageJ.main(args);
		else record(record);
	}

	private static void onDialog(final Dialog dialog) {
		final StringBuilder text = new StringBuilder();
		collectText(dialog, text);
		if (!FILL.isEmpty() && dialog instanceof GenericDialog) {
			System.out.println("WATCHDOG confirmed '" + dialog.getTitle() + "': " + text.toString()
				.trim());
			System.out.flush();
			EventQueue.invokeLater(() -> fillAndConfirm((GenericDialog) dialog));
			return;
		}
		System.out.flush();
		System.err.println(DIALOG_MARK + " '" + dialog.getTitle() + "': " + text.toString().trim());
		System.err.flush();
		Runtime.getRuntime().halt(DIALOG);
	}

	private static void collectText(final Component c, final StringBuilder out) {
		String s = null;
		if (c instanceof Label) s = ((Label) c).getText();
		else if (c instanceof TextComponent) s = ((TextComponent) c).getText();
		else if (c instanceof JLabel) s = ((JLabel) c).getText();
		else if (c instanceof JTextComponent) s = ((JTextComponent) c).getText();
		else if (c instanceof Checkbox) s = ((Checkbox) c).getLabel();
		else if (c instanceof ij.gui.MultiLineLabel) s = String.join(" ", (String[]) field(c, "lines"));
		if (s != null && !s.trim().isEmpty()) out.append(s.trim().replace('\n', ' ')).append(' ');
		if (c instanceof Container) for (final Component child : ((Container) c).getComponents())
			collectText(child, out);
	}

	/** Sets each field whose macro key is in {@link #FILL}, then clicks OK. */
	private static void fillAndConfirm(final GenericDialog gd) {
		@SuppressWarnings("unchecked")
		final Map<Object, String> labels = (Map<Object, String>) field(gd, "labels");
		if (labels != null) for (final Map.Entry<Object, String> e : labels.entrySet()) {
			final String value = FILL.get(e.getValue());
			if (value == null) continue;
			final Object c = e.getKey();
			if (c instanceof Checkbox) ((Checkbox) c).setState(Boolean.parseBoolean(value));
			else if (c instanceof Choice) ((Choice) c).select(value);
			else if (c instanceof TextField) ((TextField) c).setText(value);
			else if (c instanceof Container) for (final Component child : ((Container) c).getComponents())
				if (child instanceof TextField) ((TextField) child).setText(value);
		}
		final Button ok = gd.getButtons()[0];
		gd.actionPerformed(new ActionEvent(ok, ActionEvent.ACTION_PERFORMED, ok.getLabel()));
	}

	/** Runs a menu command as a click would, with the recorder on; prints the recording. */
	private static void record(final String command) throws InterruptedException {
		new ImageJ(ImageJ.NO_SHOW); // menus and the ImageJ instance, window hidden
		final Recorder recorder = new Recorder(false);
		new Executer(command, null); // its own thread, named after the command, like a menu click
		Thread.sleep(200);
		for (Thread t; (t = thread(command)) != null;)
			t.join();
		System.out.println("RECORDED " + recorder.getText().trim());
		System.out.flush();
		Runtime.getRuntime().halt(0);
	}

	private static Thread thread(final String name) {
		for (final Thread t : Thread.getAllStackTraces().keySet())
			if (t.getName().equals(name) && t.isAlive()) return t;
		return null;
	}

	private static void startTimer(final int seconds) {
		final Thread timer = new Thread(() -> {
			try {
				Thread.sleep(seconds * 1000L);
			}
			catch (final InterruptedException e) {
				return;
			}
			System.err.println("WATCHDOG timeout: ImageJ did not finish within " + seconds + " s");
			for (final Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
				System.err.println("  thread " + e.getKey().getName());
				for (final StackTraceElement s : e.getValue())
					System.err.println("    at " + s);
			}
			System.err.flush();
			Runtime.getRuntime().halt(TIMEOUT);
		}, "watchdog timer");
		timer.setDaemon(true);
		timer.start();
	}

	private static Object field(final Object o, final String name) {
		for (Class<?> c = o.getClass(); c != null; c = c.getSuperclass())
			try {
				final Field f = c.getDeclaredField(name);
				f.setAccessible(true);
				return f.get(o);
			}
			catch (final NoSuchFieldException e) {
				// look in the superclass
			}
			catch (final IllegalAccessException e) {
				throw new IllegalStateException(e);
			}
		throw new IllegalStateException("no field " + name + " in " + o.getClass());
	}
}
