"""Writers for the lane atlas: a distance matrix (CSV, Parquet) and lane features
(GeoPackage, GeoParquet, CSV with a WKT column). Every write is atomic
(:func:`geo.fileio.atomic_output`): a reader never sees a half-written file."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo.errors import ExportError
from geo.fileio import atomic_output
from geo.i18n import N_, Listed

MATRIX_FORMATS: tuple[str, ...] = (".csv", ".parquet")
LANES_FORMATS: tuple[str, ...] = (".gpkg", ".parquet", ".csv")
LANES_LAYER = "lanes"


def check_suffix(path: Path | str, accepted: tuple[str, ...]) -> Path:
    """``path`` as a Path if its extension is accepted and its folder exists, else
    :class:`~geo.errors.ExportError` naming the extension and the accepted ones."""
    path = Path(path)
    if path.suffix.lower() not in accepted:
        raise ExportError(
            N_(
                "cannot write {name!r}: extension {suffix!r} is not accepted; use {accepted}",
                name=path.name[:80],
                suffix=path.suffix or "(none)",
                accepted=Listed(accepted),
            )
        )
    if not path.parent.is_dir():
        raise ExportError(
            N_(
                "cannot write {path}: the folder {folder} does not exist",
                path=path,
                folder=path.parent,
            )
        )
    return path


def write_matrix(frame: pd.DataFrame, path: Path | str) -> Path:
    """Write a square matrix (index ``origin``, one column per port, values in nm).

    ``.csv``: a header row ``origin,<code>,...``, one row per origin, nm to 0.01, an empty
    cell where there is no route. ``.parquet``: the same table, full precision, ``origin`` as
    a column. Raises :class:`~geo.errors.ExportError` for another extension.
    """
    path = check_suffix(path, MATRIX_FORMATS)
    table = frame.reset_index()
    with atomic_output(path) as tmp:
        if path.suffix.lower() == ".csv":
            table.round(2).to_csv(tmp, index=False, float_format="%.2f")
        else:
            table.to_parquet(tmp, index=False)
    return path


def write_lanes(gdf: gpd.GeoDataFrame, path: Path | str) -> Path:
    """Write lane features: ``.gpkg`` (layer ``lanes``), ``.parquet`` (GeoParquet) or
    ``.csv`` (geometry as WKT in a last column ``WKT``, which GDAL reads as the geometry).
    Raises :class:`~geo.errors.ExportError` for another extension."""
    path = check_suffix(path, LANES_FORMATS)
    suffix = path.suffix.lower()
    with atomic_output(path) as tmp:
        if suffix == ".gpkg":
            gdf.to_file(tmp, layer=LANES_LAYER, driver="GPKG")
        elif suffix == ".parquet":
            gdf.to_parquet(tmp, index=False)
        else:
            table = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
            table["WKT"] = gdf.geometry.to_wkt(rounding_precision=6)
            table.to_csv(tmp, index=False)
    return path
