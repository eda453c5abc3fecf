/**
 * How long core work talks back to whoever started it, the bottom layer every package may use:
 * {@link org.hotpixels.progress.Progress} (progress and the user's wish to stop; front ends
 * adapt it to ImageJ's status bar, SciJava's {@code StatusService} or a console line),
 * {@link org.hotpixels.progress.CancelledException} when the user stopped, and
 * {@link org.hotpixels.progress.HotPixelsException}, a user's mistake told in one sentence.
 *
 * <pre>{@code
 * Progress p = (done, total, message) -> System.err.printf("%s %d/%d%n", message, done, total);
 * try {
 *     HotPixelFinder.run(request, p);
 * }
 * catch (HotPixelsException e) {
 *     System.err.println(e.getMessage()); // "frame_007.tif: is 16-bit 640x480, but ..."
 * }
 * }</pre>
 */
package org.hotpixels.progress;
