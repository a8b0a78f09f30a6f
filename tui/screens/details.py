"""Details of the current passage: who carries it and every divergence, explained."""

from __future__ import annotations

from textual.content import Content

from align.model import Alignment, Claim, Divergence, Group, Relation

from ..claims import RELATION_WORDS, relation_between
from ..highlights import HIGHLIGHTS
from ..passages import mark_kind
from ..render import passage_content
from ..safe import plain
from .modal import PassageDialog


def divergence_line(alignment: Alignment, divergence: Divergence, group: Group) -> Content:
    """ "conflicting number · UPI: “58” — 59 vs 58 Turkish soldiers killed: conflict",
    then, for a figure, each figure it is set against with its outlet and passage."""
    kind = mark_kind(divergence)
    label = plain(alignment.articles[divergence.article].label, "bold")
    quoted = Content("“") + plain(divergence.text[:300], HIGHLIGHTS[kind].style) + Content("”")
    detail = plain(divergence.detail[:500])
    head = Content.styled(HIGHLIGHTS[kind].label, "bold")
    lines = [Content.assemble(head, " · ", label, ": ", quoted, "\n    ", detail)]
    own = next((c for c in group.claims if same_span(c, divergence)), None)
    for claim in divergence.against:
        relation = relation_between(alignment, own, claim) if own else None
        lines.append(against_line(alignment, claim, relation, group.id))
    return Content("\n").join(lines)


def same_span(claim: Claim, divergence: Divergence) -> bool:
    """Whether the divergence marks (part of) this claim's figure."""
    d, q = divergence, claim.quantity
    return (claim.article, claim.sentence) == (d.article, d.sentence) and (
        q.start < d.end and d.start < q.end
    )


def against_line(
    alignment: Alignment, claim: Claim, relation: Relation | None, group: int
) -> Content:
    """ "    ↔ conflicts with “59” · The Hill · passage 36 (o goes there)"."""
    where = "this passage" if claim.group == group else f"passage {claim.group + 1} (o goes there)"
    how = RELATION_WORDS[relation] if relation else "set against"
    outlet = plain(alignment.articles[claim.article].label, "bold")
    figure = Content("“") + plain(claim.quantity.text[:300]) + Content("”")
    return Content.assemble(f"    ↔ {how} ", figure, " · ", outlet, " · ", where)


def carriers(alignment: Alignment, group: Group) -> Content:
    """Which outlets carry the passage."""
    labels = [plain(alignment.articles[m.article].label) for m in group.members]
    total = len(alignment.articles)
    head = Content.styled(f"Passage {group.id + 1}: carried by {len(labels)} of {total}", "bold")
    return head + Content(": ") + Content(", ").join(labels)


def details_content(alignment: Alignment, group: Group) -> Content:
    """The whole details text."""
    parts = [carriers(alignment, group)]
    if group.is_single:
        label = plain(alignment.articles[group.members[0].article].label, "bold")
        parts.append(Content("Only ") + label + Content(" reports this passage."))
    if not group.divergences:
        parts.append(Content.styled("No divergences: the outlets that carry it agree.", "italic"))
    parts.extend(divergence_line(alignment, d, group) for d in group.divergences)
    for member in group.members:
        text = passage_content(alignment, group, member.article) or Content("")
        label = plain(alignment.articles[member.article].label, "bold underline")
        parts.append(label + Content("\n") + text)
    return Content("\n\n").join(parts)


class DetailsScreen(PassageDialog):
    """Modal listing the passage's divergences with their detail lines."""

    HEADING = "Details"
    BODY_ID = "details-text"

    def body(self) -> Content:
        return details_content(self.alignment, self.group)
