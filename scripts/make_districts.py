"""Build the gazetteer's districts (nlp/lexicon/divisions.tsv, nlp/lexicon/district_codes.tsv).

Sources, each read from a local clone of its public repository (pass the clones' paths):
- districts of Russia: the OpenStreetMap district outlines of `timurkanaz/Russia_geojson_OSM`
  (© OpenStreetMap contributors, ODbL): Russian name, region, and the outline's centroid;
- districts of Belarus: the list in scripts/data/raions_by.tsv (the official division: facts), with
  their OpenStreetMap relation ids (© OpenStreetMap contributors, ODbL) as the OSM Belarus
  community lists them (`OsmBelarus/Tools`, nazvy/vioski/padziel.csv at b6d0504), Wikidata ids and
  points from `dr5hn/countries-states-cities-database` (ODbL), else the point of the district's
  centre from nlp/lexicon/places.tsv (GeoNames, CC BY 4.0);
- Wikidata ids of the regions of Russia and Belarus: dr5hn's csv/states.csv (ODbL);
- the district outlines the map draws (graph/web/static/districts.geojson: Smolensk oblast and its Russian
  neighbours, simplified): the same OpenStreetMap outlines (ODbL);
- OKTMO codes of Russian districts whose centre is a town: `hflabs/city` (CC BY-SA 4.0); kept apart
  in district_codes.tsv so that each file has one licence.

    python scripts/make_districts.py --osm-russia ../Russia_geojson_OSM --osm-belarus ../Tools \\
        --dr5hn ../countries-states-cities-database --hflabs ../city
"""

from __future__ import annotations

import argparse
import csv
import difflib
import io
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.gazetteer.countries import fold  # noqa: E402
from nlp.resources import read_table  # noqa: E402

LEXICON = ROOT / "nlp" / "lexicon"
OUTLINES = ROOT / "graph" / "web" / "static" / "districts.geojson"
# the regions whose district outlines the map draws: Smolensk and its Russian neighbours
OUTLINED = ("RU-SMO", "RU-BRY", "RU-KLU", "RU-TVE", "RU-PSK")
TOLERANCE = 0.004  # degrees (~300 m): simplified outlines, a few hundred kilobytes
BELARUS_REGIONS = {"Брэсцкая": "BY-BR", "Віцебская": "BY-VI", "Гомельская": "BY-HO", "Гродзенская": "BY-HR",
                   "Магілёўская": "BY-MA", "Мінская": "BY-MI"}
PADZIEL_COMMIT = "b6d0504"


def git_file(repo: Path, path: str, commit: str = "HEAD") -> str:
    """A file of a clone as committed (works on bare mirrors and work trees alike)."""
    return subprocess.run(["git", "-C", str(repo), "show", f"{commit}:{path}"], capture_output=True,
                          check=True).stdout.decode("utf-8")


def git_paths(repo: Path, under: str) -> list[str]:
    listing = subprocess.run(["git", "-C", str(repo), "ls-tree", "-r", "--name-only", "-z", "HEAD", under],
                             capture_output=True, check=True).stdout.decode("utf-8")
    return [p for p in listing.split("\0") if p]


def regions_by_name() -> dict[str, str]:
    """Folded Russian name of a region of Russia or Belarus -> its ISO 3166-2 code (from places.tsv)."""
    return {fold(row[0]): row[7].removeprefix("iso3166-2:") for row in read_table(LEXICON / "places.tsv")
            if row[2] in ("region", "city") and row[7].startswith("iso3166-2:")}


def region_code(name: str, regions: dict[str, str]) -> str | None:
    """The ISO code of a region named in a file name, also when written otherwise ("Чувашская Республика -
    Чувашия", "Республика Адыгея (Адыгея)"): by its distinctive words."""
    if fold(name) in regions:
        return regions[fold(name)]
    words = {w for w in re.findall(r"[а-яё]{5,}", fold(name)) if w not in ("республика", "область")}
    found = {code for known, code in regions.items() if words & set(re.findall(r"[а-яё]{5,}", known))}
    return found.pop() if len(found) == 1 else None


