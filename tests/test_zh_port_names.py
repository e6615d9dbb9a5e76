"""Chinese port names a Chinese user types and reads: coverage, shared names, qualified forms,
and the lists an unknown or ambiguous name gets in Chinese."""

from __future__ import annotations

import csv
import re

import pytest
from babel import Locale

from geo.catalogue import names, ports
from geo.catalogue.countries import territories
from geo.errors import AmbiguousPortError, UnknownPortError
from geo.i18n import translator
from geo.present.errtext import error_text
from geo.settings import DATA_DIR


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        # mainland China: the top-100 container ports and the ports people name
        ("上海", "CNSHA"),
        ("宁波舟山港", "CNNGB"),
        ("深圳", "CNSZX"),
        ("南沙", "CNNSA"),
        ("南沙港", "CNNSA"),
        ("福州", "CNFOC"),
        ("连云港", "CNLYG"),
        ("连云港港", "CNLYG"),
        ("钦州", "CNQZH"),
        ("防城港", "CNFAN"),
        ("泉州", "CNQZJ"),
        ("大连", "CNDLC"),
        ("天津", "CNTSN"),
        ("青岛", "CNTAO"),
        ("日照", "CNRZH"),
        ("烟台", "CNYNT"),
        ("厦门", "CNXMN"),
        ("蛇口", "CNSHK"),
        ("赤湾", "CNCWN"),
        ("广州", "CNCAN"),
        ("珠海", "CNZUH"),
        ("洋浦", "CNYPG"),
        ("营口", "CNYIK"),
        ("唐山", "CNTAS"),
        ("京唐港", "CNTAS"),
        ("曹妃甸", "CNCFD"),
        ("锦州", "CNJNZ"),
        ("南通", "CNNTG"),
        ("张家港", "CNZJG"),
        ("太仓", "CNTAC"),
        ("温州", "CNWNZ"),
        ("舟山", "CNZOS"),
        ("湛江", "CNZHA"),
        ("湛江港", "CNZHA"),
        ("东莞", "CNDGG"),
        ("南京", "CNNKG"),
        # Hong Kong, Macao, Taiwan
        ("香港", "HKHKG"),
        ("澳门", "MOMFM"),
        ("基隆", "TWKEL"),
        ("高雄", "TWKHH"),
        ("台中", "TWTXG"),
        ("臺中", "TWTXG"),  # Traditional
        # ports abroad, as Chinese names them
        ("新加坡", "SGSIN"),
        ("鹿特丹", "NLRTM"),
        ("汉堡", "DEHAM"),
        ("安特卫普", "BEANR"),
        ("釜山", "KRPUS"),
        ("东京", "JPTYO"),
        ("横滨", "JPYOK"),
        ("神户", "JPUKB"),
        ("大阪", "JPOSA"),
        ("名古屋", "JPNGO"),
        ("仁川", "KRINC"),
        ("巴生港", "MYPKG"),
        ("丹戎帕拉帕斯", "MYTPP"),
        ("林查班", "THLCH"),
        ("胡志明市", "VNSGN"),
        ("海防", "VNHPH"),
        ("马尼拉", "PHMNL"),
        ("雅加达", "IDJKT"),
        ("科伦坡", "LKCMB"),
        ("迪拜", "AEDXB"),
        ("杰贝阿里", "AEJEA"),
        ("吉达", "SAJED"),
        ("塞得港", "EGPSD"),
        ("比雷埃夫斯", "GRPIR"),
        ("瓦伦西亚", "ESVLC"),
        ("巴伦西亚", "ESVLC"),
        ("阿尔赫西拉斯", "ESALG"),
        ("费利克斯托", "GBFXT"),
        ("勒阿弗尔", "FRLEH"),
        ("不来梅哈芬", "DEBRV"),
        ("纽约", "USNYC"),
        ("萨凡纳", "USSAV"),
        ("休斯敦", "USHOU"),
        ("休斯顿", "USHOU"),
        ("西雅图", "USSEA"),
        ("塔科马", "USTIW"),
        ("温哥华", "CAVAN"),
        ("悉尼", "AUSYD"),
        ("墨尔本", "AUMEL"),
        ("桑托斯", "BRSSZ"),
        ("长滩", "USLGB"),
        ("洛杉矶", "USLAX"),
        # the Americas and the Pacific, as a Chinese user names them
        ("旧金山", "USSFO"),
        ("三藩市", "USSFO"),
        ("舊金山", "USSFO"),  # Traditional
        ("旧金山港", "USSFO"),
        ("圣迭戈", "USSAN"),
        ("聖迭戈", "USSAN"),  # Traditional
        ("波士顿", "USBOS"),
        ("迈阿密", "USMIA"),
        ("新奥尔良", "USMSY"),
        ("巴尔的摩", "USBAL"),
        ("费城", "USPHL"),
        ("杰克逊维尔", "USJAX"),
        ("安克雷奇", "USANC"),
        ("诺福克", "USORF"),
        ("查尔斯顿", "USCHS"),
        ("檀香山", "USHNL"),
        ("火奴鲁鲁", "USHNL"),
        ("鲁珀特王子港", "CAPRR"),
        ("蒙特利尔", "CAMTR"),
        ("哈利法克斯", "CAHAL"),
        ("拉萨罗卡德纳斯", "MXLZC"),
        ("拉萨罗·卡德纳斯", "MXLZC"),
        ("韦拉克鲁斯", "MXVER"),
        ("恩塞纳达", "MXESE"),
        ("帕皮提", "PFPPT"),
        ("苏瓦", "FJSUV"),
        ("阿皮亚", "WSAPW"),
    ],
)
def test_chinese_names_resolve_to_their_un_locode(typed: str, code: str) -> None:
    assert ports.resolve(typed).id == code


