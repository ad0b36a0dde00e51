"""UIMA CAS XMI (INCEpTION, WebAnno): a real INCEpTION export comes in text-exact, Reader's
export is read back by dkpro-cassis (the peer's own library) with the same spans and relations,
and the offsets in the files are UTF-16 code units."""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path

import cassis
import pytest
from peerkit import held_relations
from peerkit import held_without_notes as held

from reader.domain.foreign import xmi
from reader.domain.foreign.detect import detect
from reader.domain.foreign.model import RELATION_TO_OTHER
from reader.domain.relations import Relation, RelationType
from reader.domain.tags import Tag, default_colour
from reader.store import Store

PEERS = Path(__file__).parent.parent / "data" / "peers"
INCEPTION = PEERS / "xmi" / "inception"
XMI_NS = "{http://www.omg.org/XMI}"
CAS_NS = "{http:///uima/cas.ecore}"
NER_NS = "{http:///de/tudarmstadt/ukp/dkpro/core/api/ner/type.ecore}"

TEXTS = {
    "emoji.txt": "Anna 😀 met Boris 👩\u200d💻 in Kazan.\nThen 𠀋 Москва.\n",
    "lines/two.txt": "First line ends here\nand the second goes on.\n",
}
# (document, quote, tag, note)
SPANS = [
    ("emoji.txt", "Boris", "Person", "met at the station"),
    ("emoji.txt", "Kazan.\nThen 𠀋 Москва", "Place span", ""),
    ("emoji.txt", "👩\u200d💻", "Emoji", ""),
    ("lines/two.txt", "ends here\nand the", "claim", ""),
]
# (document, source quote, type, target quote)
RELATIONS = [("emoji.txt", "Boris", "met in", "Kazan.\nThen 𠀋 Москва")]


def utf16_slice(text: str, begin: str, end: str) -> str:
    units = text.encode("utf-16-le")
    return units[2 * int(begin) : 2 * int(end)].decode("utf-16-le")


def named_entities_in(path: Path) -> tuple[str, list[tuple[str, str]]]:
    """The sofa string and (value, text at its UTF-16 offsets) of each NamedEntity, read as plain XML."""
    root = ElementTree.parse(path).getroot()
    text = root.find(f"{CAS_NS}Sofa").get("sofaString")
    entities = [
        (e.get("value"), utf16_slice(text, e.get("begin"), e.get("end"))) for e in root.iter(f"{NER_NS}NamedEntity")
    ]
    return text, entities


def test_an_inception_export_comes_in_with_every_span_at_its_utf16_offsets(cli, tmp_path):
    db = tmp_path / "r.db"
    outcome = cli("import-annotations", INCEPTION, "--db", db)

    assert outcome.code == 0, outcome.err
    assert "read as xmi: documents added 1" in outcome.out
    text, entities = named_entities_in(INCEPTION / "huggingface.xmi")
    assert "\r\n" in text and any(ord(c) > 0xFFFF for c in text)  # CRLF and emoji before the spans
    assert len(entities) == 5
    assert sorted(held(db)) == sorted(("huggingface.txt", value, quote) for value, quote in entities)
    assert "not imported" not in outcome.out  # tokens, sentences and tagset descriptions are INCEpTION's own


