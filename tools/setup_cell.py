"""The setup cell that opens every notebook, as stamped by tools/stamp_notebooks.py.

Everything it does is in ``helpers.setup`` (environment before Keras is imported, backend,
versions, seed) and explained in that function's docstring and README.md, so the learner reads
four lines. In Colab, where the labs' ``helpers`` package is missing, the cell installs it from
the repository (``--no-deps``: Colab's TensorFlow, Keras, JAX, PyTorch stay as they are); while
no repository URL is set, it says how to upload the project instead.
"""

_INSTALL = {
    True: "except ImportError:  # in Colab, install it from the labs' repository (README.md)\n"
    '    if "google.colab" not in str(get_ipython()):  # noqa: F821 (IPython\'s builtin)\n'
    "        raise\n"
    '    %pip install -q --no-deps "git+{repo_url}"\n'
    "    import helpers\n",
    False: "except ImportError:  # README.md says how to install the labs (Colab too)\n"
    "    raise ImportError(\"install the labs first: README.md, 'Running in Colab'\") from None\n",
}

SETUP_CELL = """\
try:
    import helpers  # the labs' own small package
{install}\
SEED = helpers.setup()  # backend, versions, seed: see help(helpers.setup)

import keras
import matplotlib.pyplot as plt
import numpy as np"""


# The Korean edition's cell: the same code, its comments in Korean (tools/translate_notebooks.py).
KOREAN_COMMENTS = {
    "the labs' own small package": "이 실습들이 쓰는 작은 패키지",
    "in Colab, install it from the labs' repository (README.md)": (
        "Colab에서는 실습 저장소에서 설치합니다 (README.ko.md)"
    ),
    "README.md says how to install the labs (Colab too)": (
        "설치 방법은 README.ko.md에 있습니다 (Colab 포함)"
    ),
    "backend, versions, seed: see help(helpers.setup)": (
        "백엔드, 버전, 시드: help(helpers.setup) 참고"
    ),
}


def setup_cell(repo_url: str = "", language: str = "en") -> str:
    """The setup cell's source with the repository URL filled in (``language="ko"``: the
    Korean edition's, whose code is the same)."""
    install = _INSTALL[bool(repo_url)].format(repo_url=repo_url)
    source = SETUP_CELL.format(install=install)
    if language == "ko":
        for english, korean in KOREAN_COMMENTS.items():
            source = source.replace(f"# {english}", f"# {korean}")
    elif language != "en":
        raise ValueError(f"language must be 'en' or 'ko', got {language!r}")
    return source


if __name__ == "__main__":
    print(setup_cell())
