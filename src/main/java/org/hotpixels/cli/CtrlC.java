package org.hotpixels.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While open, Ctrl-C (SIGINT/SIGTERM) cancels the given progress and gives the work up to two
 * seconds to stop and remove its temporary files before the JVM exits: the JVM exits as soon as
 * this is closed (the work has stopped and cleaned up), not when the main thread ends, since
 * that thread then waits in {@code System.exit} for the shutdown to finish.
 */
final class CtrlC implements AutoCloseable {

	private final Thread hook;
	private final CountDownLatch closed = new CountDownLatch(1);
	private volatile boolean done;

	private CtrlC(final ConsoleProgress progress) {
		hook = new Thread(() -> {
			if (done) return;
			progress.cancel();
			System.err.println();
			System.err.println("hotpixels: cancelling...");
			try {
				closed.await(2, TimeUnit.SECONDS);
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, "hotpixels-ctrl-c");
		Runtime.getRuntime().addShutdownHook(hook);
	}

	static CtrlC cancels(final ConsoleProgress progress) {
		return new CtrlC(progress);
	}

	@Override
	public void close() {
		done = true;
		closed.countDown();
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (final IllegalStateException e) {
			// already shutting down: the hook is running and waits for us
		}
	}
}
