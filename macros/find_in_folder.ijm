// Find Hot Pixels over a folder of images, then save the defect table, the lowest-variance
// table and the variance map next to each other.
//
// Argument, in the style of run() options (asks for the folders when left out):
//   input=[/path/images]      the folder of frames (every image file in it, sorted by name)
//   pattern=*.tif             only files matching this pattern (optional)
//   output=[/path/results]    where hot-pixels.csv, lowest-variance.csv and variance-map.tif go
// e.g.  ImageJ -batch find_in_folder.ijm "input=[/data/d80] output=[/data/d80-results]"
//
// Shorter: run("Find Hot Pixels", "input_folder=[...] output_folder=[...]") saves
// variance.tif, mean.tif, defects.csv and lowest.csv itself.

args = getArgument() + " ";
input = call("ij.Macro.getValue", args, "input", "");
pattern = call("ij.Macro.getValue", args, "pattern", "");
output = call("ij.Macro.getValue", args, "output", "");
if (input == "")
	input = getDirectory("Choose the folder of images");
if (output == "")
	output = getDirectory("Choose a folder for the results");

setBatchMode(true);
run("Find Hot Pixels", "input_folder=[" + input + "] file_pattern=[" + pattern + "] top_n=20 sigma=6");

File.makeDirectory(output);
Table.save(output + File.separator + "hot-pixels.csv", "Hot Pixels");
Table.save(output + File.separator + "lowest-variance.csv", "Lowest Variance");
selectVarianceMap();
saveAs("Tiff", output + File.separator + "variance-map.tif");
print(Table.size("Hot Pixels") + " defects found in " + input + "; results in " + output);

// Selects the variance map ("Variance of FOLDER (N frames)") among the open images.
function selectVarianceMap() {
	for (i = 1; i <= nImages; i++) {
		selectImage(i);
		if (startsWith(getTitle(), "Variance of"))
			return;
	}
	exit("The variance map is not open.");
}
