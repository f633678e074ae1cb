"""The oldest TensorFlow, Keras, NumPy and Matplotlib the labs run on, checked at setup.

pip enforces requirements.txt's ranges, but Colab installs the labs with ``--no-deps`` and keeps
its own packages; :func:`check_versions` (called by every notebook's setup cell) then says
exactly what to upgrade instead of letting a lab fail halfway with an obscure error.
``make test-oldest`` runs every notebook on these versions; ``tests/test_versions.py`` checks
that they match requirements.txt's floors.
"""

from __future__ import annotations

import importlib

__all__ = ["BACKEND_MINIMUM", "MINIMUM", "check_versions", "parse_version"]

# Import name -> oldest supported release (the floors of requirements.txt).
MINIMUM = {"tensorflow": "2.16", "keras": "3.10", "numpy": "1.26", "matplotlib": "3.8"}
# The other Keras backends: the floors of pyproject.toml's extras [jax] and [torch]
# (``make test-oldest`` checks the TensorFlow floors only).
BACKEND_MINIMUM = {"jax": "0.5", "torch": "2.5"}


def parse_version(version: str) -> tuple[int, ...]:
    """'3.10.0' -> (3, 10, 0); pre-release and local tails are dropped (2.16.0rc1 -> 2.16.0)."""
    if not isinstance(version, str):
        raise TypeError(f"version must be a str, got {type(version).__name__} {version!r}")
    parts = []
    for piece in version.split("+")[0].split("."):
        digits = ""
        for ch in piece:
            if not ch.isdigit():
                break
            digits += ch
        if not digits:
            break
        parts.append(int(digits))
        if len(digits) < len(piece):  # '0rc1': the release number ends here
            break
    if not parts:
        raise ValueError(f"version {version!r} does not start with a number")
    return tuple(parts)


def check_versions(installed: dict[str, str] | None = None, backend: str = "tensorflow") -> None:
    """Raise ImportError naming every package older than :data:`MINIMUM` (or
    :data:`BACKEND_MINIMUM`) and the pip command that upgrades them.

    Args:
        installed: import name -> version; default: the installed versions of Keras, NumPy,
            Matplotlib and ``backend``'s package.
        backend: the Keras backend in use, ``"tensorflow"``, ``"jax"`` or ``"torch"``.

    Example:
        >>> check_versions({"tensorflow": "2.21.0", "keras": "3.15.1", "numpy": "2.4.6",
        ...                 "matplotlib": "3.11.2"})
        >>> check_versions({"tensorflow": "2.21.0", "keras": "3.8.0", "numpy": "2.4.6",
        ...                 "matplotlib": "3.11.2"})  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ImportError: the labs need keras >= 3.10 (found 3.8.0). Run `pip install -U ...
    """
    if backend not in ("tensorflow", "jax", "torch"):
        raise ValueError(f"backend must be 'tensorflow', 'jax' or 'torch', got {backend!r}")
    floors = {**MINIMUM, **BACKEND_MINIMUM}
    if installed is None:
        names = ["keras", "numpy", "matplotlib", backend]
        installed = {name: importlib.import_module(name).__version__ for name in names}
    old = {
        name: version
        for name, version in installed.items()
        if name in floors and parse_version(version) < parse_version(floors[name])
    }
    if old:
        found = ", ".join(f"{name} >= {floors[name]} (found {v})" for name, v in old.items())
        specs = " ".join(f"'{name}>={floors[name]}'" for name in old)
        raise ImportError(
            f"the labs need {found}. Run `pip install -U {specs}`, then restart the kernel "
            "(Colab: Runtime > Restart session) and run the setup cell again."
        )
