/**
 * What a find is asked and what it produces, shared by the pipeline and by everything that
 * shows or saves a result: {@link org.hotpixels.find.FindOptions} (threshold, ranking length,
 * threads, colour filter pattern, batch size) and {@link org.hotpixels.find.FindResult}
 * (statistics, defects, the lowest-variance ranking, the frames left out).
 *
 * <pre>{@code
 * FindOptions options = new FindOptions();
 * options.sigma = 5;
 * FindResult r = HotPixelFinder.find(source, options, Progress.NONE);
 * System.out.println(r.defects().size() + " defects in " + r.statistics().frameCount() + " frames");
 * }</pre>
 */
package org.hotpixels.find;
