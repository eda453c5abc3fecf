package org.hotpixels.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.hotpixels.io.AtomicOutput;

/**
 * Ctrl-C (SIGINT/SIGTERM) for the command line. While work is under way ({@link #cancels}), the
 * signal cancels its progress and gives it up to two seconds to stop and remove its temporary
 * files; whatever is still staged then is deleted (never during a commit), and the process exits
 * with 130. After the work (its results committed), a signal only waits for the command line to
 * report the end, and the process exits with the command's own code: 0 means the results were
 * committed, whenever the signal came.
 * <p>
 * In {@code main} one shutdown hook serves the whole run ({@link #process()}); when the command
 * line runs inside another program (tests), a hook is added per piece of work and removed after.
 */
final class CtrlC implements AutoCloseable {

	/** Counted down by the command line's main once the run has ended and been reported. */
	private static final CountDownLatch FINISHED = new CountDownLatch(1);
	private static volatile int exitCode = HotPixelsCli.CANCELLED;
	private static volatile boolean processWide;
	/** The work under way, cancelled by a signal; null between pieces of work. */
	private static volatile ConsoleProgress current;
	/** Set by a signal: work that starts afterwards starts cancelled. */
	private static volatile boolean signalled;

	private final Thread hook;

	private CtrlC(final ConsoleProgress progress) {
		current = progress;
		if (signalled) progress.cancel();
		hook = processWide ? null : new Thread(CtrlC::onSignal, "hotpixels-ctrl-c");
		if (hook != null) Runtime.getRuntime().addShutdownHook(hook);
	}

	/** Called by main: one hook for the whole process, which also sets the exit code. */
	static void process() {
		processWide = true;
		Runtime.getRuntime().addShutdownHook(new Thread(CtrlC::onSignal, "hotpixels-ctrl-c"));
	}

	private static void onSignal() {
		signalled = true;
		final ConsoleProgress progress = current;
		if (progress != null) {
			progress.cancel();
			System.err.println();
			System.err.println("hotpixels: cancelling...");
		}
		boolean ended = false;
		try {
			ended = FINISHED.await(2, TimeUnit.SECONDS);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		if (!processWide) return; // a program using us decides how it ends
		int code = exitCode;
		if (!ended) {
			// the work did not stop in time: delete what it staged and exit as cancelled
			AtomicOutput.abandon(500);
			System.err.println("hotpixels: cancelled; no result was written.");
			code = HotPixelsCli.CANCELLED;
		}
		System.out.flush();
		System.err.flush();
		Runtime.getRuntime().halt(code);
	}

	/** Tells a running Ctrl-C hook that the run has ended with {@code code} and been reported. */
	static void finished(final int code) {
		exitCode = code;
		FINISHED.countDown();
	}

	static CtrlC cancels(final ConsoleProgress progress) {
		return new CtrlC(progress);
	}

	@Override
	public void close() {
		current = null;
		if (hook == null) return;
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (final IllegalStateException e) {
			// already shutting down: the hook is running and waits for us
		}
	}
}
