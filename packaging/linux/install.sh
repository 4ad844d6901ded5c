#!/usr/bin/env bash
# Install the Neuraxis bundle for the current user, the XDG way (nothing outside your home):
#
#   bash install.sh [BUNDLE]
#
# BUNDLE is the built one-folder bundle: by default the folder this script sits in when that is a
# bundle (build.sh copies the script there), else dist/neuraxis of the source tree. It is copied
# to $XDG_DATA_HOME/neuraxis (~/.local/share/neuraxis), ~/.local/bin/neuraxis links to its
# launcher, and the menu entry, icons and AppStream metainfo go to ~/.local/share/applications,
# icons/hicolor and metainfo. Run it again to update; uninstall.sh removes it all.
set -euo pipefail

APP_ID="io.github.neuraxis.Neuraxis"
here="$(cd "$(dirname "$0")" && pwd)"
if [ $# -gt 0 ]; then
    bundle="$1"
elif [ -x "$here/neuraxis" ] && [ -d "$here/_internal" ]; then
    bundle="$here"
else
    bundle="$here/../../dist/neuraxis"
fi
if [ ! -x "$bundle/neuraxis" ] || [ ! -d "$bundle/share/applications" ]; then
    echo "install.sh: no Neuraxis bundle at $bundle (build one with: bash packaging/build.sh)" >&2
    exit 1
fi
bundle="$(cd "$bundle" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
bin="$HOME/.local/bin"
target="$data/neuraxis"

# The bundle: copied beside the old one, then swapped in, so a failed copy leaves the old intact.
if [ "$bundle" != "$target" ]; then
    mkdir -p "$data"
    staging="$(mktemp -d "$data/.neuraxis-install.XXXXXX")"
    trap 'rm -rf "$staging"' EXIT
    cp -R "$bundle/." "$staging/"
    chmod 755 "$staging"
    if [ -e "$target" ]; then
        mv "$target" "$staging.old"
    fi
    mv "$staging" "$target"
    rm -rf "$staging.old"
    trap - EXIT
fi

install_file() {  # install_file SOURCE DESTINATION: written beside, then renamed into place
    mkdir -p "$(dirname "$2")"
    cp "$1" "$2.tmp.$$"
    chmod 644 "$2.tmp.$$"
    mv -f "$2.tmp.$$" "$2"
}

# The menu entry starts the installed launcher by its full path, so it works whether or not
# ~/.local/bin is on the desktop session's PATH.
launcher="$target/neuraxis"
quoted="$(printf '%s' "$launcher" | sed -e 's/[\\"`$]/\\\\&/g')"
mkdir -p "$data/applications"
entry="$data/applications/$APP_ID.desktop"
sed -e "s|^Exec=neuraxis|Exec=\"$quoted\"|" -e "s|^TryExec=neuraxis|TryExec=$launcher|" \
    "$target/share/applications/$APP_ID.desktop" > "$entry.tmp.$$"
chmod 644 "$entry.tmp.$$"
mv -f "$entry.tmp.$$" "$entry"
install_file "$target/share/metainfo/$APP_ID.metainfo.xml" "$data/metainfo/$APP_ID.metainfo.xml"
for icon in "$target"/share/icons/hicolor/*/apps/"$APP_ID".*; do
    size="$(basename "$(dirname "$(dirname "$icon")")")"
    install_file "$icon" "$data/icons/hicolor/$size/apps/$(basename "$icon")"
done

mkdir -p "$bin"
if [ -e "$bin/neuraxis" ] && [ ! -L "$bin/neuraxis" ]; then
    echo "install.sh: $bin/neuraxis exists and is not ours (a pip install?); left as it is" >&2
else
    ln -sfn "$launcher" "$bin/neuraxis"
fi

# Desktops read these caches; refresh them when the tools are there.
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
    gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
fi

echo "Neuraxis installed in $target"
echo "  menu entry: $data/applications/$APP_ID.desktop"
case ":$PATH:" in
    *":$bin:"*) echo "  command: neuraxis" ;;
    *) echo "  command: $bin/neuraxis ($bin is not on your PATH; log in again or add it)" ;;
esac
