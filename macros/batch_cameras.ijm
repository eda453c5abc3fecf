// Find Hot Pixels for several cameras: one sub-folder of frames per camera, e.g.
//   cameras/d80/*.jpg, cameras/gh5/*.tif, ...
// Each camera's results (variance.tif, mean.tif, defects.csv, lowest.csv) go to
// output/<camera>/, and output/summary.csv counts the defects of each kind per camera.
//
// Argument, in the style of run() options (asks for the folders when left out):
//   cameras=[/path/cameras]   the folder holding one sub-folder per camera
//   output=[/path/results]    where the per-camera folders and summary.csv go
// e.g.  ImageJ -batch batch_cameras.ijm "cameras=[/data/cameras] output=[/data/defects]"

args = getArgument() + " ";
cameras = call("ij.Macro.getValue", args, "cameras", "");
output = call("ij.Macro.getValue", args, "output", "");
if (cameras == "")
	cameras = getDirectory("Choose the folder with one sub-folder per camera");
if (output == "")
	output = getDirectory("Choose a folder for the results");

setBatchMode(true);
File.makeDirectory(output);
summary = "Cameras";
Table.create(summary);
names = getFileList(cameras);
row = 0;
for (i = 0; i < names.length; i++) {
	if (!endsWith(names[i], "/"))
		continue; // a file, not a camera folder
	camera = substring(names[i], 0, lengthOf(names[i]) - 1);
	showStatus("Camera " + (i + 1) + "/" + names.length + ": " + camera);
	run("Find Hot Pixels", "input_folder=[" + cameras + File.separator + camera + "] top_n=10 sigma=6 output_folder=[" + output + File.separator + camera + "]");
	Table.set("camera", row, camera, summary);
	Table.set("defects", row, Table.size("Hot Pixels"), summary);
	Table.set("stuck", row, countKind("stuck"), summary);
	Table.set("hot", row, countKind("hot"), summary);
	Table.set("dead", row, countKind("dead"), summary);
	Table.set("cold", row, countKind("cold"), summary);
	row++;
	close("Variance of *");
	close("Mean of *");
}
Table.update(summary);
Table.save(output + File.separator + "summary.csv", summary);
print(row + " cameras; summary in " + output + File.separator + "summary.csv");

// Number of rows of the "Hot Pixels" table whose kind is the given one.
function countKind(kind) {
	n = 0;
	for (r = 0; r < Table.size("Hot Pixels"); r++)
		if (Table.getString("kind", r, "Hot Pixels") == kind)
			n++;
	return n;
}