def custom_layers_zip(tmp_path: Path) -> Path:
    """An INCEpTION-style export zip, written by cassis: a custom span layer with ``label``, a
    NamedEntity subtype, a relation layer (without a label feature), a coreference chain's links,
    a POS layer and a dependency between two tokens."""
    types = cassis.TypeSystem()
    claim = types.create_type("webanno.custom.Claim")
    types.create_feature(claim, "label", "uima.cas.String")
    entity = types.create_type(xmi.NAMED_ENTITY)
    types.create_feature(entity, "value", "uima.cas.String")
    person = types.create_type("de.tudarmstadt.ukp.dkpro.core.api.ner.type.Person", supertypeName=xmi.NAMED_ENTITY)
    relation = types.create_type("webanno.custom.Supports")
    types.create_feature(relation, "Governor", "uima.tcas.Annotation")
    types.create_feature(relation, "Dependent", "uima.tcas.Annotation")
    link = types.create_type("de.tudarmstadt.ukp.dkpro.core.api.coref.type.CoreferenceLink")
    types.create_feature(link, "next", link.name)
    pos = types.create_type("de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS")
    token = types.create_type("de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token")
    dependency = types.create_type("de.tudarmstadt.ukp.dkpro.core.api.syntax.type.dependency.Dependency")
    types.create_feature(dependency, "Governor", token.name)
    types.create_feature(dependency, "Dependent", token.name)
    cas = cassis.Cas(typesystem=types)
    cas.sofa_string = "🎉 Ada wrote it.\r\nShe 🐍 was right."
    text = cas.sofa_string

    def at(quote: str) -> dict[str, int]:
        return {"begin": text.index(quote), "end": text.index(quote) + len(quote)}

    first, second = claim(**at("Ada wrote it"), label="thesis"), claim(**at("was right"), label="support")
    cas.add_all([first, second, entity(**at("🐍"), value="snake"), person(**at("Ada"))])
    cas.add(relation(**at("was right"), Governor=second, Dependent=first))
    last = link(**at("She"))
    cas.add_all([last, link(**at("Ada"), next=last)])
    she, was = token(**at("She")), token(**at("was"))
    cas.add_all([pos(**at("wrote")), pos(**at("was")), she, was, dependency(**at("She"), Governor=was, Dependent=she)])
    archive = tmp_path / "claims.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("claims.xmi", cas.to_xmi())
        zipped.writestr("TypeSystem.xml", types.to_xml())
    return archive


def test_custom_span_and_relation_layers_come_in_and_chains_other_layers_and_token_links_are_counted(cli, tmp_path):
    db = tmp_path / "r.db"
    outcome = cli("import-annotations", custom_layers_zip(tmp_path), "--db", db)

    assert outcome.code == 0, outcome.err
    assert sorted(held(db)) == sorted(
        [
            ("claims.xmi", "thesis", "Ada wrote it"),
            ("claims.xmi", "support", "was right"),
            ("claims.xmi", "snake", "🐍"),
            ("claims.xmi", "Person", "Ada"),
        ]
    )
    # From the Governor to the Dependent, named by the layer when it has no label feature.
    assert held_relations(db) == [("claims.xmi", "Supports", "support", "was right", "thesis", "Ada wrote it", "")]
    assert "relation types created: Supports" in outcome.out
    assert f"not imported: 1 × {RELATION_TO_OTHER}" in outcome.out  # the dependency: tokens are no spans
    assert "not imported: 2 × chain link" in outcome.out
    assert "not imported: 2 × POS annotation" in outcome.out
    assert "Token" not in outcome.out


@pytest.fixture
def source(tmp_path, annotate):
    db = tmp_path / "source.db"
    folder = tmp_path / "corpus"
    for name, text in TEXTS.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    with Store.open(db) as store:
        list(store.import_files([folder]))
        for tag in {tag for _, _, tag, _ in SPANS} - store.tag_names():
            store.save_tag(Tag(tag, default_colour(store.tags())))
        annotations = {(name, quote): annotate(store, name, quote, tag, note=note) for name, quote, tag, note in SPANS}
        for name, source_quote, kind, target_quote in RELATIONS:
            source, target = annotations[name, source_quote], annotations[name, target_quote]
            store.save_relation_type(RelationType(kind, source.tag, target.tag, default_colour(store.relation_types())))
            store.add_relation(Relation(kind, source.id, target.id))
    return db


