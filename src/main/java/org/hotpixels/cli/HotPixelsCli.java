package org.hotpixels.cli;

import java.io.PrintWriter;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.progress.CancelledException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code hotpixels} command line: {@code find}, {@code correct}, {@code demo} and friends.
 * A user's mistake ends with one line on standard error and exit code 1; a usage error with 2;
 * Ctrl-C with 130, leaving no half-written file under a final name.
 */
@Command(name = "hotpixels", mixinStandardHelpOptions = true, versionProvider = Version.class,
	description = "Finds stuck, hot and dead sensor pixels from a series of images, and repairs them.",
	subcommands = { FindCommand.class, CorrectCommand.class, ExportCommand.class,
		MergeCommand.class })
public final class HotPixelsCli implements Runnable {

	/**
	 * The commands of the tools jar ({@code Hot_Pixel_Finder-<version>-tools.jar}, built from
	 * {@code src/tools/java}): present when {@code ./hotpixels} runs, absent from the plugin jars.
	 */
	static final String[] TOOLS = { "org.hotpixels.cli.DemoCommand",
		"org.hotpixels.cli.BenchCommand" };

	/** Exit code for a user's mistake (bad input, existing output). */
	public static final int USER_ERROR = 1;
	/** Exit code for a mistake in the command line itself (an unknown option, a value out of range). */
	public static final int USAGE_ERROR = 2;
	/** Exit code after Ctrl-C. */
	public static final int CANCELLED = 130;

	public static void main(final String[] args) {
		CtrlC.process();
		int code;
		try {
			code = run(args);
		}
		catch (final OutOfMemoryError e) {
			// one line, not a trace; the work's own cleanup has run on the way out
			System.err.println("hotpixels: not enough memory (" + e.getMessage() + "); give Java " +
				"more, e.g. HOTPIXELS_JAVA_OPTS=-Xmx" + Math.max(2, 2 * (Runtime.getRuntime()
					.maxMemory() >> 30)) + "g; no result was written.");
			code = USER_ERROR;
		}
		catch (final Throwable e) {
			System.err.println("hotpixels: internal error (" + e + "); please report it with the " +
				"command line; no result was written.");
			if (System.getenv("HOTPIXELS_DEBUG") != null) e.printStackTrace();
			code = USER_ERROR;
		}
		CtrlC.finished(code);
		System.exit(code);
	}

	/** Runs the command line and returns its exit code (for tests: no System.exit). */
	public static int run(final String... args) {
		final CommandLine cli = new CommandLine(new HotPixelsCli());
		for (final String tool : TOOLS) {
			try {
				cli.addSubcommand(Class.forName(tool));
			}
			catch (final ClassNotFoundException e) {
				// the plugin jar alone: find, correct, export and merge only
			}
		}
		cli.addSubcommand(new CommandLine.HelpCommand());
		cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
			final PrintWriter err = commandLine.getErr();
			if (e instanceof HotPixelsException) {
				err.println("hotpixels: " + e.getMessage());
				return USER_ERROR;
			}
			if (e instanceof CancelledException) {
				err.println("hotpixels: cancelled; no result was written.");
				return CANCELLED;
			}
			// the last resort: a bug of ours is one line too, the trace only when asked for
			err.println("hotpixels: internal error (" + e + "); please report it with the command " +
				"line (HOTPIXELS_DEBUG=1 shows the details).");
			if (System.getenv("HOTPIXELS_DEBUG") != null) e.printStackTrace(err);
			return USER_ERROR;
		});
		cli.setParameterExceptionHandler((e, args2) -> {
			final PrintWriter err = e.getCommandLine().getErr();
			err.println("hotpixels: " + e.getMessage());
			if (!UnmatchedArgumentException.printSuggestions(e, err)) err.println("Try '" + e
				.getCommandLine().getCommandSpec().qualifiedName() + " --help' for the options.");
			return USAGE_ERROR;
		});
		return cli.execute(args);
	}

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(System.out);
	}
}
