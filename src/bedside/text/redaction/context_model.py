"""A small convolutional tagger that reads each token in the context of the whole message.

The CRF (``sequence.py``) weighs each token's features and those of two words on each side, one by one. This
model reads further and combines what it reads: every token is the sum of learned vectors for its features
(the CRF's own-word features: case shape, suffix, name-list ranks, place, clinical and frequency lists, and
the lower-case word itself when it is a context word, never a word that was ever part of a name or town in the
training data), then three dilated convolutions (one, two and four tokens apart: seven tokens on each side in
all) and the maximum over the message of the last layer let each token see its neighbours and the whole
message before a softmax gives its label (``PATIENT``, ``ADDRESS``, ``DATE``... or ``O``).

It is trained from scratch on the authored messages (``scripts/train_context_model.py``, PyTorch) and ships as
numpy weights (``data/context-model.npz``): nothing is downloaded, and running it needs only numpy. The
sequence detector averages its probabilities with the CRF's marginals (``sequence.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

import numpy as np
from threadpoolctl import threadpool_limits

MODEL_FILE = "data/context-model.npz"
# Dilations of the three convolutions (kernel 3): tokens 1, 2 and 4 apart.
DILATIONS = (1, 2, 4)
WORD_PREFIX = "w="


class ContextModel:
    """The shipped convolutional tagger: ``probabilities`` of each label for each token of a message."""

    def __init__(self, path: str | None = None) -> None:
        _one_blas_thread()
        weights = _load(path or str(resources.files("bedside.text.redaction").joinpath(MODEL_FILE)))
        self.labels: tuple[str, ...] = tuple(str(label) for label in weights["labels"])
        self._index = {str(f): i + 1 for i, f in enumerate(weights["vocabulary"])}  # 0: the empty feature
        self._embedding = weights["embedding"].astype(np.float32)
        self._convolutions = [
            (_taps_side_by_side(weights[f"conv{n}_w"]), weights[f"conv{n}_b"].astype(np.float32), d)
            for n, d in enumerate(DILATIONS)
        ]
        out_w = weights["out_w"].astype(np.float32)  # (2 * channels, labels): for the token, then for the message-wide max
        self._out_token, self._out_message = np.split(out_w, 2)
        self._out_b = weights["out_b"].astype(np.float32)

    def vector(self, features: Iterable[str]) -> np.ndarray:
        """A token's input: the sum of its features' vectors (features the model does not know add nothing)."""
        return self._embedding[[self._index[f] for f in features if f in self._index]].sum(axis=0)  # type: ignore[no-any-return]

    def probabilities(self, vectors: Sequence[np.ndarray]) -> np.ndarray:
        """A (tokens, labels) array of label probabilities, from each token's ``vector``."""
        return self._forward(np.stack(vectors))

    def weighed(self, vectors: Sequence[np.ndarray], positions: Sequence[int], label: str) -> list[tuple[int, float]]:
        """The evidence for ``label`` at token ``positions``: each token whose absence lowers that probability (its
        vector left out, the message read again), with the drop, largest first."""
        column = self.labels.index(label)
        inputs = np.stack(vectors)
        base = self._forward(inputs)[positions, column].mean()
        count = len(vectors)
        without = np.repeat(inputs[None], count, axis=0)
        without[np.arange(count), np.arange(count)] = 0.0
        drops = base - self._forward(without)[:, positions, column].mean(axis=1)
        return [(int(i), float(drops[i])) for i in np.argsort(-drops) if drops[i] > 0]

    def _forward(self, hidden: np.ndarray) -> np.ndarray:
        """Probabilities (..., tokens, labels) for token vectors (..., tokens, dimensions): one message or a stack."""
        for n, (w, b, dilation) in enumerate(self._convolutions):
            out = _convolve(hidden, w, dilation)
            out += b
            np.maximum(out, 0.0, out=out)
            if n:
                out += hidden
            hidden = out
        logits = hidden @ self._out_token
        logits += hidden.max(axis=-2, keepdims=True) @ self._out_message + self._out_b
        logits -= logits.max(axis=-1, keepdims=True)
        np.exp(logits, out=logits)
        logits /= logits.sum(axis=-1, keepdims=True)
        return logits


def _convolve(x: np.ndarray, w: np.ndarray, dilation: int) -> np.ndarray:
    """A kernel-3 convolution over tokens ``dilation`` apart, zero beyond the message: one product with the three
    taps side by side (``w``: (in, 3 * out)), then each token adds the first tap of the token ``dilation`` before it
    and the last tap of the token ``dilation`` after it."""
    size = w.shape[1] // 3
    taps = x @ w
    out = taps[..., size : 2 * size].copy()
    out[..., dilation:, :] += taps[..., :-dilation, :size]
    out[..., :-dilation, :] += taps[..., dilation:, 2 * size :]
    return out


def _taps_side_by_side(stacked: np.ndarray) -> np.ndarray:
    """(3 * in, out) weights, one tap's block after another, as (in, 3 * out)."""
    inputs = stacked.shape[0] // 3
    return stacked.reshape(3, inputs, -1).transpose(1, 0, 2).reshape(inputs, -1).astype(np.float32)


@lru_cache(maxsize=1)
def _one_blas_thread() -> None:
    """Keep numpy's BLAS to one thread in this process. The model's products are small (a message's tokens by 64 to
    384 columns), so a BLAS thread pool only adds hand-offs; and where several processes or request threads redact at
    once (test workers, ingest beside the web app) every pool spawns a thread per core and they fight over the cores:
    two processes on two cores redacted about 105 messages a second each with the pools and 450 without."""
    threadpool_limits(limits=1, user_api="blas")


@lru_cache(maxsize=4)
def _load(path: str) -> dict[str, np.ndarray]:
    with np.load(path, allow_pickle=False) as data:
        return {key: data[key] for key in data.files}
