"""`pip install` that shows one line per package fetched (name, version, size) and nothing else.

    python tools/pip_install.py -r requirements-dev.txt -c constraints.txt -e .   (make's install)

pip's own output is either silent (--quiet: a first install looks hung for a minute) or two
lines per package plus build chatter. This runs the same `pip install` (with the arguments given)
and prints, as pip goes: one line per package it downloads or unpacks, with its size (on a
terminal the line of a large download counts up to 100 %), then one line for the install.
pip's warnings and errors (its stderr) pass through untouched; if pip fails, the last lines of
its normal output are shown too, and the exit status is pip's.
"""

from __future__ import annotations

import collections
import os
import re
import subprocess
import sys
from urllib.parse import unquote, urlparse

FETCH = re.compile(
    r"^\s*(?P<how>Downloading|Using cached|Processing|Obtaining) (?P<what>\S+)"
    r"(?: \((?P<size>[\d.]+ [kMGT]?B)\))?"
)
PROGRESS = re.compile(r"^Progress (\d+) of (\d+)$")
SDIST = re.compile(r"^(?P<name>.+)-(?P<version>\d[^-]*)\.(?:tar\.gz|zip)$")


def name_version(base: str) -> tuple[str, str] | None:
    """('tensorflow-cpu', '2.21.0') from a wheel's or sdist's file name, else None."""
    if base.endswith(".whl"):  # name-version[-build]-python-abi-platform.whl
        parts = base[: -len(".whl")].split("-")
        return (parts[0], parts[1]) if len(parts) >= 5 else None
    m = SDIST.match(base)
    return (m["name"], m["version"]) if m else None


def describe(how: str, what: str, size: str | None) -> str | None:
    """The line for one fetched package, or None for what is not a package archive."""
    path = unquote(urlparse(what).path) if "://" in what else what
    if how == "Obtaining":  # an editable project: a directory
        return f"  {path} (editable)"
    base = os.path.basename(path)
    if base.endswith(".metadata"):
        return None
    parsed = name_version(base)
    if not parsed:
        return f"  {base}"
    if size is None and os.path.isfile(path):
        size = human(os.path.getsize(path))
    source = {"Downloading": "", "Using cached": ", cached", "Processing": ", local file"}[how]
    size_text = f" ({size}{source})" if size else (f" ({source[2:]})" if source else "")
    return f"  {parsed[0].replace('_', '-').lower()} {parsed[1]}{size_text}"


def human(n: float) -> str:
    for unit in ("bytes", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    raise AssertionError


def main(argv: list[str]) -> int:
    cmd = [sys.executable, "-m", "pip", "install", "--progress-bar", "raw", *argv]
    tty = sys.stdout.isatty()
    tail: collections.deque[str] = collections.deque(maxlen=30)
    current = ""  # the line of the download in progress (tty: rewritten with its percentage)
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, bufsize=1) as proc:
        assert proc.stdout is not None
        for raw in proc.stdout:
            line = raw.rstrip("\n")
            if m := PROGRESS.match(line):
                done, total = int(m[1]), int(m[2])
                if tty and current and total:
                    print(f"\r{current}  {100 * done // total:3d} %", end="", flush=True)
                continue
            tail.append(line)
            if tty and current:
                print(flush=True)  # end the percentage line
            current = ""
            if m := FETCH.match(line):
                text = describe(m["how"], m["what"], m["size"])
                if text:
                    print(text, end="" if tty else "\n", flush=True)
                    current = text if tty else ""
            elif line.startswith("Installing collected packages: "):
                count = len(line.split(": ", 1)[1].split(", "))
                print(f"  installing {count} package{'s' * (count != 1)} ...", flush=True)
            elif line.startswith("Successfully installed "):
                count = len(line.split()) - 2
                print(f"  installed {count} package{'s' * (count != 1)}", flush=True)
        if tty and current:
            print(flush=True)
    if proc.returncode:
        print("pip failed; its last lines of output:", *tail, sep="\n", file=sys.stderr)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
