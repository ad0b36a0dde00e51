"""How far two annotators agree on the spans of the same documents.

Each annotator's spans are ``(document key, start, end, tag)``; ``lengths`` gives the
length of every document both annotated, and spans of other documents are left out.
The first annotator (A) is the reference: precision is the share of B's spans that
are matched in A, recall the share of A's spans matched in B.

Span-level scores, per tag and overall (overall pools the counts of every tag, a
micro-average). ``matched`` counts pairs of one span of A and one of B of the same
document and tag; a span is in at most one pair. precision = matched / |B|,
recall = matched / |A|, F1 = 2 matched / (|A| + |B|); a score whose denominator
is 0 is None.

- exact: the two spans have the same start and end.
- overlap: the two spans share at least one character. Pairs are taken greedily:
  the largest number of shared characters first, then the pair whose edges are
  closest (|start difference| + |end difference|), then the earliest spans; a
  pair is taken only when neither of its spans is taken yet. Greedy can pair fewer
  spans than the largest possible matching (A [0,10) [8,12), B [0,3) [5,12):
  [0,10)-[5,12) share 5 and are paired first, leaving no pair for the others), but
  every span goes to its best partner, and the rule is easy to check by hand.

The chance-corrected figure is Cohen's kappa over characters. Every character of
every compared document gets one label from each annotator, and
kappa = (po - pe) / (1 - pe), with po the share of characters labelled alike and
pe = sum over labels of pA(label) * pB(label). It is None when pe = 1 (both gave
every character the same single label: nothing to correct for chance).

- per tag T: the label is whether a span of T covers the character.
- overall: the label is the set of tags whose spans cover the character (empty:
  "none"). A character covered by actor and claim is labelled {actor, claim}, which
  agrees only with {actor, claim}; two spans of one tag over a character count once.

Relations (``compare_relations``) are scored as spans are, per relation type and overall,
without kappa. A relation of A pairs with one of B when their types are the same and
both their ends pair: for exact, the two sources are alike (same document, tag, start
and end) and so are the two targets; for overlap, B's source is the partner overlap
matching gave A's source among the spans (the pairs ``compare`` counts), and B's target
is A's target's partner. A span is in one pair at most and a database links two
annotations by one type once, so a relation is in one pair at most too. A relation
counts only when both its ends do (spans given, of a compared document); the caller
leaves rejected relations out.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

Span = tuple[str, int, int, str]
Link = tuple[str, str, str]  # (relation type, source annotation id, target annotation id)


@dataclass(frozen=True)
class Scores:
    matched: int
    first: int  # spans of A
    second: int  # spans of B

    @property
    def precision(self) -> float | None:
        return self.matched / self.second if self.second else None

    @property
    def recall(self) -> float | None:
        return self.matched / self.first if self.first else None

    @property
    def f1(self) -> float | None:
        total = self.first + self.second
        return 2 * self.matched / total if total else None


@dataclass(frozen=True)
class Agreement:
    """The figures for one tag, or for all tags together (``tag`` None)."""

    tag: str | None
    exact: Scores
    overlap: Scores
    kappa: float | None


@dataclass(frozen=True)
class AgreementReport:
    by_tag: list[Agreement]
    overall: Agreement
    documents: int
    characters: int


def compare(
    first: Iterable[Span], second: Iterable[Span], lengths: Mapping[str, int], tag: str | None = None
) -> AgreementReport:
    """Agreement of ``first`` (A) and ``second`` (B); only ``tag`` when it is given."""
    groups_a, groups_b = _grouped(first, lengths, tag), _grouped(second, lengths, tag)
    tags = sorted({t for _, t in groups_a} | {t for _, t in groups_b})
    counts: dict[str, tuple[Scores, Scores]] = {}
    for t in tags:
        exact, overlap, n_a, n_b = 0, 0, 0, 0
        for document in lengths:
            a, b = groups_a.get((document, t), []), groups_b.get((document, t), [])
            exact += sum((Counter(a) & Counter(b)).values())
            overlap += len(overlap_pairs(a, b))
            n_a, n_b = n_a + len(a), n_b + len(b)
        counts[t] = Scores(exact, n_a, n_b), Scores(overlap, n_a, n_b)
    labels = _character_labels(groups_a, groups_b, lengths)
    by_tag = [Agreement(t, *counts[t], _kappa(_relabelled(labels, _holding(t)))) for t in tags]
    overall = Agreement(
        None, _pooled(c[0] for c in counts.values()), _pooled(c[1] for c in counts.values()), _kappa(labels)
    )
    return AgreementReport(by_tag, overall, len(lengths), sum(lengths.values()))


@dataclass(frozen=True)
class LinkedSpans:
    """One annotator's counted spans by annotation id, and the relations between them."""

    spans: Mapping[str, Span]
    links: Sequence[Link]


