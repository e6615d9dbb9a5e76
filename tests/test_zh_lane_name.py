"""The corridor's American end in Chinese: 洛杉矶／长滩, as Chinese media name that side of the
corridor by its ports (Xinhua, 16 Oct 2023: “上海港-洛杉矶港绿色航运走廊”), not the
transliteration 圣佩德罗湾, which a reader may still type."""

from __future__ import annotations

from geo.catalogue import names, ports
from geo.i18n import translator
from geo.present.localnames import place_name
from geo.present.text import keep_units
from geo.render.static.linebreak import pieces

ZH = translator("zh")


def test_the_home_lane_and_the_corridor_are_titled_by_the_ports() -> None:
    found = names.chinese_names()["SAN-PEDRO-BAY"]
    assert found.name == "洛杉矶／长滩" and "圣佩德罗湾" in found.aliases
    for typed in ("洛杉矶／长滩", "圣佩德罗湾", "圣佩德罗湾港口群", "洛杉磯/長灘"):
        assert ports.resolve(typed).id == "SAN-PEDRO-BAY", typed
    assert ports.describe(ports.resolve("SAN-PEDRO-BAY"), "zh") == "洛杉矶／长滩，美国"
    assert ZH("Shanghai ⇄ San Pedro Bay green corridor") == "上海 ⇄ 洛杉矶／长滩绿色航运走廊"
    zone = place_name("zone", "san_pedro_bay_approach", "zh", "San Pedro Bay approach")
    assert zone == "洛杉矶／长滩进港水域"


def test_the_name_is_never_broken_at_its_slash() -> None:
    assert keep_units("上海 → 洛杉矶／长滩") == "上海 → 洛杉矶\u2060／\u2060长滩"  # a page heading
    got = pieces("经洛杉矶／长滩进港水域前往洛杉矶／长滩，约 150 吨/天")  # a slide's text
    assert "洛杉矶／长滩进港水域" in got and "洛杉矶／长滩，" in got and "约 150 吨/天" in got
    assert "经" in got and "前" in got  # a unit's slash does not swallow the words before it
