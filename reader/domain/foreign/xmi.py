"""UIMA CAS XMI, as INCEpTION and WebAnno write it: one ``.xmi`` per document beside the
``TypeSystem.xml`` that declares its types (INCEpTION's export zips the two together).

XMI counts offsets in UTF-16 code units of the sofa string; dkpro-cassis, the peer's own Python
library, converts them to code points when it reads and back when it writes, so Reader sees code
points of the text as the file has it (a CRLF counts two). NamedEntity spans (``value`` is the tag),
custom span layers (``webanno.custom.*`` with a string feature ``label`` or ``value``) and relation
layers (types with ``Governor`` and ``Dependent`` features: from the governor to the dependent, the
label from a string feature ``label`` or ``value``, else the type's short name) come in; chain links
and other layers are counted, and so is a relation from or to something that is no span (DKPro's
Dependency links tokens). Reader writes its relations as INCEpTION's custom relation layer
``webanno.custom.Relation`` over the NamedEntity layer. cassis is imported only when XMI is used.
https://uima.apache.org/d/uimaj-current/references.html#ugr.ref.xmi
"""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Iterable, Iterator
from io import BytesIO
from pathlib import Path, PurePosixPath
from typing import Any

from reader.domain.foreign.brat import file_stem
from reader.domain.foreign.model import (
    BadPeerFile,
    ExportedDocument,
    PeerDocument,
    PeerFile,
    PeerRelation,
    PeerSpan,
)
from reader.domain.offsets import Unit

NAME = "xmi"
NEEDS_CASSIS = "XMI needs dkpro-cassis: pip install 'reader[peers]'"
NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
METADATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
CUSTOM_LAYERS = "webanno.custom."
RELATION_LAYER = "webanno.custom.Relation"  # Reader's relations as a custom relation layer
GOVERNOR, DEPENDENT = "Governor", "Dependent"
LABEL_FEATURES = ("label", "value")
TYPE_SYSTEM = "TypeSystem.xml"
CHAIN_LINK, UNLABELLED = "chain link", "span without a label"
_RELATION = "relation"
# Types INCEpTION keeps for itself (tokens, sentences, the document's metadata): not annotations.
_INFRASTRUCTURE = (
    "uima.",
    "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.",
    "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.",
)


def _cassis() -> Any:
    try:
        import cassis
    except ImportError as error:
        raise BadPeerFile(NEEDS_CASSIS) from error
    return cassis


def read(path: Path) -> PeerFile:
    """One ``.xmi``, a folder of them (searched through its subfolders), or a ``.zip`` of them."""
    cassis = _cassis()
    peer = PeerFile(NAME, Unit.CODE_POINTS)
    for where, xmi, type_system in _sources(path):
        try:
            document = _document(cassis, where, xmi, type_system, peer)
        except Exception as error:  # cassis and lxml raise many kinds on a damaged file
            peer.problems.append((where, f"cassis cannot read it: {str(error).splitlines()[0][:200]}"))
            continue
        if document is not None:
            peer.documents.append(document)
    return peer


def _sources(path: Path) -> Iterator[tuple[str, bytes, bytes | None]]:
    """(name, XMI, the type system beside it or None) of each ``.xmi`` that ``path`` holds."""
    if path.suffix.lower() == ".zip":
        yield from _zipped(path)
    elif path.is_dir():
        found = sorted(path.rglob("*.xmi"))
        if not found:
            raise BadPeerFile(f"{path} holds no .xmi files")
        for xmi in found:
            yield xmi.relative_to(path).as_posix(), xmi.read_bytes(), _type_system_near(xmi.parent, path)
    elif path.suffix.lower() == ".xmi":
        yield path.name, path.read_bytes(), _type_system_near(path.parent, path.parent)
    else:
        raise BadPeerFile(f"{path.name} is neither a .xmi nor a .zip file, nor a folder of .xmi files")


def _zipped(path: Path) -> Iterator[tuple[str, bytes, bytes | None]]:
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            type_systems = [name for name in names if _is_type_system(PurePosixPath(name).name)]
            xmis = sorted(name for name in names if name.lower().endswith(".xmi"))
            if not xmis:
                raise BadPeerFile(f"{path.name} holds no .xmi files")
            for name in xmis:
                folder = PurePosixPath(name).parent
                beside = [t for t in type_systems if PurePosixPath(t).parent == folder] or type_systems
                yield name, archive.read(name), archive.read(beside[0]) if beside else None
    except zipfile.BadZipFile as error:
        raise BadPeerFile(f"{path.name} is not a zip archive: {error}") from error


def _type_system_near(folder: Path, root: Path) -> bytes | None:
    """The type system in ``folder`` or the nearest folder above it, up to ``root``."""
    for candidate in (folder, *folder.parents):
        found = sorted(p for p in candidate.iterdir() if p.is_file() and _is_type_system(p.name))
        if found:
            return found[0].read_bytes()
        if candidate == root:
            break
    return None


def _is_type_system(name: str) -> bool:
    return name.lower().endswith("typesystem.xml")


