// Find Hot Pixels in the open stack (Plugins > Hot Pixels > Find Hot Pixels, no folder).
//
// With no image open, the macro first makes a synthetic series: 20 noisy 8-bit frames of a
// moving pattern, with a stuck pixel at (40, 30) = 120, a hot pixel at (90, 60) = +80 and a
// dead pixel at (15, 100) = 0 (x, y from the top left, 0-based).
//
// Optional argument, in the style of run() options:
//   image=[/path/stack.tif]   open this stack instead (also a virtual stack: add "virtual")
//   output=[/path/folder]     save the "Hot Pixels" table (hot-pixels.csv) and the variance
//                             map (variance-map.tif) there
// e.g.  ImageJ -batch find_in_open_stack.ijm "output=[/tmp/results]"

args = getArgument() + " ";
image = call("ij.Macro.getValue", args, "image", "");
output = call("ij.Macro.getValue", args, "output", "");

if (image != "") {
	if (indexOf(args, "virtual") >= 0)
		run("TIFF Virtual Stack...", "open=[" + image + "]");
	else
		open(image);
	if (is("Virtual Stack"))
		print("Opened " + getTitle() + " as a virtual stack");
} else if (nImages == 0) {
	makeSyntheticSeries(160, 120, 20);
}

run("Find Hot Pixels", "top_n=10 sigma=6");

print("Hot Pixels: " + Table.size("Hot Pixels") + " defects");
for (row = 0; row < Table.size("Hot Pixels"); row++)
	print("  " + Table.getString("kind", row, "Hot Pixels") + " at x=" + Table.get("x", row, "Hot Pixels") + " y=" + Table.get("y", row, "Hot Pixels"));

if (output != "") {
	File.makeDirectory(output);
	Table.save(output + File.separator + "hot-pixels.csv", "Hot Pixels");
	selectImageStartingWith("Variance");
	saveAs("Tiff", output + File.separator + "variance-map.tif");
	print("Saved to " + output);
}

// A synthetic 8-bit series with three planted defects (fixed seed: the same every run).
function makeSyntheticSeries(width, height, frames) {
	random("seed", 1);
	newImage("synthetic series", "8-bit black", width, height, frames);
	run("Macro...", "code=[v = 100 + 40 * sin((x + 7 * z) / 13) + 0.2 * y] stack");
	run("Add Specified Noise...", "stack standard=4");
	for (i = 1; i <= nSlices; i++) {
		setSlice(i);
		setPixel(40, 30, 120);
		setPixel(90, 60, minOf(255, getPixel(90, 60) + 80));
		setPixel(15, 100, 0);
	}
	setSlice(1);
}

// Selects the first image whose title starts with prefix, e.g. "Variance of stack.tif (20 frames)".
function selectImageStartingWith(prefix) {
	for (i = 1; i <= nImages; i++) {
		selectImage(i);
		if (startsWith(getTitle(), prefix))
			return;
	}
	exit("No image titled " + prefix + "...");
}
