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
    '    raise ImportError("install the labs first: README.md, \'Running in Colab\'") from None\n',
}

SETUP_CELL = """\
try:
    import helpers  # the labs' own small package
{install}\
SEED = helpers.setup()  # backend, versions, seed: see help(helpers.setup)

import keras
import matplotlib.pyplot as plt
import numpy as np"""


def setup_cell(repo_url: str = "") -> str:
    """The setup cell's source with the repository URL filled in."""
    install = _INSTALL[bool(repo_url)].format(repo_url=repo_url)
    return SETUP_CELL.format(install=install)


if __name__ == "__main__":
    print(setup_cell())