def exported(cli, db: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out-xmi"
    outcome = cli("export", "--format", "xmi", "--db", db, "-o", out)
    assert outcome.code == 0, outcome.err
    assert f"exported {len(SPANS)} annotation(s) of {len(TEXTS)} document(s) as xmi" in outcome.err
    return out


def test_cassis_reads_the_export_back_with_the_same_spans(cli, tmp_path, source):
    out = exported(cli, source, tmp_path)
    types = cassis.load_typesystem(out / xmi.TYPE_SYSTEM)

    found, linked = [], []
    for path in sorted(out.rglob("*.xmi")):
        cas = cassis.load_cas_from_xmi(path, typesystem=types)
        (metadata,) = cas.select(xmi.METADATA)
        assert cas.sofa_string == TEXTS[metadata.documentTitle]
        found += [(metadata.documentTitle, e.get_covered_text(), e.value) for e in cas.select(xmi.NAMED_ENTITY)]
        linked += [
            (metadata.documentTitle, r.Governor.get_covered_text(), r.label, r.Dependent.get_covered_text())
            for r in cas.select(xmi.RELATION_LAYER)
        ]
        assert all(
            r.Governor.type.name == r.Dependent.type.name == xmi.NAMED_ENTITY for r in cas.select(xmi.RELATION_LAYER)
        )
    assert sorted(found) == sorted((name, quote, tag) for name, quote, tag, _ in SPANS)
    assert linked == RELATIONS
    assert (out / "lines" / "two.xmi").is_file()


def test_the_exported_offsets_are_utf16_units(cli, tmp_path, source):
    out = exported(cli, source, tmp_path)
    emoji = dict(named_entities_in(out / "emoji.xmi")[1])

    assert emoji["Emoji"] == "👩\u200d💻"
    assert emoji["Place span"] == "Kazan.\nThen 𠀋 Москва"
    assert emoji["Person"] == "Boris"


def test_the_round_trip_keeps_what_xmi_holds(cli, tmp_path, source):
    out = exported(cli, source, tmp_path)
    again = tmp_path / "again.db"

    outcome = cli("import-annotations", out, "--db", again)

    assert outcome.code == 0, outcome.err
    assert f"documents added {len(TEXTS)}" in outcome.out
    assert sorted(held(again)) == sorted(held(source))  # names, tags, texts; XMI has no place for notes
    assert held_relations(again) == held_relations(source)
    assert len(held_relations(again)) == len(RELATIONS)


def test_xmi_files_folders_and_zips_are_told_apart(tmp_path):
    assert detect(INCEPTION) == xmi.NAME
    assert detect(INCEPTION / "huggingface.xmi") == xmi.NAME
    assert detect(custom_layers_zip(tmp_path)) == xmi.NAME
    assert detect(PEERS / "brat") != xmi.NAME


def test_a_damaged_file_and_an_offset_inside_an_emoji_are_refused_in_one_line(cli, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "TypeSystem.xml").write_bytes((INCEPTION / "TypeSystem.xml").read_bytes())
    (folder / "broken.xmi").write_text("<xmi:XMI", encoding="utf-8")
    sofa = '<cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" mimeType="text" sofaString="&#128512;x"/>'
    entity = f'<type3:NamedEntity xmi:id="2" sofa="1" begin="1" end="3" value="X" xmlns:type3="{NER_NS[1:-1]}"/>'
    (folder / "split.xmi").write_text(
        f'<?xml version="1.0"?><xmi:XMI xmlns:xmi="{XMI_NS[1:-1]}" xmlns:cas="{CAS_NS[1:-1]}" xmi:version="2.0">'
        f'<cas:NULL xmi:id="0"/>{entity}{sofa}<cas:View sofa="1" members="2"/></xmi:XMI>',
        encoding="utf-8",
    )
    db = tmp_path / "r.db"

    outcome = cli("import-annotations", folder, "--db", db)

    assert outcome.code == 3
    assert "documents added 0" in outcome.out
    refused = outcome.err.splitlines()
    assert len(refused) == 2
    assert refused[0].startswith("refused broken.xmi: cassis cannot read it")
    assert refused[1].startswith("refused split.xmi: offsets that split a character")


def test_without_cassis_the_command_says_how_to_install_it(cli, tmp_path, source, monkeypatch):
    monkeypatch.setitem(sys.modules, "cassis", None)  # what importing it does where it is not installed

    imported = cli("import-annotations", INCEPTION, "--db", tmp_path / "r.db")
    exported = cli("export", "--format", "xmi", "--db", source, "-o", tmp_path / "out")

    for outcome in (imported, exported):
        assert outcome.code == 1
        assert outcome.err == f"reader: {xmi.NEEDS_CASSIS}\n"
    assert not (tmp_path / "out").exists()