def test_zhanjiang_is_corrected_from_searoutes_zhangjiang() -> None:
    port = ports.resolve("Zhanjiang")
    assert (port.id, port.name) == ("CNZHA", "Zhanjiang")
    assert (round(port.lon, 1), round(port.lat, 1)) == (110.4, 21.2)  # Zhanjiang Bay
    assert "UN/LOCODE" in port.source
    assert ports.resolve("湛江").id == "CNZHA"


@pytest.mark.parametrize(
    ("typed", "codes"),
    [
        ("奥克兰", {"USOAK", "NZAKL"}),
        ("奧克蘭", {"USOAK", "NZAKL"}),
        ("奥克兰港", {"USOAK", "NZAKL"}),
        ("波特兰", {"USPDX", "USPWM", "AUPTJ", "GBPTL"}),
        ("波特兰港", {"USPDX", "USPWM", "AUPTJ", "GBPTL"}),
        ("波特兰，美国", {"USPDX", "USPWM"}),
        ("波特兰, 美国", {"USPDX", "USPWM"}),
        ("Portland, 美国", {"USPDX", "USPWM"}),
        ("Portland, United States", {"USPDX", "USPWM"}),
        ("曼萨尼约", {"MXZLO", "PAMIT", "DOMAN"}),
        ("北部湾港", {"CNQZH", "CNFAN"}),
        ("苏州港", {"CNTAC", "CNZJG", "CNCGU"}),
    ],
)
def test_a_chinese_name_several_ports_share_is_refused_with_all(
    typed: str, codes: set[str]
) -> None:
    with pytest.raises(AmbiguousPortError) as info:
        ports.resolve(typed)
    assert set(info.value.codes) == codes
    assert all(any(f"({c})" in cand for cand in info.value.candidates) for c in codes)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("奥克兰，新西兰", "NZAKL"),
        ("奥克兰, 新西兰", "NZAKL"),
        ("奥克兰（新西兰）", "NZAKL"),
        ("奥克兰，美国", "USOAK"),
        ("奥克兰（加州）", "USOAK"),
        ("Auckland, New Zealand", "NZAKL"),
        ("Oakland", "USOAK"),
        ("Auckland", "NZAKL"),
        ("Portland, Oregon", "USPDX"),
        ("Portland (Oregon)", "USPDX"),
        ("Portland, OR", "USPDX"),
        ("Portland (Maine)", "USPWM"),
        ("Portland, Maine", "USPWM"),
        ("Portland (Or)", "USPDX"),
        ("波特兰（俄勒冈州）", "USPDX"),
        ("波特兰(俄勒冈)", "USPDX"),
        ("波特兰，俄勒冈", "USPDX"),
        ("波特兰（缅因州）", "USPWM"),
        ("波特兰，澳大利亚", "AUPTJ"),
        ("Portland, Australia", "AUPTJ"),
        ("波特兰，英国", "GBPTL"),
        ("曼萨尼约，墨西哥", "MXZLO"),
        ("曼萨尼约，巴拿马", "PAMIT"),
        ("Manzanillo, Panama", "PAMIT"),
        ("高雄，中国台湾", "TWKHH"),
        ("高雄，台湾", "TWKHH"),
        ("香港，中国香港", "HKHKG"),
    ],
)
def test_qualified_forms_resolve(typed: str, code: str) -> None:
    assert ports.resolve(typed).id == code


