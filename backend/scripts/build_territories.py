"""Build Levier's territory reference file from Etalab's découpage administratif.

Usage: npm pack @etalab/decoupage-administratif@6.0.0 && tar xzf etalab-*.tgz
       python scripts/build_territories.py package/data levier/territories/data/
Keeps regions, departments, current communes and municipal arrondissements
(Paris, Lyon, Marseille), which are the INSEE codes organisations and addresses use.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from pathlib import Path

SOURCE_VERSION = "etalab-decoupage-administratif-6.0.0"


def main(source: Path, target: Path) -> None:
    regions = json.loads((source / "regions.json").read_text())
    departments = json.loads((source / "departements.json").read_text())
    communes = json.loads((source / "communes.json").read_text())
    path = target / f"territories-{SOURCE_VERSION}.csv.gz"
    with gzip.open(path, "wt", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["level", "code", "name", "department_code", "region_code", "postal_codes"])
        for region in sorted(regions, key=lambda r: r["code"]):
            writer.writerow(["region", region["code"], region["nom"], "", "", ""])
        for dep in sorted(departments, key=lambda d: d["code"]):
            writer.writerow(["department", dep["code"], dep["nom"], "", dep["region"], ""])
        kept = {"commune-actuelle", "arrondissement-municipal"}
        for commune in sorted(communes, key=lambda c: c["code"]):
            if commune["type"] not in kept:
                continue
            writer.writerow(
                [
                    "commune",
                    commune["code"],
                    commune["nom"],
                    commune["departement"],
                    commune["region"],
                    " ".join(commune.get("codesPostaux", [])),
                ]
            )
    print(f"wrote {path}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
