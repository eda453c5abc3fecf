package org.hotpixels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import org.hotpixels.TestSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs README's cluster recipe, {@code scripts/cluster-recipe.sh}: a series split into parts,
 * {@code find --save-state} on each part in parallel as SLURM array tasks, {@code merge}, and
 * the script's own check that the merged results and statistics equal one pass over the series.
 */
class ClusterRecipeTest {

	@TempDir
	Path tmp;

	@Test
	void partsMergedInParallelEqualOnePass() throws Exception {
		final Path script = Paths.get("scripts", "cluster-recipe.sh").toAbsolutePath();
		assumeTrue(Files.isRegularFile(script) && new File("/bin/bash").canExecute(),
			"bash and the script are needed");
		final Path in = tmp.resolve("series");
		TestSeries.writeFolder(in, 11); // parts of 3, 4 and 4 frames
		final String java = System.getProperty("java.home") + File.separator + "bin" + File.separator +
			"java";
		final ProcessBuilder pb = new ProcessBuilder("/bin/bash", script.toString(), in.toString(), "3",
			tmp.resolve("work").toString()).redirectErrorStream(true).redirectOutput(tmp.resolve(
				"recipe.log").toFile());
		pb.environment().put("HOTPIXELS", java + " -Xmx256m -XX:TieredStopAtLevel=1 -cp " + System
			.getProperty("java.class.path") + " " + HotPixelsCli.class.getName());
		final Process p = pb.start();
		assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the recipe timed out");
		final String log = new String(Files.readAllBytes(tmp.resolve("recipe.log")),
			StandardCharsets.UTF_8);
		assertEquals(0, p.exitValue(), log);
		assertTrue(log.contains("same: defects.csv") && log.contains("same: variance.tif") && log
			.contains("same: the statistics"), log);
		for (int id = 0; id < 3; id++)
			assertTrue(Files.isRegularFile(tmp.resolve("work/part-" + id + "/state.hps")));
	}
}