def test_a_country_that_does_not_match_is_not_ignored() -> None:
    with pytest.raises(UnknownPortError):
        ports.resolve("奥克兰，澳大利亚")
    with pytest.raises(UnknownPortError):
        ports.resolve("Portland, Canada")


_ENGLISH_COUNTRIES = {
    name for code, name in Locale("en").territories.items() if code.isalpha() and len(name) > 3
} | {"United States", "New Zealand", "Korea, Republic Of"}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("波特兰", ["波特兰（俄勒冈州），美国（USPDX）", "波特兰，澳大利亚（AUPTJ）"]),
        ("Portland", ["波特兰（缅因州），美国（USPWM）", "波特兰，英国（GBPTL）"]),
        ("奥克兰", ["奥克兰，美国（USOAK）", "奥克兰，新西兰（NZAKL）"]),
        ("Manzanillo", ["曼萨尼约，墨西哥（MXZLO）", "Manzanillo，古巴（CUMZO）"]),
        ("Victoria", ["加拿大（CAVIC）"]),
        ("苏州港", ["太仓，中国（CNTAC）"]),
    ],
)
def test_ambiguity_lists_in_chinese_have_chinese_names(typed: str, expected: list[str]) -> None:
    with pytest.raises(AmbiguousPortError) as info:
        ports.resolve(typed)
    text = error_text(info.value, translator("zh"))
    for part in expected:
        assert part in text
    listed = text.split("：", 1)[1]
    assert not [c for c in _ENGLISH_COUNTRIES if c in listed], listed
    # English stays exactly the domain's message
    assert error_text(info.value, translator("en")) == str(info.value)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Shanghia", "上海，中国（CNSHA）"),
        ("beach long", "长滩，美国（USLGB）"),
        ("Kaohsiungg", "高雄，中国台湾（TWKHH）"),
        ("Hongkong", "香港，中国香港（HKHKG）"),
        ("Aukland", "奥克兰，新西兰（NZAKL）"),
    ],
)
def test_did_you_mean_lists_in_chinese(typed: str, expected: str) -> None:
    with pytest.raises(UnknownPortError) as info:
        ports.resolve(typed)
    text = error_text(info.value, translator("zh"))
    assert expected in text
    assert "United States" not in text and "China" not in text and "Taiwan" not in text
    assert ports.suggest(typed, lang="zh")[0] in text


def test_hong_kong_macao_taiwan_read_as_a_shanghai_audience_writes_them() -> None:
    zh = territories("zh")
    assert (zh["HK"], zh["MO"], zh["TW"], zh["CN"]) == ("中国香港", "中国澳门", "中国台湾", "中国")
    assert ports.describe(ports.get("TWKHH"), "zh") == "高雄，中国台湾（TWKHH）"
    assert ports.describe(ports.get("MOMFM"), "zh") == "澳门，中国澳门（MOMFM）"
    # CLDR's own names still find them
    assert ports.search("台湾", limit=1)[0].id == "TWKHH"
    assert ports.search("中国香港特别行政区", limit=1)[0].id == "HKHKG"


