"""One Jinja2 set-up for every template a renderer fills (HTML, CSS, JS).

Templates live in a ``templates/`` folder beside the renderer that uses them. ``.html`` files
are autoescaped; on top of that, every ``{{ value }}`` that is not already markup goes through
:func:`geo.present.text.esc` (which also escapes backtick, ``$`` and backslash, because folium
puts popup and tooltip HTML inside JavaScript template literals). CSS and JS templates take
only numbers, checked colours (``|colour``) or JSON (``|tojson``).
"""

from __future__ import annotations

import functools
import re
from typing import Any, Final

from jinja2 import Environment, PackageLoader, StrictUndefined, Template, select_autoescape
from markupsafe import Markup

from geo.errors import GeoError
from geo.present.text import esc

_COLOUR: Final[re.Pattern[str]] = re.compile(r"#[0-9A-Fa-f]{3,8}")


def _finalize(value: Any) -> Any:
    """Every ``{{ }}`` output: markup stays, numbers print as numbers, the rest is escaped."""
    if isinstance(value, Markup) or (
        isinstance(value, (int, float)) and not isinstance(value, bool)
    ):
        return value
    return Markup(esc(value))


def colour(value: str) -> Markup:
    """A CSS hex colour, checked: ``#0b6e69``. Raises :class:`GeoError` on anything else."""
    if not isinstance(value, str) or not _COLOUR.fullmatch(value):
        raise GeoError(f"colour {value!r} is not a CSS hex colour such as '#0b6e69'")
    return Markup(value)


def px(value: float, unit: float = 1.0) -> Markup:
    """``value × unit`` CSS pixels, at least one: ``px(46, 0.5)`` → ``23.0px``."""
    return Markup(f"{max(1.0, float(value) * float(unit)):.1f}px")


@functools.cache
def environment(package: str) -> Environment:
    """The template environment of ``package`` (its ``templates/`` folder)."""
    env = Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=select_autoescape(["html"], default_for_string=False, default=False),
        finalize=_finalize,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["colour"] = colour
    env.filters["px"] = px
    return env


def template(package: str, name: str) -> Template:
    """The template ``name`` of ``package``: ``template("geo.render.folium", "legend.html")``."""
    return environment(package).get_template(name)


def render(package: str, template_name: str, **values: Any) -> str:
    """Fill the template ``template_name`` of ``package`` with ``values``."""
    return template(package, template_name).render(**values)
