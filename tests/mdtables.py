"""The page's Markdown tables (``geo.present.text.markdown_table``) read back from an AppTest."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

_ESCAPED = re.compile(r"\\(.)")


def _cells(line: str) -> list[str]:
    inner = line.strip()[1:-1]  # the outer pipes
    cells = re.split(r"(?<!\\)\|", inner)  # an escaped \| stays in its cell
    return [_ESCAPED.sub(r"\1", c.strip().removeprefix("**").removesuffix("**")) for c in cells]


def markdown_tables(at: Any) -> list[pd.DataFrame]:
    """Every Markdown element of ``at`` that is a table, as a DataFrame indexed by its first
    column (named by its header), the Markdown escapes and bold of each cell undone."""
    tables = []
    for m in at.markdown:
        lines = str(m.value).splitlines()
        if len(lines) < 2 or not lines[0].startswith("| ") or not set(lines[1]) <= set("|:-"):
            continue
        header, *rows = [_cells(line) for line in (lines[0], *lines[2:])]
        tables.append(pd.DataFrame(rows, columns=header).set_index(header[0]))
    return tables
