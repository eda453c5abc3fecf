package org.hotpixels.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While open, Ctrl-C (SIGINT/SIGTERM) cancels the given progress and gives the work up to two
 * seconds to stop and remove its temporary files before the JVM exits. The JVM exits as soon as
 * the command line has reported the end ({@link #finished()}, just before {@code System.exit}),
 * not when the main thread ends: that thread then waits in {@code System.exit} for the shutdown.
 */
final class CtrlC implements AutoCloseable {

	private final Thread hook;
	/** Counted down by the command line's main once the run has ended and been reported. */
	private static final CountDownLatch FINISHED = new CountDownLatch(1);
	private volatile boolean done;

	private CtrlC(final ConsoleProgress progress) {
		hook = new Thread(() -> {
			if (done) return;
			progress.cancel();
			System.err.println();
			System.err.println("hotpixels: cancelling...");
			try {
				FINISHED.await(2, TimeUnit.SECONDS);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "hotpixels-ctrl-c");
		Runtime.getRuntime().addShutdownHook(hook);
	}

	/** Tells a running Ctrl-C hook that the work has stopped and its end has been printed. */
	static void finished() {
		FINISHED.countDown();
	}

	static CtrlC cancels(final ConsoleProgress progress) {
		return new CtrlC(progress);
	}

	@Override
	public void close() {
		done = true;
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (final IllegalStateException e) {
			// already shutting down: the hook is running and waits for us
		}
	}
}
