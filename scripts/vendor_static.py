"""Copy the front-end packages Samskap uses from node_modules into static/vendor.

There is no bundler: Designsystemet's CSS and htmx are served as they ship.
"""

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE = ROOT / "node_modules"
VENDOR = ROOT / "static" / "vendor"

FILES = {
    "@digdir/designsystemet-css/dist/src/index.css": "designsystemet/designsystemet.css",
    "@digdir/designsystemet-theme/brand/digdir.css": "designsystemet/theme.css",
    "htmx.org/dist/htmx.min.js": "htmx/htmx.min.js",
    "leaflet/dist/leaflet.js": "leaflet/leaflet.js",
    "leaflet/dist/leaflet.js.map": "leaflet/leaflet.js.map",  # collectstatic checks references
    "leaflet/dist/leaflet.css": "leaflet/leaflet.css",
}
# Whole folders: Leaflet's stylesheet refers to its marker and layer images relative to itself.
DIRECTORIES = {
    "leaflet/dist/images": "leaflet/images",
}


def main() -> None:
    for source, target in FILES.items():
        destination = VENDOR / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(NODE / source, destination)
        print(f"static/vendor/{target}")
    for source, target in DIRECTORIES.items():
        for path in sorted((NODE / source).iterdir()):
            if path.is_file():
                destination = VENDOR / target / path.name
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, destination)
                print(f"static/vendor/{target}/{path.name}")


if __name__ == "__main__":
    main()
