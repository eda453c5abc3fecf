#!/usr/bin/env bash
# The cluster recipe of README.md ("Beyond one machine"), run locally: splits a series into PARTS
# parts, runs `find --save-state` on each part in parallel as the tasks of a SLURM job array
# would (each task sees its own SLURM_ARRAY_TASK_ID and writes one state file), merges the
# states, runs one `find` over the whole series, and checks that both give the same results.
#
#   scripts/cluster-recipe.sh INPUT_FOLDER PARTS WORK_FOLDER
#
# HOTPIXELS names the command to run (default: the ./hotpixels launcher next to this folder).
# Exit status 0 when the merged result equals the single pass, 1 when it differs.
set -euo pipefail
if [ $# -ne 3 ]; then
	echo "usage: $0 INPUT_FOLDER PARTS WORK_FOLDER" >&2
	exit 2
fi
input=$1 parts=$2 work=$3
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
read -r -a hotpixels <<< "${HOTPIXELS:-$here/hotpixels}"
mkdir -p "$work"

# The task of one array element: frames [first, last) of the sorted file list, by task id.
# On a cluster this is the body of the sbatch script (README), with SLURM_ARRAY_TASK_ID set by
# SLURM; the state file (.hps) is all that a task must leave for the merge. Each task writes into
# a folder of its own: a run locks the folders it writes to.
task() {
	local id=$SLURM_ARRAY_TASK_ID
	mapfile -t files < <(find "$input" -maxdepth 1 -type f | LC_ALL=C sort)
	local n=${#files[@]} first last
	first=$(( n * id / parts ))
	last=$(( n * (id + 1) / parts ))
	"${hotpixels[@]}" find "${files[@]:first:last-first}" --threads 1 \
		--save-state "$work/part-$id/state.hps" --output "$work/part-$id" --overwrite \
		> "$work/part-$id.log" 2>&1
}

# Emulates `sbatch --array=0-$((parts - 1))`: every task in parallel, each with its own id.
pids=()
for (( id = 0; id < parts; id++ )); do
	SLURM_ARRAY_TASK_ID=$id task &
	pids+=($!)
done
for (( id = 0; id < parts; id++ )); do
	wait "${pids[$id]}" || { echo "task $id failed:" >&2; cat "$work/part-$id.log" >&2; exit 1; }
done

# The job that depends on the array (sbatch --dependency=afterok:JOBID): merge the states.
states=()
for (( id = 0; id < parts; id++ )); do states+=("$work/part-$id/state.hps"); done
"${hotpixels[@]}" merge "${states[@]}" --save-state "$work/merged.hps" --output "$work/merged" \
	--overwrite > "$work/merged.log" 2>&1 || { cat "$work/merged.log" >&2; exit 1; }

# One pass over the whole series, to compare with.
"${hotpixels[@]}" find "$input" --save-state "$work/one-pass.hps" --output "$work/one-pass" \
	--overwrite > "$work/one-pass.log" 2>&1 || { cat "$work/one-pass.log" >&2; exit 1; }

status=0
for f in defects.csv lowest.csv siril-cosmetic.lst variance.tif mean.tif; do
	if cmp -s "$work/merged/$f" "$work/one-pass/$f"; then echo "same: $f"
	else echo "DIFFERENT: $f"; status=1; fi
done
if cmp -s "$work/merged.hps" "$work/one-pass.hps"; then echo "same: the statistics (merged.hps = one-pass.hps)"
else echo "DIFFERENT: the statistics (merged.hps vs one-pass.hps)"; status=1; fi
exit $status