def _rows() -> list[dict[str, str]]:
    with (DATA_DIR / "port_names_zh.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_every_row_of_the_names_file_has_a_source_and_a_year() -> None:
    rows = _rows()
    assert len(rows) >= 120
    for row in rows:
        assert len(row["source"].strip()) > 20, row["id"]
        assert re.fullmatch(r"(19|20)\d\d", row["year"]), row["id"]
        assert not re.search(r"https?://", row["source"]), row["id"]  # cited by name, no URL
    assert len({r["id"] for r in rows}) == len(rows)


def test_no_chinese_name_silently_maps_to_two_ports() -> None:
    """A Chinese name (or alias) on several rows is refused with every one of them listed; it
    never resolves to one port by itself."""
    owners: dict[str, set[str]] = {}
    for code, zh in names.chinese_names().items():
        for name in (zh.name, *zh.aliases):
            owners.setdefault(names.fold(name), set()).add(code)
    shared = {key: codes for key, codes in owners.items() if len(codes) > 1}
    assert {"奥克兰", "波特兰", "曼萨尼约", "北部湾港", "苏州港"} <= set(shared)
    for key, codes in shared.items():
        with pytest.raises(AmbiguousPortError) as info:
            ports.resolve(key)
        assert codes <= set(info.value.codes), key


def test_every_chinese_port_of_note_has_a_chinese_name() -> None:
    """Every mainland, Hong Kong, Macao and Taiwan port with liner services in searoute's data
    (its ``to_cty``) has a Chinese name, except Da Chan Bay, whose searoute point (113.52 E,
    22.32 N) is some 35 km from Shenzhen's Dachan Bay (data/README.md)."""
    chinese = names.chinese_names()
    missing = [
        p.id
        for p in ports.catalogue()
        if (p.locode or "")[:2] in {"CN", "HK", "MO", "TW"}
        and p.liner_countries >= 2
        and p.id not in chinese
    ]
    assert missing == ["CNDCB"], missing


def test_a_page_warning_about_a_url_port_lists_the_candidates_in_chinese() -> None:
    from geo.present.urlstate import reason

    with pytest.raises(AmbiguousPortError) as info:
        ports.resolve("波特兰")
    text = reason(info.value, "波特兰", translator("zh"))
    assert "波特兰（俄勒冈州），美国（USPDX）" in text and "波特兰，英国（GBPTL）" in text
    assert "United States" not in text


def test_santiago_is_not_read_as_san_diego() -> None:
    """圣地亚哥 is also written for San Diego, but it is Santiago's Chinese name: not listed."""
    with pytest.raises(UnknownPortError):
        ports.resolve("圣地亚哥")


@pytest.mark.parametrize("typed", ["旧金山", "三藩市", "舊金山", "三藩市港"])
def test_san_francisco_by_its_chinese_names(typed: str) -> None:
    assert ports.resolve(typed).id == "USSFO"
    assert ports.describe(ports.get("USSFO"), "zh") == "旧金山，美国（USSFO）"


#: Ports the pickers list with no Chinese name: no Chinese source found (data/README.md).
NO_CHINESE_SOURCE = {"INTUT", "INVTZ"}


def test_every_port_the_pickers_list_has_a_chinese_name() -> None:
    """The old file covered 151 of the 159 listed ports: Kolkata, Copenhagen, Gdańsk,
    Istanbul, Yangon … read in English in a Chinese picker."""
    from geo.present.portlabels import listed_ids

    chinese = names.chinese_names()
    missing = {i for i in listed_ids() if i not in chinese}
    assert missing == NO_CHINESE_SOURCE


@pytest.mark.parametrize(
    ("typed", "code", "shown"),
    [
        ("瓦尔帕莱索", "CLVAP", "瓦尔帕莱索"),
        ("瓦爾帕萊索", "CLVAP", "瓦尔帕莱索"),
        ("圣安东尼奥", "CLSAI", "圣安东尼奥"),
        ("蒙巴萨", "KEMBA", "蒙巴萨"),
        ("吉大港", "BDCGP", "吉大港"),
        ("格但斯克", "PLGDN", "格但斯克"),
        ("伊斯坦布尔", "TRIST", "伊斯坦布尔"),
        ("盖梅", "VNCMT", "盖梅"),
        ("加尔各答", "INCCU", "加尔各答"),
        ("哥本哈根", "DKCPH", "哥本哈根"),
        ("仰光", "MMRGN", "仰光"),
    ],
)
def test_major_ports_abroad_resolve_and_read_in_chinese(typed: str, code: str, shown: str) -> None:
    port = ports.resolve(typed)
    assert port.id == code
    assert ports.describe(port, "zh").startswith(f"{shown}，")
    assert ports.resolve(f"{typed}港").id == code  # with 港 too


def test_a_chinese_name_resolves_with_or_without_port_after_it() -> None:
    """Every Chinese name and alias of the file, typed with 港 (or 港口) after it, is the
    same port, or the same refusal: 瓦尔帕莱索港, 宁波港, 火奴鲁鲁港 …"""
    for code, zh in names.chinese_names().items():
        for name in (zh.name, *zh.aliases):
            if name.endswith(("港", "港口")):
                continue
            for typed in (f"{name}港", f"{name}港口"):
                try:
                    plain = ports.resolve(name).id
                except AmbiguousPortError as err:
                    with pytest.raises(AmbiguousPortError) as again:
                        ports.resolve(typed)
                    assert again.value.codes == err.codes, typed
                    continue
                assert ports.resolve(typed).id == plain == code, typed


def test_the_cli_routes_a_port_typed_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    from geo.cli import main

    assert main(["route", "瓦尔帕莱索", "上海", "--lang", "zh"]) == 0
    assert capsys.readouterr().out.startswith("瓦尔帕莱索（CLVAP） → 上海（CNSHA）")
    assert main(["route", "瓦尔帕莱索港", "上海港", "--lang", "zh"]) == 0
    assert capsys.readouterr().out.startswith("瓦尔帕莱索（CLVAP） → 上海（CNSHA）")
