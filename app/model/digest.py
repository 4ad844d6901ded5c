"""The hash that cache keys are made with, without importing :mod:`hashlib`.

Importing ``hashlib`` loads OpenSSL's libcrypto (2-3 ms of every start-up, for keys that only need a
strong hash of a few hundred kilobytes). BLAKE2b is built into CPython: ``hashlib.blake2b`` is
``_blake2.blake2b``, taken here directly, and from ``hashlib`` where a Python lacks that module.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python without CPython's built-in module
    from hashlib import blake2b

DIGEST_BYTES = 32


def new_digest(data: bytes = b"") -> blake2b:
    """A hash of ``data`` (256 bits), to ``update`` with more."""
    return blake2b(data, digest_size=DIGEST_BYTES)
