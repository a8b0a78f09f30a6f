"""The tuned thresholds and sizes of grouping, each with the reason for its value."""

from __future__ import annotations

# Cosine a mutual-best pair needs to become a link. Seed-gold F1 by value:
# 0.08: 0.67, 0.10: 0.67, 0.12: 0.69, 0.15: 0.68, 0.18: 0.66, 0.22: 0.65,
# 0.30: 0.56 (the invented sets start losing pairs above 0.12). Lower admits
# background sentences sharing only common words; higher loses paraphrases,
# which share only one or two distinctive keys in long sentences.
LINK_MIN = 0.12
# A link needs this much similarity from features that are not common (found
# in more sentences than COMMON_PER_ARTICLE per article: a fact's words turn
# up about once per article). Sharing only the protagonists' names and the
# place is not a fact in common. Neutral on the golds, a guard for small inputs.
COMMON_PER_ARTICLE = 1.5
DISTINCT_MIN = 0.03
# Best-match votes: a sentence whose best matches (each >= SUPPORT_MIN) in
# SUPPORT other articles sit in one cluster joins it. 0.08 is the lowest value
# that adds no false pair on the invented golds (0.06 adds one; 0.10 loses
# seed recall 0.61 -> 0.54).
SUPPORT_MIN = 0.08
SUPPORT = 2
# Context pass: a weak mutual-best pair (cosine >= CONTEXT_LINK_MIN, which is
# AVERAGE_MIN: a lower pair could not merge anyway) links when CONTEXT_WEIGHT
# per aligned pair of neighbours lifts it to LINK_MIN; a neighbour pair that
# is itself a weak mutual pair counts WEAK_CONTEXT. Seed F1 by weight (with
# WEAK_CONTEXT 1.0): 0 -> 0.719, 0.04 -> 0.718, 0.05/0.06 -> 0.726 (+claim
# continuations 0.735); WEAK_CONTEXT 0 or 0.5 -> 0.716. Invented sets unchanged.
CONTEXT_LINK_MIN = 0.05
CONTEXT_WEIGHT = 0.05
WEAK_CONTEXT = 1.0
# A link needs this much similarity when each phrase the two sentences share
# (two or more words in the same order) counts as its heaviest word
# (``phrase_score``): "the last rebel stronghold in Syria" or "Cpl. Justin
# Dunn of the Missouri State Highway Patrol" in both is not a fact in common.
# Below it a link turns weak (its context may still back it). F1 (P) by value,
# seeds / reversed: off 0.845 (0.896) / 0.797 (0.914); 0.04 and 0.045 0.878
# (0.953) / 0.809 (0.946); 0.06 0.884 / 0.815 but the reversed ferry loses a
# pair; 0.07 0.826. Nepal P 0.771 -> 0.833 at 0.045; at 0.05 Kanpur's P falls.
PHRASE_MIN = 0.045
# Average cosine two clusters need to be merged (anti-chaining guard).
AVERAGE_MIN = 0.05
# A neighbouring single sentence must resemble the group this much by itself
# (0.10-0.15 equal on the seeds; 0.15+ misses a split sentence in the ferry set).
ABSORB_MIN = 0.10
# ... and the joined passage may match the group at most this much worse
# (a longer passage has a larger norm, so a true continuation dips a little).
ABSORB_SLACK = 0.1
# Feature weights relative to a word: figures are distinctive, bigrams confirm.
NUMBER_WEIGHT = 2.0
BIGRAM_WEIGHT = 0.5
PART_WEIGHT = 0.5
# Two adjacent words written as one elsewhere ("air strikes" / "airstrikes").
COMPOUND_WEIGHT = 1.0
# A measured claim (figures.extract) becomes a feature naming what it
# measures ("length of a width", "count of soldiers"): two outlets that state
# a figure about the same thing share it even in other units or other words.
# Seed F1 by weight: 0 -> 0.688, 0.5 -> 0.688, 1.0 -> 0.719, 1.5 -> 0.712,
# 2.0 -> 0.700 (wildfire 0.92), 3.0 -> 0.671 (ferry and wildfire lose pairs).
CLAIM_WEIGHT = 1.0
# Two clusters never merge when their members state figures about the same
# thing (figures.relate: conflict) whose nominal values differ by this factor
# or more: that is two facts, and grouping them shows a false conflict. Real
# discrepancies are closer (59 vs 58 soldiers; a corridor "4 miles wide" vs
# 6 km either side, 1.9x). Seed F1: off 0.735, 2.0-3.0 0.746, 4.0 0.735.
FAR_RATIO = 2.5


BLOCK_ROWS = 512  # forms (distinct sentence texts) scored per block ...
BLOCK_CELLS = 2_000_000  # ... and at most this many similarities (forms x sentences) at once
# Most features of a part of the similarity scored as a dense matrix (the
# most frequent; see ``Part``): bounds its memory to this many floats a row.
DENSE_MAX = 256
# Most (sentence, sentence, feature) products expanded at once: bounds the
# memory of scoring (about 40 bytes each).
EXPAND_BUDGET = 250_000
MAX_PASSAGE = 3
# A small number in no figure on either side ("S1 and S2", "B1/2/3", "one of
# the") is no evidence of a fact in common (``unlike_numbers``).
SMALL_NUMBER = 10
IDF_FLOOR = 1.0  # added to log(n / df), so a feature in every sentence still counts
ROUND = 5  # decimals kept of a similarity before comparing
