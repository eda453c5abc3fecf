// Correct Hot Pixels in every image of a folder, with a defect list saved earlier: defects.csv
// from Find Hot Pixels' output folder, a "Hot Pixels" table saved as CSV, a dcraw -P or
// RawTherapee .badpixels list, a Siril cosmetic list, or a mask image. The corrected copies go
// to another folder under the same names; the originals are not changed.
//
// Argument, in the style of run() options (asks when left out):
//   input=[/path/images]          the folder of images to correct
//   pattern=*.jpg                 only files matching this pattern (optional)
//   defects=[/path/defects.csv]   the defect list
//   output=[/path/corrected]      where the corrected copies go (must not be the input folder)
//   format=same                   same (the input's format), tif or png
// e.g.  ImageJ -batch correct_folder.ijm "input=[/data/d80] defects=[/data/d80-defects/defects.csv] output=[/data/d80-fixed]"

args = getArgument() + " ";
input = call("ij.Macro.getValue", args, "input", "");
pattern = call("ij.Macro.getValue", args, "pattern", "");
defects = call("ij.Macro.getValue", args, "defects", "");
output = call("ij.Macro.getValue", args, "output", "");
format = call("ij.Macro.getValue", args, "format", "same");
if (input == "")
	input = getDirectory("Choose the folder of images to correct");
if (defects == "")
	defects = File.openDialog("Choose the defect list (e.g. defects.csv)");
if (output == "")
	output = getDirectory("Choose an empty folder for the corrected images");

run("Correct Hot Pixels", "input_folder=[" + input + "] file_pattern=[" + pattern + "] defect_file=[" + defects + "] output_folder=[" + output + "] output_format=" + format);

corrected = getFileList(output);
print("Corrected " + corrected.length + " images into " + output);