@dataclass(frozen=True)
class RelationAgreement:
    """The figures for one relation type, or for all types together (``type`` None)."""

    type: str | None
    exact: Scores
    overlap: Scores


@dataclass(frozen=True)
class RelationAgreementReport:
    by_type: list[RelationAgreement]
    overall: RelationAgreement


def compare_relations(
    first: LinkedSpans, second: LinkedSpans, lengths: Mapping[str, int], tag: str | None = None
) -> RelationAgreementReport:
    """Relation agreement of ``first`` (A) and ``second`` (B); only the relations with an end
    of ``tag`` when it is given."""
    links_a, links_b = _counted_links(first, lengths, tag), _counted_links(second, lengths, tag)
    partners = _overlap_partners(first.spans, second.spans, lengths)
    by_type = []
    for kind in sorted(links_a.keys() | links_b.keys()):
        a, b = links_a.get(kind, []), links_b.get(kind, [])
        exact = Counter(_ends(first.spans, link) for link in a) & Counter(_ends(second.spans, link) for link in b)
        held = set(b)
        overlap = sum((kind, partners.get(source), partners.get(target)) in held for _, source, target in a)
        by_type.append(
            RelationAgreement(kind, Scores(sum(exact.values()), len(a), len(b)), Scores(overlap, len(a), len(b)))
        )
    overall = RelationAgreement(None, _pooled(r.exact for r in by_type), _pooled(r.overlap for r in by_type))
    return RelationAgreementReport(by_type, overall)


def _counted_links(annotator: LinkedSpans, lengths: Mapping, only: str | None) -> dict[str, list[Link]]:
    """The links whose two ends count, by relation type."""
    spans, by_type = annotator.spans, defaultdict(list)
    for link in annotator.links:
        kind, source, target = link
        if source not in spans or target not in spans or spans[source][0] not in lengths:
            continue
        if only is None or only in (spans[source][3], spans[target][3]):
            by_type[kind].append(link)
    return by_type


def _ends(spans: Mapping[str, Span], link: Link) -> tuple[Span, Span]:
    return spans[link[1]], spans[link[2]]


def _overlap_partners(first: Mapping[str, Span], second: Mapping[str, Span], lengths: Mapping) -> dict[str, str]:
    """{annotation id of A: id of its partner in B} for the pairs overlap matching takes."""
    groups_a, groups_b = _ids_grouped(first, lengths), _ids_grouped(second, lengths)
    partners = {}
    for group, ids_a in groups_a.items():
        ids_b = groups_b.get(group, [])
        edges_a = [first[i][1:3] for i in ids_a]
        edges_b = [second[j][1:3] for j in ids_b]
        for i, j in overlap_pairs(edges_a, edges_b):
            partners[ids_a[i]] = ids_b[j]
    return partners


def _ids_grouped(spans: Mapping[str, Span], lengths: Mapping) -> dict[tuple, list[str]]:
    """Annotation ids by (document, tag), in the order of ``spans``: the order ``_grouped``
    keeps, so that overlap matching pairs the same spans for relations as for spans."""
    groups: dict[tuple, list[str]] = defaultdict(list)
    for annotation_id, (document, _, _, tag) in spans.items():
        if document in lengths:
            groups[document, tag].append(annotation_id)
    return groups