def _document(cassis: Any, where: str, xmi: bytes, type_system: bytes | None, peer: PeerFile) -> PeerDocument | None:
    if type_system is None:
        peer.problems.append((where, f"there is no {TYPE_SYSTEM} beside it: only DKPro Core's own types were read"))
        types = cassis.load_dkpro_core_typesystem()
    else:
        types = cassis.load_typesystem(BytesIO(type_system))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cas = cassis.load_cas_from_xmi(BytesIO(xmi), typesystem=types, lenient=True)
    unmapped = [str(w.message) for w in caught if "offset" in str(w.message)]
    if unmapped:  # cassis keeps such an offset as it was: the span would land elsewhere
        peer.problems.append((where, f"offsets that split a character or lie outside the text: {unmapped[0]}"))
        return None
    if cas.sofa_string is None:
        peer.problems.append((where, "its CAS holds no text"))
        return None
    document = PeerDocument(_name(cas, where), cas.sofa_string)
    for fs in cas.select_all_fs():
        kind = _kind(cas.typesystem, fs)
        if kind is None:
            label = _label(fs)
            if label:
                document.spans.append(PeerSpan(fs.begin, fs.end, label, id=_id(fs)))
            else:
                peer.skipped[UNLABELLED] += 1
        elif kind == _RELATION:
            document.relations.append(PeerRelation(_id(fs.get(GOVERNOR)), _id(fs.get(DEPENDENT)), _relation_label(fs)))
        elif kind:
            peer.skipped[kind] += 1
    return document


def _id(fs: Any) -> str:
    """What the document's spans and relations name an annotation by ("" for none)."""
    return "" if fs is None else f"xmi:id {fs.xmiID}"


def _name(cas: Any, where: str) -> str:
    for metadata in _select(cas, METADATA):
        title = metadata.get("documentTitle") or metadata.get("documentId")
        if title:
            return str(title)
    return where


def _select(cas: Any, type_name: str) -> list:
    return cas.select(type_name) if cas.typesystem.contains_type(type_name) else []


def _kind(types: Any, fs: Any) -> str | None:
    """None for a span Reader holds; otherwise what to count it as ('' for INCEpTION's own types)."""
    name: str = fs.type.name
    annotation = types.is_instance_of(name, "uima.tcas.Annotation")
    features = {feature.name for feature in fs.type.all_features}
    if not annotation or name.startswith(_INFRASTRUCTURE):
        return ""
    if types.contains_type(NAMED_ENTITY) and types.is_instance_of(name, NAMED_ENTITY):
        return None
    if {GOVERNOR, DEPENDENT} <= features:
        return _RELATION
    if "next" in features:
        return CHAIN_LINK
    if name.startswith(CUSTOM_LAYERS) and _label_feature(fs) is not None:
        return None
    return f"{fs.type.short_name} annotation"


def _label_feature(fs: Any) -> str | None:
    for feature in fs.type.all_features:
        if feature.name in LABEL_FEATURES and feature.rangeType.name == "uima.cas.String":
            return feature.name
    return None


def _relation_label(fs: Any) -> str:
    feature = _label_feature(fs)
    return (fs.get(feature) if feature else None) or fs.type.short_name


def _label(fs: Any) -> str:
    if fs.type.name.startswith(CUSTOM_LAYERS):
        return fs.get(_label_feature(fs)) or ""
    # A NamedEntity subtype (DKPro's Person, Location) names its kind when its value is unset.
    return fs.get("value") or ("" if fs.type.name == NAMED_ENTITY else fs.type.short_name)


def write(documents: Iterable[ExportedDocument], folder: Path) -> int:
    """Each document as ``<name>.xmi`` under ``folder`` with one ``TypeSystem.xml`` beside them
    (NamedEntity with ``value``, the relation layer, and DocumentMetaData for the name); the
    number of spans."""
    cassis = _cassis()
    types = type_system(cassis)
    count = 0
    folder.mkdir(parents=True, exist_ok=True)
    types.to_xml(folder / TYPE_SYSTEM)
    entity, relation, metadata = (types.get_type(name) for name in (NAMED_ENTITY, RELATION_LAYER, METADATA))
    for document in documents:
        cas = cassis.Cas(typesystem=types)
        cas.sofa_string = document.text
        cas.sofa_mime = "text"
        cas.add(metadata(begin=0, end=len(document.text), documentTitle=document.name, documentId=document.name))
        entities = {span.id: entity(begin=span.start, end=span.end, value=span.tag) for span in document.spans}
        cas.add_all(entities.values())
        for link in document.relations:
            governor, dependent = entities[link.source_id], entities[link.target_id]
            # INCEpTION puts a relation where its dependent is.
            cas.add(
                relation(
                    begin=dependent.begin, end=dependent.end, Governor=governor, Dependent=dependent, label=link.type
                )
            )
        target = folder / (file_stem(document.name) + ".xmi")
        target.parent.mkdir(parents=True, exist_ok=True)
        cas.to_xmi(target)
        count += len(document.spans)
    return count


def type_system(cassis: Any) -> Any:
    """What Reader's XMI declares: INCEpTION's built-in NamedEntity layer, a custom relation layer
    between its spans (``Governor``, ``Dependent`` and a ``label``) and DKPro's DocumentMetaData."""
    types = cassis.TypeSystem()
    entity = types.create_type(NAMED_ENTITY, supertypeName="uima.tcas.Annotation")
    types.create_feature(entity, "value", "uima.cas.String")
    relation = types.create_type(RELATION_LAYER, supertypeName="uima.tcas.Annotation")
    for end in (GOVERNOR, DEPENDENT):
        types.create_feature(relation, end, NAMED_ENTITY)
    types.create_feature(relation, "label", "uima.cas.String")
    metadata = types.create_type(METADATA, supertypeName="uima.tcas.DocumentAnnotation")
    for feature in ("documentTitle", "documentId"):
        types.create_feature(metadata, feature, "uima.cas.String")
    return types
