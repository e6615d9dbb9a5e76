"""Names people type: aliases, former spellings, accents, qualifiers and word order."""

from __future__ import annotations

import pytest

from geo.catalogue import names, ports
from geo.errors import UnknownPortError


@pytest.mark.parametrize(
    ("query", "locode"),
    [
        ("Busan", "KRPUS"),  # catalogue: Pusan (shown as Busan)
        ("busan", "KRPUS"),
        ("Pusan", "KRPUS"),
        ("Malmo", "SEMMA"),
        ("Malmö", "SEMMA"),
        ("MALMÖ", "SEMMA"),
        ("Seattle", "USSEA"),  # catalogue: Seattle (Wa)
        ("Bombay", "INBOM"),
        ("Mumbai", "INBOM"),
        ("Canton", "CNCAN"),
        ("Guangzhou", "CNCAN"),
        ("Saigon", "VNSGN"),
        ("Ho Chi Minh City", "VNSGN"),
        ("Kolkata", "INCCU"),
        ("Rangoon", "MMRGN"),
        ("Gdańsk", "PLGDN"),
        ("Valparaíso", "CLVAP"),
        ("Antwerp", "BEANR"),
        ("København", "DKCPH"),
        ("Copenhagen", "DKCPH"),
        ("Darwin", "AUDRW"),  # catalogue: Darwin (Nt)
        ("ho-chi-minh city", "VNSGN"),
    ],
)
def test_names_people_type_resolve(query: str, locode: str) -> None:
    assert ports.resolve(query).locode == locode


def test_a_port_is_shown_by_its_current_name_not_the_catalogues_old_spelling() -> None:
    """KRPUS is Pusan in the catalogue (UN/LOCODE), Busan in the Revised Romanization that
    data/port_aliases.csv records as current: every place a name is shown says Busan."""
    from geo.jobs.deck import lane_stem
    from geo.present import portlabels

    busan = ports.resolve("Pusan")
    assert (busan.id, busan.name, busan.catalogue_name) == ("KRPUS", "Busan", "Pusan")
    assert ports.get("KRPUS").name == "Busan" and ports.resolve("釜山").name == "Busan"
    assert ports.describe(busan) == "Busan, South Korea (KRPUS)"
    assert portlabels.picker_label(busan) == "Busan · Pusan, South Korea (KRPUS)"  # Pusan finds it
    assert lane_stem("Pusan", "Shanghai", 1) == "Busan-Shanghai"
    assert all("Pusan" not in s for s in ports.suggest("Pusn"))
    # the kind: every current name of the alias file is the name shown, once per port
    for code, name in names.current_names().items():
        shown = [p for p in ports.catalogue() if p.locode == code]
        assert [p.name for p in shown] == [name], code
        assert ports.resolve(shown[0].catalogue_name or name).id == code
    assert {"KRPUS", "INBOM", "INCCU"} <= set(names.current_names())


def test_the_cli_route_names_a_port_by_its_current_name(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from geo.cli import main

    assert main(["route", "Pusan", "Shanghai"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Busan (KRPUS) → Shanghai (CNSHA)") and "Pusan" not in out


def test_every_alias_maps_to_a_catalogue_port() -> None:
    codes = {p.locode for p in ports.catalogue() if p.locode}
    assert names.aliases()
    for alias, code in names.aliases().items():
        assert code in codes, alias


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Malmö", "malmo"),
        ("Seattle (Wa)", "seattle"),
        ("St. Petersburg", "st petersburg"),
        ("  Ho-Chi-Minh   City ", "ho chi minh city"),
        ("Tromsø", "tromso"),
        ("Portland, United States", "portland, united states"),
    ],
)
def test_fold(text: str, key: str) -> None:
    assert names.fold(text) == key


def test_suggestions_ignore_word_order_and_accents() -> None:
    with pytest.raises(UnknownPortError) as info:
        ports.resolve("beach long")
    assert info.value.suggestions[0] == "Long Beach, United States (USLGB)"
    assert ports.suggest("Malmoe")[0] == "Malmo, Sweden (SEMMA)"
    assert ports.suggest("Shanghia")[0] == "Shanghai, China (CNSHA)"


def test_search_is_folded_and_word_order_free() -> None:
    assert [p.locode for p in ports.search("beach long")] == ["USLGB"]
    assert ports.search("malmö")[0].locode == "SEMMA"
    assert ports.search("busan")[0].locode == "KRPUS"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("長灘", "USLGB"),
        ("長灘港", "USLGB"),
        ("洛杉磯", "USLAX"),
        ("寧波舟山", "CNNGB"),
        ("鹽田", "CNYTN"),
        ("聖佩德羅灣", "SAN-PEDRO-BAY"),
    ],
)
def test_traditional_chinese_resolves_like_simplified(typed: str, code: str) -> None:
    assert ports.resolve(typed).id == code
    assert ports.search(typed)[0].id == code


def test_every_chinese_name_resolves_in_traditional_characters_too() -> None:
    """A name one port has, or a name with its region (波特兰（缅因州）), resolves to it; a name
    several share (奥克兰, 波特兰, 苏州港) is refused in Traditional characters too, with this
    port among the candidates."""
    import opencc

    from geo.errors import AmbiguousPortError

    to_traditional = opencc.OpenCC("s2t.json")
    owners: dict[str, set[str]] = {}
    for code, zh in names.chinese_names().items():
        for name in (zh.name, *zh.aliases):
            owners.setdefault(names.fold(name), set()).add(code)
    for code, zh in names.chinese_names().items():
        for name in (zh.name, *zh.aliases):
            typed = to_traditional.convert(name)
            if len(owners[names.fold(name)]) == 1 or names.qualifier(name):  # 波特兰（缅因州）
                assert ports.resolve(typed).id == code, name
            else:
                with pytest.raises(AmbiguousPortError) as info:
                    ports.resolve(typed)
                assert code in info.value.codes, name


def test_simplified_leaves_other_text_alone() -> None:
    assert names.simplified("Long Beach") == "Long Beach"
    assert names.simplified("长滩") == "长滩"
    assert names.fold("長灘 (CA)") == "长滩"


def test_every_default_and_corridor_port_has_a_cited_chinese_name() -> None:
    import csv

    from geo.present import compare_url
    from geo.settings import DATA_DIR

    with (DATA_DIR / "port_volumes.csv").open(encoding="utf-8") as fh:
        volumes = {row["locode"] for row in csv.DictReader(fh)}
    wanted = {
        *(p.id for p in ports.corridor_ports()),
        ports.SAN_PEDRO_BAY_ID,
        *compare_url.DEFAULT_ORIGINS,
        *compare_url.DEFAULT_DESTS,
        *compare_url.DEFAULT_PAIR,
        "BRSSZ",
        *volumes,
    }
    chinese = names.chinese_names()
    for code in sorted(wanted):
        assert code in chinese, f"no Chinese name for {code}"
        assert chinese[code].source and chinese[code].year, code


@pytest.mark.parametrize(("typed", "code"), [("桑托斯", "BRSSZ"), ("桑托斯港", "BRSSZ")])
def test_santos_has_its_chinese_name(typed: str, code: str) -> None:
    assert ports.resolve(typed).id == code
