"""A spaCy pipeline shaped like ``en_core_web_lg``, for timing Presidio's default setup on this offline machine.

Presidio's default NLP engine runs spaCy's ``en_core_web_lg``, which cannot be downloaded here (spaCy's
models are not on PyPI). The time a spaCy pipeline takes depends on its architecture, not on the values of
its weights, so this builds the same architecture with untrained weights: a shared CNN tok2vec (width 96,
depth 4, hash embeddings of NORM / PREFIX / SUFFIX / SHAPE plus 300-dimensional static vectors) feeding a
tagger and a dependency parser, and a named-entity recogniser with its own copy of that tok2vec, with the
label sets of the English models. Left out, which only flatters Presidio: the attribute ruler and the
lemmatizer (table lookups), and the vector table is 20,000 rows instead of 514,000 (the same work per token).
Its entities are meaningless: use it for speed only, never for recall.
"""

from __future__ import annotations

from typing import Any

NER_LABELS = (
    "PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE DATE TIME PERCENT MONEY QUANTITY "
    "ORDINAL CARDINAL"
).split()
TAGS = (
    "$ '' , -LRB- -RRB- . : ADD AFX CC CD DT EX FW HYPH IN JJ JJR JJS LS MD NFP NN NNP NNPS NNS PDT POS PRP "
    "PRP$ RB RBR RBS RP SYM TO UH VB VBD VBG VBN VBP VBZ WDT WP WP$ WRB XX _SP ``"
).split()
DEPS = (
    "ROOT acl acomp advcl advmod agent amod appos attr aux auxpass case cc ccomp compound conj csubj csubjpass "
    "dative dep det dobj expl intj mark meta neg nmod npadvmod nsubj nsubjpass nummod oprd parataxis pcomp pobj "
    "poss preconj predet prep prt punct quantmod relcl xcomp"
).split()
VECTOR_ROWS, VECTOR_WIDTH = 20_000, 300


def lg_shaped_pipeline(words: list[str]) -> Any:
    """An initialised spaCy ``Language`` with en_core_web_lg's components and sizes; ``words`` fill the vector table."""
    import numpy
    import spacy
    from spacy.cli.init_config import init_config
    from spacy.vectors import Vectors

    config = init_config(lang="en", pipeline=["tagger", "parser", "ner"], optimize="efficiency", gpu=False)
    tok2vec = config["components"]["tok2vec"]["model"]
    tok2vec["embed"]["include_static_vectors"] = True
    ner_tok2vec = {  # the English models give the recogniser a tok2vec of its own
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": dict(tok2vec["embed"], width=96),
        "encode": dict(tok2vec["encode"], width=96),
    }
    config["components"]["ner"]["model"]["tok2vec"] = ner_tok2vec
    nlp = spacy.blank("en")
    keys = [nlp.vocab.strings.add(w) for w in dict.fromkeys(words)][:VECTOR_ROWS]
    table = numpy.random.default_rng(0).standard_normal((VECTOR_ROWS, VECTOR_WIDTH)).astype("float32")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=table, keys=keys, name="lg_shaped")
    nlp = spacy.util.load_model_from_config(config, auto_fill=True, vocab=nlp.vocab)
    for name, labels in (("tagger", TAGS), ("parser", DEPS), ("ner", NER_LABELS)):
        pipe = nlp.get_pipe(name)
        for label in labels:
            pipe.add_label(label)
    nlp.initialize()
    return nlp
