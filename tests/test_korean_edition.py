"""The Korean edition (notebooks/ko/): a twin of every English notebook, built by
tools/translate_notebooks.py, with the English code token for token, its texts translated."""

import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import translate_notebooks as tn  # noqa: E402

ENGLISH = tn.english_notebooks()
HANGUL = re.compile(r"[\uac00-\ud7a3]")
LINK = re.compile(r"\]\((?!https?://|#|mailto:)([^)\s]+?)(?:#[^)]*)?\)")


def pid(path: Path) -> str:
    return tn.relative(path).with_suffix("").as_posix()


def test_every_english_notebook_has_a_korean_twin_and_nothing_else_is_there():
    twins = sorted(tn.korean_path(p) for p in ENGLISH)
    stored = sorted((tn.KO).glob("*.ipynb")) + sorted((tn.KO).glob("solutions/*.ipynb"))
    assert stored == twins


@pytest.mark.parametrize("english", ENGLISH, ids=pid)
def test_catalogue_complete_and_the_stored_notebook_is_what_build_writes(english):
    assert tn.problems(english) == []
    built = tn.notebook_form.dumps(tn.build_one(english))
    assert tn.korean_path(english).read_text(encoding="utf-8") == built, "run `make ko`"


@pytest.mark.parametrize("english", ENGLISH, ids=pid)
def test_the_code_is_the_english_code_cell_by_cell(english):
    en = nbformat.read(english, as_version=4)
    ko = nbformat.read(tn.korean_path(english), as_version=4)
    assert [c.cell_type for c in en.cells] == [c.cell_type for c in ko.cells]
    for i, (a, b) in enumerate(zip(en.cells, ko.cells, strict=True)):
        assert a.id == b.id, f"cell {i}"
        if a.cell_type == "code":
            assert tn.code_tokens(a.source) == tn.code_tokens(b.source), f"cell {i} ({a.id})"
            assert a.outputs == b.outputs, f"cell {i}: outputs differ"


@pytest.mark.parametrize("english", ENGLISH, ids=pid)
def test_the_prose_is_korean_and_its_links_resolve(english):
    ko_path = tn.korean_path(english)
    ko = nbformat.read(ko_path, as_version=4)
    for i, cell in enumerate(ko.cells):
        if cell.cell_type != "markdown" or tn._is_badge(cell):
            continue
        words = re.sub(r"\$[^$]*\$|`[^`]*`|\([^)]*\)", "", cell.source)
        if re.search(r"[A-Za-z]{4,}.*[A-Za-z]{4,}", words):  # a cell with prose, not a formula
            assert HANGUL.search(cell.source), f"cell {i} ({cell.id}) has no Korean"
        for target in LINK.findall(cell.source):
            assert (ko_path.parent / target).exists(), f"cell {i}: link {target} goes nowhere"


# A Korean term with its English in parentheses, as each lab writes a term at its first use:
# 은닉 상태(hidden state), **적합 기간**(fit days).
FIRST_USE = re.compile(r"[\uac00-\ud7a3]\**\(([A-Za-z][A-Za-z '-]+)\)")


def normal_term(text: str) -> str:
    return re.sub(r"[\s-]+", " ", text.lower()).strip()


def test_the_glossary_lists_every_term_the_korean_notebooks_introduce():
    glossary = normal_term((tn.KO / "용어집.md").read_text(encoding="utf-8"))
    missing = {}
    for english in ENGLISH:
        korean = nbformat.read(tn.korean_path(english), as_version=4)
        for cell in korean.cells:
            if cell.cell_type == "markdown":
                for term in FIRST_USE.findall(cell.source):
                    if normal_term(term) not in glossary:
                        missing.setdefault(term, pid(english))
    assert not missing, f"terms missing from notebooks/ko/용어집.md: {missing}"


def test_glossary_and_korean_readme():
    glossary = (tn.KO / "용어집.md").read_text(encoding="utf-8")
    for term in [
        "순환 신경망",
        "은닉 상태",
        "셀 상태",
        "원-핫 인코딩",
        "임베딩",
        "교차 엔트로피",
        "기울기 소실",
        "과대적합",
        "검증 세트",
        "에폭",
        "학습률",
    ]:
        assert term in glossary
    readme_ko = (ROOT / "README.ko.md").read_text(encoding="utf-8")
    assert "make lab" in readme_ko and "make test" in readme_ko and "Colab" in readme_ko
    assert "README.ko.md" in (ROOT / "README.md").read_text(encoding="utf-8").split("\n## ")[0]
    for english in ENGLISH:
        if english.parent == tn.NOTEBOOKS:
            assert f"notebooks/ko/{english.name}" in readme_ko
