#!/usr/bin/env bash
# Evaluates detection on series cut from real photographs (JPEG q85/q90/q95 with 4:2:0 chroma,
# and lossless) and on hard dark frames; writes Markdown tables to target/real-eval/results.md.
# Usage: eval/real-photos.sh [--quick] [--only photos|darks|current|current:photos|current:darks]
#        [--sigma S] [--out FILE]
# "current": the series of the detection issue (JPEG q92 4:2:0 with one-channel defects at 30/60/100
# frames, lossless, a fixed scene of 100 frames, 40 dark frames 16-bit and float at 1024x1024).
# Needs: Java, Maven (offline once dependencies are cached), and the Debian wallpaper packages
# with real photographs, which it installs when missing (as root, or through sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(mate-backgrounds plasma-workspace-wallpapers)
missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
	echo "Installing ${missing[*]} (real photographs)"
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo="sudo"
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}" >/dev/null
fi

mvn_flags=(-B -q)
[ -d "$HOME/.m2/repository/net/imagej/ij" ] && mvn_flags+=(-o)
mvn "${mvn_flags[@]}" test-compile
mvn "${mvn_flags[@]}" dependency:build-classpath -Dmdep.outputFile=target/eval-classpath.txt >/dev/null

exec java -Xmx6g -cp "target/classes:target/test-classes:$(cat target/eval-classpath.txt)" \
	org.hotpixels.eval.RealEvaluation "$@"
