#!/usr/bin/env bash
# Remove what install.sh installed for the current user:
#
#   bash uninstall.sh
#
# the bundle in $XDG_DATA_HOME/neuraxis (~/.local/share/neuraxis), the ~/.local/bin/neuraxis link
# (only if it points there), the menu entry, the icons and the AppStream metainfo. Neuraxis keeps
# no other files, except a cache that can always be rebuilt (~/.cache/Neuraxis), removed too.
set -euo pipefail

APP_ID="io.github.neuraxis.Neuraxis"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
bin="$HOME/.local/bin"
target="$data/neuraxis"

if [ -L "$bin/neuraxis" ] && [ "$(readlink "$bin/neuraxis")" = "$target/neuraxis" ]; then
    rm -f "$bin/neuraxis"
fi
rm -f "$data/applications/$APP_ID.desktop" "$data/metainfo/$APP_ID.metainfo.xml"
rm -f "$data"/icons/hicolor/*/apps/"$APP_ID".png "$data"/icons/hicolor/*/apps/"$APP_ID".svg
rm -rf "$target" "${XDG_CACHE_HOME:-$HOME/.cache}/Neuraxis"
for folder in "$data"/icons/hicolor/*/apps; do  # the icon folders install.sh made, if now empty
    rmdir "$folder" "$(dirname "$folder")" 2>/dev/null || true
done

if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$data/applications" ]; then
    update-desktop-database -q "$data/applications" || true
fi
if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$data/icons/hicolor" ]; then
    gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
fi
echo "Neuraxis removed from $data"
