package org.hotpixels.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.hotpixels.ExternalProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.html in a real headless browser (Debian's chromium): every picture decodes, the page
 * renders, and no request leaves the file (all of the browser's traffic goes to a recording
 * proxy, which must see nothing but the browser's own services). The screenshot is kept as
 * target/report-screenshot.png.
 */
class ReportBrowserTest {

	@TempDir
	Path dir;

	@Test
	void rendersOfflineInChromium() throws Exception {
		final Path chromium = ExternalProgram.require("chromium", "chromium");
		final Path page = dir.resolve("report.html");
		try (Writer w = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
			HtmlReport.write(w, ReportFixture.result());
		}
		final List<String> requests = Collections.synchronizedList(new ArrayList<>());
		try (ServerSocket proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			final Thread recorder = new Thread(() -> record(proxy, requests), "proxy");
			recorder.setDaemon(true);
			recorder.start();
			final List<String> common = Arrays.asList(chromium.toString(), "--headless", "--no-sandbox",
				"--disable-gpu", "--no-first-run", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--user-data-dir=" + Files
					.createTempDirectory(dir, "profile"), "--proxy-server=http://127.0.0.1:" + proxy
						.getLocalPort(), "--proxy-bypass-list=<-loopback>");
			final String dom = browse(common, "--dump-dom", page.toUri().toString());
			final Matcher loaded = Pattern.compile("data-images=\"(\\d+) of (\\d+)\"").matcher(dom);
			assertTrue(loaded.find(), "the page's load script did not run:\n" + tail(dom));
			assertEquals(loaded.group(2), loaded.group(1), "pictures that decoded in the browser");
			assertEquals("10", loaded.group(2));

			final Path shot = dir.resolve("shot.png");
			browse(common, "--window-size=1400,2000", "--screenshot=" + shot, page.toUri().toString());
			final BufferedImage img = ImageIO.read(shot.toFile());
			assertNotNull(img, "no screenshot");
			assertEquals(1400, img.getWidth());
			assertTrue(colours(img) > 50, "the screenshot is nearly blank");
			final Path keep = Paths.get("target", "report-screenshot.png");
			Files.createDirectories(keep.getParent());
			Files.copy(shot, keep, StandardCopyOption.REPLACE_EXISTING);
		}
		final List<String> fromPage = new ArrayList<>();
		for (final String r : requests)
			if (!BROWSER_SERVICES.contains(host(r))) fromPage.add(r);
		assertEquals(Collections.emptyList(), fromPage, "requests that left the page");
	}

	/**
	 * Hosts Debian's Chromium 156 contacts on its own even with background networking, sync and
	 * component updates disabled, for an empty page as for ours: its network time query, its
	 * component updater and its account service. Anything else would come from the page.
	 */
	private static final java.util.Set<String> BROWSER_SERVICES = new java.util.HashSet<>(Arrays
		.asList("clients2.google.com", "update.googleapis.com", "accounts.google.com"));

	/** The host of a proxy request line ("CONNECT host:443 ..." or "GET http://host/... ..."). */
	static String host(final String requestLine) {
		final String[] f = requestLine.split(" ");
		if (f.length < 2) return requestLine;
		String target = f[1].replaceFirst("^[a-zA-Z]+://", "");
		final int slash = target.indexOf('/');
		if (slash >= 0) target = target.substring(0, slash);
		final int colon = target.lastIndexOf(':');
		return colon >= 0 ? target.substring(0, colon) : target;
	}

	private String browse(final List<String> common, final String... more) throws Exception {
		final List<String> command = new ArrayList<>(common);
		command.addAll(Arrays.asList(more));
		return ExternalProgram.run(dir, 120, command.toArray(new String[0]));
	}

	/**
	 * Records the request line of every connection to the proxy, then closes it. A connection
	 * that sends no request (the browser opens spare ones ahead of its own traffic) asks for
	 * nothing and is not recorded.
	 */
	private static void record(final ServerSocket proxy, final List<String> requests) {
		while (!proxy.isClosed()) {
			try (Socket s = proxy.accept()) {
				s.setSoTimeout(2000);
				final String line = new BufferedReader(new InputStreamReader(s.getInputStream(),
					StandardCharsets.ISO_8859_1)).readLine();
				if (line != null && !line.isEmpty()) requests.add(line);
			}
			catch (final IOException e) {
				// closed, or silent until the timeout: no request
			}
		}
	}

	/** Distinct colours in a sample of the picture. */
	private static int colours(final BufferedImage img) {
		final java.util.Set<Integer> seen = new java.util.HashSet<>();
		for (int y = 0; y < img.getHeight(); y += 7)
			for (int x = 0; x < img.getWidth(); x += 7)
				seen.add(img.getRGB(x, y));
		return seen.size();
	}

	private static String tail(final String s) {
		return s.length() < 3000 ? s : s.substring(s.length() - 3000);
	}
}
