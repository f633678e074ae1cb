"""Build the Korean edition (notebooks/ko/) from the English notebooks and gettext catalogues.

One source of code: a Korean notebook is its English notebook with the markdown cells and the
code comments replaced by their translations; code, printed strings, plot labels, outputs, cell
ids and metadata are the English notebook's. The translations live in one gettext catalogue
per notebook, notebooks/ko/po/<same path>.po, whose entries are keyed as gettext keys them:

- msgctxt: the cell id (markdown cell) or "<cell id> comment" (a comment in a code cell);
- msgid: the English text it translates (a whole markdown cell; one comment's text);
- msgstr: the Korean.

An entry whose English changed keeps its old translation, marked fuzzy with the English it was
made for (``#| msgid``), so a translator sees what changed. ``check`` fails on a missing, empty
or fuzzy entry, and on a stored Korean notebook that rebuilding would change.

    python tools/translate_notebooks.py update   # catalogues follow the English (new, changed)
    python tools/translate_notebooks.py build    # write notebooks/ko/ from English + catalogues
    python tools/translate_notebooks.py check    # exit 1 if anything is stale, missing or unbuilt

After changing an English notebook: `make outputs NB=...` (re-execute it), then `update`,
translate the entries it reports (in the .po file; any PO editor works), then `build`.
"""

from __future__ import annotations

import argparse
import copy
import io
import sys
import tokenize
from pathlib import Path

import nbformat
import polib

sys.path.insert(0, str(Path(__file__).parent))
import notebook_form  # noqa: E402
import stamp_notebooks  # noqa: E402
from setup_cell import setup_cell  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
KO = NOTEBOOKS / "ko"
PO = KO / "po"
LANGUAGE = "ko"