def _grouped(spans: Iterable[Span], lengths: Mapping, only: str | None) -> dict[tuple, list[tuple[int, int]]]:
    groups: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
    for document, start, end, tag in spans:
        if document in lengths and (only is None or tag == only):
            groups[document, tag].append((start, end))
    return groups


def _pooled(scores: Iterable[Scores]) -> Scores:
    scores = list(scores)
    return Scores(sum(s.matched for s in scores), sum(s.first for s in scores), sum(s.second for s in scores))


def overlap_pairs(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pairs (index in ``a``, index in ``b``) that overlap matching takes, by the greedy
    rule above: the most shared characters first, then the closest edges, then the earliest."""
    order_a = sorted(range(len(a)), key=a.__getitem__)
    order_b = sorted(range(len(b)), key=b.__getitem__)
    starts = [b[j][0] for j in order_b]
    longest = max((end - start for start, end in b), default=0)
    pairs = []
    for i, (start, end) in enumerate(a[k] for k in order_a):
        # Only a span of B that starts after start - longest can reach past start.
        for j in range(bisect_left(starts, start - longest + 1), bisect_left(starts, end)):
            b_start, b_end = b[order_b[j]]
            shared = min(end, b_end) - max(start, b_start)
            if shared > 0:
                pairs.append((-shared, abs(start - b_start) + abs(end - b_end), i, j))
    pairs.sort()
    taken_a, taken_b, taken = set(), set(), []
    for _, _, i, j in pairs:
        if i not in taken_a and j not in taken_b:
            taken_a.add(i)
            taken_b.add(j)
            taken.append((order_a[i], order_b[j]))
    return taken


def _character_labels(groups_a: dict, groups_b: dict, lengths: Mapping) -> Counter:
    """How many characters got each (A's set of tags, B's set of tags)."""
    events: dict[str, list[tuple[int, int, int, str]]] = defaultdict(list)
    for who, groups in enumerate((groups_a, groups_b)):
        for (document, tag), spans in groups.items():
            for start, end in spans:
                start, end = max(0, start), min(lengths[document], end)
                if start < end:
                    events[document] += [(start, 1, who, tag), (end, -1, who, tag)]
    labels: Counter = Counter()
    for document, length in lengths.items():
        covering: tuple[Counter[str], Counter[str]] = (Counter(), Counter())
        position = 0
        for edge, delta, who, tag in sorted(events[document]):
            if edge > position:
                labels[_tags_of(covering[0]), _tags_of(covering[1])] += edge - position
                position = edge
            covering[who][tag] += delta
        labels[frozenset(), frozenset()] += length - position
    return labels


def _tags_of(covering: Counter) -> frozenset:
    return frozenset(tag for tag, n in covering.items() if n > 0)


def _holding(tag: str) -> Callable[[frozenset], bool]:
    """A character's label by whether its set of tags holds ``tag``."""
    return lambda tags: tag in tags


def _relabelled(labels: Counter, label: Callable[[frozenset], Hashable]) -> Counter:
    relabelled: Counter = Counter()
    for (a, b), n in labels.items():
        relabelled[label(a), label(b)] += n
    return relabelled


def _kappa(labels: Counter) -> float | None:
    """Cohen's kappa from {(label of A, label of B): count}, in exact integers until the end."""
    n = sum(labels.values())
    agreed = sum(count for (a, b), count in labels.items() if a == b)
    share_a: Counter[Hashable] = Counter()
    share_b: Counter[Hashable] = Counter()
    for (a, b), count in labels.items():
        share_a[a] += count
        share_b[b] += count
    chance = sum(share_a[label] * share_b[label] for label in share_a)  # pe * n²
    if chance == n * n:
        return None
    return (agreed * n - chance) / (n * n - chance)
