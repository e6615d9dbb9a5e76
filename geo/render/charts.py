"""The Vega-Lite chart (built with Altair) of the speed trade-off.

It lays out a model assembled in :mod:`geo.present` and computes nothing. The
specs carry their data inline and load nothing from the network, so the page's
``st.altair_chart`` draws them with Streamlit's bundled Vega (no CDN).

* :func:`tradeoff_chart` — two panels side by side sharing the speed axis (knots): days at
  sea, and CO₂ per voyage (tank-to-wake solid, well-to-wake dashed when sourced); the chosen
  speed a ringed point and a hairline on both; "tank-to-wake only" in the subtitle when there
  is no well-to-wake figure.
"""

from __future__ import annotations

from typing import Any, Final

import altair as alt

from geo.i18n import Translator, translator
from geo.present import style
from geo.present.tradeoff import TTW_ONLY, SpeedTradeoff

FONT: Final[str] = "DejaVu Sans, Source Sans Pro, sans-serif"
PANEL_WIDTH: Final[int] = 300
PANEL_HEIGHT: Final[int] = 220
WTW_COLOUR: Final[str] = "#0072B2"  # Okabe–Ito blue, beside the teal lane colour


def _config(chart: Any) -> Any:
    return (
        chart.configure(font=FONT)
        .configure_view(stroke=None)
        .configure_axis(
            labelColor=style.MUTED,
            titleColor=style.INK,
            gridColor="#eceef0",
            domainColor=style.RULE,
            tickColor=style.RULE,
            labelFontSize=11,
            titleFontSize=12,
            titleFontWeight="normal",
        )
        .configure_title(color=style.INK, subtitleColor=style.MUTED, anchor="start", fontSize=14)
        .configure_legend(
            labelColor=style.INK, titleColor=style.MUTED, orient="bottom", labelLimit=0
        )  # labelLimit 0: a long (Chinese) series name is never cut with an ellipsis
    )


def _long_rows(t: SpeedTradeoff, tr: Translator) -> list[dict[str, Any]]:
    """One row per speed and measure (``panel``, ``series``, ``value``) for the two panels."""
    out: list[dict[str, Any]] = []
    days, ttw, wtw = tr("Days at sea"), tr("CO₂ tank-to-wake (t)"), tr("CO₂e well-to-wake (t)")
    for r in t.rows:
        base = {"speed_kn": r.speed_kn, "current": r.current}
        out.append({**base, "panel": "days", "series": days, "value": r.days})
        out.append({**base, "panel": "co2", "series": ttw, "value": r.co2_ttw_t})
        if r.co2e_wtw_t is not None:
            out.append({**base, "panel": "co2", "series": wtw, "value": r.co2e_wtw_t})
    return out


def _panel(
    data: list[dict[str, Any]], t: SpeedTradeoff, panel: str, title: str, tr: Translator
) -> Any:
    rows = [d for d in data if d["panel"] == panel]
    series = list(dict.fromkeys(d["series"] for d in rows))
    colours = [style.LANE_COLOUR, WTW_COLOUR][: len(series)]
    speeds = [r.speed_kn for r in t.rows]
    x_enc = alt.X(
        "speed_kn:Q",
        title=tr("Speed (kn)"),
        scale=alt.Scale(domain=[min(speeds), max(speeds)], zero=False, nice=False),
        axis=alt.Axis(tickMinStep=1, format="d"),
    )
    top = max(d["value"] for d in rows) * 1.1
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=x_enc,
        y=alt.Y(
            "value:Q",
            title=title,
            scale=alt.Scale(domain=[0, top], nice=False),
            axis=alt.Axis(format=",.0f"),
        ),
        color=alt.Color(
            "series:N",
            title=None,
            scale=alt.Scale(domain=series, range=colours),
            legend=alt.Legend(orient="bottom") if len(series) > 1 else None,
        ),
        strokeDash=alt.StrokeDash(
            "series:N",
            scale=alt.Scale(domain=series, range=[[1, 0], [5, 3]][: len(series)]),
            legend=None,
        ),
        tooltip=[
            alt.Tooltip("speed_kn:Q", title=tr("Speed (kn)"), format="~g"),
            alt.Tooltip("series:N", title=tr("Series")),
            alt.Tooltip("value:Q", title=tr("Value"), format=",.1f"),
        ],
    )
    line = base.mark_line(strokeWidth=2.5)
    chosen = (
        base.transform_filter(alt.datum.current)
        .mark_point(size=110, filled=True, stroke="white", strokeWidth=2, opacity=1)
        .encode(strokeDash=alt.value([1, 0]))
    )
    rule = (
        alt.Chart(alt.Data(values=[{"speed_kn": t.current_speed_kn}]))
        .mark_rule(color=style.MUTED, strokeDash=[2, 3], strokeWidth=1)
        .encode(x=x_enc)
    )
    label = (
        alt.Chart(alt.Data(values=[{"speed_kn": t.current_speed_kn, "text": tr("chosen")}]))
        .mark_text(align="left", dx=4, dy=-4, baseline="bottom", color=style.MUTED, fontSize=11)
        .encode(x=x_enc, y=alt.value(0), text="text:N")
    )
    return alt.layer(rule, line, chosen, label).properties(width=PANEL_WIDTH, height=PANEL_HEIGHT)


def tradeoff_chart(t: SpeedTradeoff, tr: Translator | None = None) -> Any:
    """The trade-off as an Altair chart (two panels; ``.to_dict()`` is the Vega-Lite spec),
    its words in ``tr``'s language (default: the trade-off's own)."""
    tr = tr or translator(t.lang)
    data = _long_rows(t, tr)
    scope = tr(TTW_ONLY)
    co2_title = (
        tr("CO₂ per voyage (t)")
        if t.wtw_available
        else tr("CO₂ per voyage (t, {scope})", scope=scope)
    )
    # one line per part; a long Chinese part also breaks after its full-width semicolons
    # (Vega does not wrap a subtitle; English has none, so it is laid out as before)
    subtitle = [
        line for part in t.subtitle.split(" · ") for line in part.replace("；", "；\n").split("\n")
    ]
    if not t.wtw_available:
        subtitle.append(
            tr(
                "CO₂ is {scope}: no sourced well-to-wake factor for {fuel}.",
                scope=scope,
                fuel=tr(t.fuel_label),
            )
        )
    chart = alt.hconcat(
        _panel(data, t, "days", tr("Days at sea"), tr),
        _panel(data, t, "co2", co2_title, tr),
        spacing=36,
    ).resolve_scale(color="independent", strokeDash="independent")
    chart = chart.properties(title=alt.Title(t.title, subtitle=subtitle))
    return _config(chart)
