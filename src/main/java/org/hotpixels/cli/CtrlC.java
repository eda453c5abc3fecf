package org.hotpixels.cli;

/**
 * While open, Ctrl-C (SIGINT/SIGTERM) cancels the given progress and gives the work up to two
 * seconds to stop and remove its temporary files before the JVM exits.
 */
final class CtrlC implements AutoCloseable {

	private final Thread hook;
	private final Thread worker = Thread.currentThread();
	private volatile boolean done;

	private CtrlC(final ConsoleProgress progress) {
		hook = new Thread(() -> {
			if (done) return;
			progress.cancel();
			System.err.println();
			System.err.println("hotpixels: cancelling...");
			try {
				worker.join(2000);
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
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (final IllegalStateException e) {
			// already shutting down: the hook is running and waits for us
		}
	}
}
