"""The glossary folds every spelling of a term to one token, built on first use as in a new process."""

from __future__ import annotations

import pytest

from dlprep.answers import glossary
from dlprep.answers.glossary import fold_terms


@pytest.fixture
def first_use(monkeypatch: pytest.MonkeyPatch) -> None:
    """The glossary as a new process sees it: the pattern not yet built."""
    monkeypatch.setattr(glossary, "_PATTERN", None)
    monkeypatch.setattr(glossary, "_TOKEN_BY_SPELLING", {})


def test_every_listed_spelling_folds_to_its_token(first_use) -> None:
    for token, spellings in glossary.TERMS.items():
        for spelling in spellings:
            assert fold_terms(spelling).split() == [token], spelling


@pytest.mark.parametrize(("text", "folded"), [
    ("gradient norm clipping", ["gradnorm", "clipping"]),  # the longer term wins over "gradient"
    ("kl divergence to the reference", ["kldiv", "to", "the", "reference"]),
    ("self-attention with multi-head outputs", ["selfattention", "with", "multihead", "outputs"]),
    ("batch-normalization, then layer  norm", ["batchnorm", ",", "then", "layernorm"]),
    ("a batch of gradients", ["a", "batch", "of", "gradient"]),
    ("lnorm and bnx", ["lnorm", "and", "bnx"]),  # only whole words
])
def test_terms_are_folded_inside_sentences(first_use, text: str, folded: list[str]) -> None:
    assert fold_terms(text).split() == folded
    assert fold_terms(text).split() == folded  # and the same once the pattern is built
