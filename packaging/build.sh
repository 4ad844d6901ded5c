#!/usr/bin/env bash
# Build the one-folder bundle dist/neuraxis/ (launcher: dist/neuraxis/neuraxis) with PyInstaller.
#
#   bash packaging/build.sh [--dist DIR] [--work DIR]
#
# It makes its own build environment (WORK/venv) from the package registries, installs Neuraxis
# and PyInstaller into it, renders the icons from packaging/linux/*.svg, freezes the app with
# packaging/neuraxis.spec and prints the bundle's size. The same script runs on Linux, macOS and
# (in Git Bash) Windows. A build environment left by an earlier run is reused only while
# pyproject.toml and the pins below are unchanged; delete WORK to start from nothing.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIST="$ROOT/dist"
WORK="$ROOT/build/packaging"
while [ $# -gt 0 ]; do
    case "$1" in
        --dist) DIST="$2"; shift 2 ;;
        --work) WORK="$2"; shift 2 ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "build.sh: unknown argument: $1 (see: bash packaging/build.sh --help)" >&2; exit 2 ;;
    esac
done
mkdir -p "$DIST" "$WORK"
DIST="$(cd "$DIST" && pwd)"
WORK="$(cd "$WORK" && pwd)"

PYINSTALLER="pyinstaller==6.22.3"
PYTHON="${PYTHON:-python3}"
start=$(date +%s)

case "$(uname -s)" in
    MINGW*|MSYS*|CYGWIN*) BIN="Scripts" ;;
    *) BIN="bin" ;;
esac
VENV="$WORK/venv"
stamp="$(cat "$ROOT/pyproject.toml" "$0" | cksum | cut -d' ' -f1)"
if [ ! -f "$VENV/.neuraxis-stamp" ] || [ "$(cat "$VENV/.neuraxis-stamp")" != "$stamp" ]; then
    echo "== build environment: $VENV"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/$BIN/python" -m pip install --quiet --upgrade pip
    "$VENV/$BIN/python" -m pip install --quiet "$PYINSTALLER"
    echo "$stamp" > "$VENV/.neuraxis-stamp"
else
    echo "== build environment: $VENV (reused: pyproject.toml and the pins are unchanged)"
fi
# The app itself is always reinstalled, so the bundle holds the code of this tree.
"$VENV/$BIN/python" -m pip install --quiet --force-reinstall --no-deps "$ROOT"
"$VENV/$BIN/python" -m pip install --quiet "$ROOT"

echo "== icons"
"$VENV/$BIN/python" "$ROOT/packaging/make_icons.py" "$WORK/icons"

echo "== PyInstaller"
rm -rf "$DIST/neuraxis"
NEURAXIS_ICONS="$WORK/icons" "$VENV/$BIN/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK/pyinstaller" "$ROOT/packaging/neuraxis.spec"

if [ "$(uname -s)" = "Linux" ]; then
    # Desktop integration travels with the bundle, so install.sh works from an unpacked copy.
    share="$DIST/neuraxis/share"
    mkdir -p "$share/applications" "$share/metainfo" "$share/icons"
    cp "$ROOT/packaging/linux/io.github.neuraxis.Neuraxis.desktop" "$share/applications/"
    cp "$ROOT/packaging/linux/io.github.neuraxis.Neuraxis.metainfo.xml" "$share/metainfo/"
    cp -r "$WORK/icons/hicolor" "$share/icons/"
    mkdir -p "$share/icons/hicolor/scalable/apps"
    cp "$ROOT/packaging/linux/io.github.neuraxis.Neuraxis.svg" "$share/icons/hicolor/scalable/apps/"
    cp "$ROOT/packaging/linux/install.sh" "$ROOT/packaging/linux/uninstall.sh" "$DIST/neuraxis/"
fi

if [ "$(uname -s)" = "Linux" ]; then
    # Libraries of the xcb plugin that this machine lacks are not in the bundle either: the
    # machines it runs on need them (the window names them if they are missing).
    absent=""
    for soname in libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb-image.so.0 \
        libxcb-render-util.so.0 libxcb-util.so.1 libxkbcommon-x11.so.0; do
        [ -e "$DIST/neuraxis/_internal/$soname" ] || absent="$absent $soname"
    done
    if [ -n "$absent" ]; then
        echo "== note: not bundled (missing on this build machine):$absent"
    fi
fi

end=$(date +%s)
size_mb=$(du -sm "$DIST/neuraxis" | cut -f1)
files=$(find "$DIST/neuraxis" -type f | wc -l)
echo "== bundle: $DIST/neuraxis, ${size_mb} MB on disk, $files files, built in $((end - start)) s"