def centroid(geometry: dict) -> tuple[float, float]:
    """Area-weighted centroid (latitude, longitude) of a polygon's or multipolygon's outer rings."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    total = cx = cy = 0.0
    for polygon in polygons:
        ring = polygon[0]
        for (x0, y0), (x1, y1) in zip(ring, ring[1:], strict=False):
            cross = x0 * y1 - x1 * y0
            total += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
    if not total:
        xs, ys = zip(*polygons[0][0], strict=True)
        return sum(ys) / len(ys), sum(xs) / len(xs)
    return cy / (3 * total), cx / (3 * total)


def simplify(ring: list[list[float]], tolerance: float = TOLERANCE) -> list[list[float]]:
    """Douglas–Peucker: the ring's points that keep it within `tolerance` of the original. A closed ring is
    cut in two at its point farthest from the start (a chord of length 0 would keep every point)."""
    if len(ring) < 5:
        return ring
    if ring[0] == ring[-1]:
        x0, y0 = ring[0]
        cut = max(range(len(ring)), key=lambda i: (ring[i][0] - x0) ** 2 + (ring[i][1] - y0) ** 2)
        return simplify(ring[:cut + 1], tolerance) + simplify(ring[cut:], tolerance)[1:]
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        (x0, y0), (x1, y1) = ring[first], ring[last]
        length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 or 1e-12
        far, index = 0.0, first
        for i in range(first + 1, last):
            x, y = ring[i]
            distance = abs((x1 - x0) * (y0 - y) - (x0 - x) * (y1 - y0)) / length
            if distance > far:
                far, index = distance, i
        if far > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    kept = [[round(x, 4), round(y, 4)] for (x, y), k in zip(ring, keep, strict=True) if k]
    return kept if len(kept) >= 4 else [[round(x, 4), round(y, 4)] for x, y in ring]


def outline(geometry: dict) -> dict:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    simplified = [[simplify(ring) for ring in polygon[:1]] for polygon in polygons]  # outer rings: no holes
    return {"type": "MultiPolygon", "coordinates": simplified}


def russian_districts(repo: Path, regions: dict[str, str], outlines: list[dict]) -> list[list[str]]:
    rows = []
    for path in git_paths(repo, "GeoJson's/Regions"):
        region_name = Path(path).name.split("_")[0]
        code = region_code(region_name, regions)
        try:
            data = json.loads(git_file(repo, path))
        except (json.JSONDecodeError, subprocess.CalledProcessError):
            print(f"skipped (not readable): {path}", file=sys.stderr)
            continue
        if code is None:
            print(f"skipped (region unknown): {region_name}", file=sys.stderr)
            continue
        for feature in data["features"]:
            name = re.sub(r"\s+", " ", feature["properties"]["district"]).strip().replace("ё", "е")
            if not name.endswith(" район"):
                continue  # urban okrugs are towns: GeoNames has them
            lat, lon = centroid(feature["geometry"])
            rows.append([name, "district", "RU", code, f"{lat:.4f}", f"{lon:.4f}", "", "centroid"])
            if code in OUTLINED:
                outlines.append({"type": "Feature", "properties": {"name": name, "region": code},
                                 "geometry": outline(feature["geometry"])})
    return rows


def _sound(name: str) -> str:
    """A rough common spelling of a Belarusian or Russian district name, to pair the two."""
    text = name.lower().replace("дз", "д").replace("'", "")
    for source, target in (("іиы", "i"), ("аоя", "a"), ("еэё", "e"), ("ў", "в"), ("ь", "")):
        for letter in source:
            text = text.replace(letter, target)
    return text


def belarusian_districts(osm: Path, dr5hn: Path, places: dict[str, tuple[str, str]]) -> list[list[str]]:
    listed = [row for row in read_table(ROOT / "scripts" / "data" / "raions_by.tsv")]
    relations: dict[tuple[str, str], str] = {}
    names_be: dict[tuple[str, str], tuple[str, ...]] = {}
    for row in csv.reader(io.StringIO(git_file(osm, "nazvy/vioski/padziel.csv", PADZIEL_COMMIT)), delimiter="\t"):
        if len(row) >= 3 and row[0] in BELARUS_REGIONS and row[1]:
            region = BELARUS_REGIONS[row[0]]
            candidates = [r[1] for r in listed if r[0] == region and (region, r[1]) not in relations]
            best = difflib.get_close_matches(_sound(row[1] + " район"), [_sound(c) for c in candidates], 1, 0.6)
            if not best:
                raise SystemExit(f"padziel.csv: no Russian name for {row[1]} ({region})")
            russian = candidates[[_sound(c) for c in candidates].index(best[0])]
            relations[(region, russian)] = row[2]
            names_be[(region, russian)] = (f"{row[1]} раён", row[4].rstrip("*").strip())
    cities = json.loads(git_file(dr5hn, "contributions/cities/BY.json"))
    qid_count: dict[str, int] = {}
    for city in cities:
        qid_count[city.get("wikiDataId") or ""] = qid_count.get(city.get("wikiDataId") or "", 0) + 1
    by_native = {(f"BY-{c['state_code']}", c["native"].replace("i", "і")): c for c in cities if "Rayon" in c["name"]}
    rows = []
    for region, name, centre in listed:
        record = next((by_native[(region, be)] for be in names_be.get((region, name), ()) if (region, be) in by_native),
                      None)
        ids = []
        if record and record.get("wikiDataId") and qid_count[record["wikiDataId"]] == 1:
            ids.append(f"wikidata:{record['wikiDataId']}")
        if (region, name) in relations:
            ids.append(f"osm:relation/{relations[(region, name)]}")
        if record:
            point, how = (f"{float(record['latitude']):.4f}", f"{float(record['longitude']):.4f}"), "dr5hn"
        elif fold(centre) in places:
            point, how = places[fold(centre)], "centre"
        else:
            raise SystemExit(f"raions_by.tsv: no point for {name} (centre {centre})")
        rows.append([name, "district", "BY", region, *point, " ".join(ids), how])
    return rows


def region_ids(dr5hn: Path) -> list[list[str]]:
    rows = []
    for row in csv.DictReader(io.StringIO(git_file(dr5hn, "csv/states.csv"))):
        if row["country_code"] in ("RU", "BY") and row["wikiDataId"] and row["iso3166_2"]:
            rows.append(["", "region", row["country_code"], row["iso3166_2"], "", "", f"wikidata:{row['wikiDataId']}",
                         ""])
    return rows


def oktmo_codes(repo: Path, regions: dict[str, str]) -> list[list[str]]:
    """OKTMO of a municipal district = its centre town's code cut to the district (8 digits, last three 0)."""
    suffix = {"обл": "область", "край": "край", "Респ": "республика", "АО": "автономный округ",
              "Аобл": "автономная область"}
    rows = {}
    for town in csv.DictReader(io.StringIO(git_file(repo, "city.csv"))):
        if town["area_type"] != "р-н" or town["capital_marker"] != "1" or len(town["oktmo"]) < 8:
            continue
        kind = suffix.get(town["region_type"], "")
        code = regions.get(fold(f"{town['region']} {kind}")) or regions.get(fold(f"{kind} {town['region']}")) \
            or regions.get(fold(town["region"]))
        if code is None:
            continue
        name = f"{town['area']} район".replace("ё", "е")
        rows[(code, name)] = [code, name, town["oktmo"][:5] + "000"]
    return sorted(rows.values())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--osm-russia", type=Path, required=True)
    parser.add_argument("--osm-belarus", type=Path, required=True)
    parser.add_argument("--dr5hn", type=Path, required=True)
    parser.add_argument("--hflabs", type=Path, required=True)
    args = parser.parse_args()
    regions = regions_by_name()
    places = {}
    for row in read_table(LEXICON / "places.tsv"):
        if row[3] == "BY" and row[2] == "city" and row[5]:
            for form in [row[0], *filter(None, row[1].split(","))]:
                places.setdefault(fold(form), (row[5], row[6]))
    outlines: list[dict] = []
    table = region_ids(args.dr5hn) + russian_districts(args.osm_russia, regions, outlines) \
        + belarusian_districts(args.osm_belarus, args.dr5hn, places)
    OUTLINES.write_text(json.dumps({
        "type": "FeatureCollection",
        "licence": "ODbL 1.0; © OpenStreetMap contributors (via timurkanaz/Russia_geojson_OSM), simplified by "
                   "scripts/make_districts.py",
        "features": outlines}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    header = [
        "# Administrative divisions: districts of Russia and Belarus, and the regions' Wikidata ids.",
        "# name, kind, country, region (ISO 3166-2: the district's region, or the region itself), latitude, "
        "longitude, ids, what the point is",
        "# Licence: ODbL 1.0 (https://opendatacommons.org/licenses/odbl/1-0/). Sources:",
        "# Russian districts: outlines of timurkanaz/Russia_geojson_OSM, © OpenStreetMap contributors (centroids);",
        "# Belarusian districts: scripts/data/raions_by.tsv; OSM relation ids © OpenStreetMap contributors;",
        "# Wikidata ids and points: dr5hn/countries-states-cities-database (ODbL); else the centre's GeoNames point.",
        "# Generated by scripts/make_districts.py. Do not edit by hand.",
    ]
    (LEXICON / "divisions.tsv").write_text("\n".join(header + ["\t".join(r) for r in table]) + "\n", "utf-8")
    codes = oktmo_codes(args.hflabs, regions)
    header = [
        "# OKTMO codes of Russian municipal districts: region (ISO 3166-2), district, OKTMO.",
        "# Licence: CC BY-SA 4.0. Source: hflabs/city (© HFLabs, data from DaData.ru): the OKTMO of each district's",
        "# centre town, cut to the district. Generated by scripts/make_districts.py. Do not edit by hand.",
    ]
    (LEXICON / "district_codes.tsv").write_text("\n".join(header + ["\t".join(r) for r in codes]) + "\n", "utf-8")
    print(f"{len(table)} divisions, {len(codes)} OKTMO codes -> {LEXICON}; {len(outlines)} outlines -> {OUTLINES}")


if __name__ == "__main__":
    main()
