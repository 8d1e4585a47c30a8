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
}


def main() -> None:
    for source, target in FILES.items():
        destination = VENDOR / target
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(NODE / source, destination)
        print(f"static/vendor/{target}")


if __name__ == "__main__":
    main()