def english_notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb")) + sorted(NOTEBOOKS.glob("solutions/*.ipynb"))


def relative(path: Path) -> Path:
    return path.relative_to(NOTEBOOKS)


def korean_path(english: Path) -> Path:
    return KO / relative(english)


def catalogue_path(english: Path) -> Path:
    return PO / relative(english).with_suffix(".po")


def _is_setup(nb, index: int) -> bool:
    return index == next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")


def _is_badge(cell) -> bool:
    return stamp_notebooks.BADGE_TAG in cell.metadata.get("tags", [])


# Comments that are instructions to tools, not prose: kept as they are.
_TOOL_COMMENTS = ("noqa", "type:", "fmt:", "pragma")


def comments(source: str) -> list[tuple[int, int, int, str]]:
    """The prose comments of a code cell: (line, start col, end col, text after '# ').

    Uses Python's tokenizer, so a '#' inside a string is not a comment. A cell that does not
    tokenize (an IPython magic) has none.
    """
    found = []
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return found
    for tok in tokens:
        if tok.type != tokenize.COMMENT:
            continue
        text = tok.string[1:].strip()
        if not text or text.startswith(_TOOL_COMMENTS) or text.startswith("!"):
            continue
        found.append((tok.start[0], tok.start[1], tok.end[1], text))
    return found


def code_tokens(source: str) -> list[tuple[int, str]]:
    """The tokens of a code cell without its comments and line breaks: what must be identical
    in both editions."""
    skip = {tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.ENDMARKER}
    try:
        tokens = tokenize.generate_tokens(io.StringIO(source).readline)
        return [(t.type, t.string) for t in tokens if t.type not in skip]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return [(-1, source)]


def entries_of(nb) -> list[tuple[str, str]]:
    """(msgctxt, msgid) for every text of ``nb`` that the Korean edition translates."""
    keys: list[tuple[str, str]] = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown" and not _is_badge(cell) and cell.source.strip():
            keys.append((cell.id, cell.source))
        elif cell.cell_type == "code" and not _is_setup(nb, index):
            for _, _, _, text in comments(cell.source):
                key = (f"{cell.id} comment", text)
                if key not in keys:
                    keys.append(key)
    return keys


def load_catalogue(english: Path) -> polib.POFile:
    path = catalogue_path(english)
    return polib.pofile(str(path), wrapwidth=0) if path.exists() else new_catalogue()


def new_catalogue() -> polib.POFile:
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "rnn-labs",
        "Language": LANGUAGE,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    return po


def update(english: Path) -> tuple[int, int, int]:
    """Make the catalogue follow the English notebook; returns (new, changed, dropped)."""
    nb = nbformat.read(english, as_version=4)
    po = load_catalogue(english)
    old = {(e.msgctxt, e.msgid): e for e in po}
    by_context: dict[str, list[polib.POEntry]] = {}
    for e in po:
        by_context.setdefault(e.msgctxt, []).append(e)
    new = changed = 0
    entries = []
    for ctxt, msgid in entries_of(nb):
        entry = old.get((ctxt, msgid))
        if entry is None:
            previous = [e for e in by_context.get(ctxt, []) if e.msgstr]
            entry = polib.POEntry(msgctxt=ctxt, msgid=msgid, msgstr="")
            if ctxt.endswith(" comment") or not previous:
                new += 1
            else:  # the English of this cell changed: keep the old Korean as a starting point
                entry.msgstr = previous[0].msgstr
                entry.previous_msgid = previous[0].msgid
                entry.flags = ["fuzzy"]
                changed += 1
        entries.append(entry)
    dropped = len(po) - sum(1 for e in entries if (e.msgctxt, e.msgid) in old)
    fresh = new_catalogue()
    fresh.metadata = po.metadata
    for entry in entries:
        fresh.append(entry)
    path = catalogue_path(english)
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh.save(str(path))
    return new, changed, dropped


def problems(english: Path) -> list[str]:
    """Missing, empty or fuzzy translations of ``english``'s texts."""
    nb = nbformat.read(english, as_version=4)
    if not catalogue_path(english).exists():
        return [f"{relative(english)}: no catalogue {catalogue_path(english).relative_to(ROOT)}"]
    po = load_catalogue(english)
    have = {(e.msgctxt, e.msgid): e for e in po}
    found = []
    for ctxt, msgid in entries_of(nb):
        entry = have.get((ctxt, msgid))
        what = f"{relative(english)} [{ctxt}] {msgid[:60]!r}"
        if entry is None:
            stale = any(e.msgctxt == ctxt for e in po)
            found.append(f"{what}: {'stale (the English changed)' if stale else 'missing'}")
        elif "fuzzy" in entry.flags:
            found.append(f"{what}: fuzzy (the English changed; check the translation)")
        elif not entry.msgstr.strip():
            found.append(f"{what}: not translated")
    return found


def _translate_comments(source: str, translation: dict[str, str]) -> str:
    lines = source.split("\n")
    # right to left on each line, so earlier columns stay valid
    for row, start, end, text in sorted(comments(source), key=lambda c: (c[0], -c[1])):
        line = lines[row - 1]
        lines[row - 1] = line[:start] + "# " + translation[text] + line[end:]
    return "\n".join(lines)


def build_one(english: Path) -> nbformat.NotebookNode:
    """The Korean notebook of ``english`` (raises KeyError naming an untranslated text)."""
    nb = nbformat.read(english, as_version=4)
    po = load_catalogue(english)
    table = {(e.msgctxt, e.msgid): e.msgstr for e in po if e.msgstr and "fuzzy" not in e.flags}
    ko = copy.deepcopy(nb)
    url = stamp_notebooks.repository_url()
    for index, cell in enumerate(ko.cells):
        if cell.cell_type == "markdown" and not _is_badge(cell) and cell.source.strip():
            cell.source = table[(cell.id, cell.source)]
        elif cell.cell_type == "code" and _is_setup(ko, index):
            cell.source = setup_cell(url, language=LANGUAGE)
        elif cell.cell_type == "code":
            own = {text: table[(f"{cell.id} comment", text)] for *_, text in comments(cell.source)}
            cell.source = _translate_comments(cell.source, own)
    target = korean_path(english)
    stamp_notebooks.stamp(ko, target, url)
    return notebook_form.normalize(ko)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["update", "build", "check"])
    parser.add_argument("notebooks", nargs="*", type=Path, help="English notebooks (default: all)")
    args = parser.parse_args(argv)
    chosen = [p.resolve() for p in args.notebooks] or english_notebooks()
    status = 0
    for english in chosen:
        name = relative(english)
        if args.command == "update":
            new, changed, dropped = update(english)
            print(f"{name}: {new} new, {changed} changed (fuzzy), {dropped} dropped")
            continue
        found = problems(english)
        if found:
            print("\n".join(found))
            status = 1
            continue
        built = notebook_form.dumps(build_one(english))
        target = korean_path(english)
        if args.command == "build":
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(built, encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}")
        elif not target.exists() or target.read_text(encoding="utf-8") != built:
            print(f"{target.relative_to(ROOT)}: not what `build` writes: run `build`")
            status = 1
    if args.command == "check" and status == 0:
        print(f"{len(chosen)} Korean notebooks agree with their English and catalogues")
    return status


if __name__ == "__main__":
    sys.exit(main())
