"""The notebook normal form: what `make format` writes and the hygiene test demands."""

import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import nbformat
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import notebook_form  # noqa: E402


def executed_notebook():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("print(1)\nprint(2)", execution_count=1)
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n2\n")]
    cell.metadata["execution"] = {"iopub.status.busy": "2026-11-25T10:00:00.000Z"}
    cell.metadata["scrolled"] = True
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell]
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    nb.metadata["language_info"] = {"name": "python", "version": "3.11.7"}
    return nb


def test_transient_metadata_is_stripped_and_the_rest_kept():
    nb = notebook_form.normalize(executed_notebook())
    cell = nb.cells[0]
    assert cell.metadata == {"tags": ["parameters"]}
    assert nb.metadata == {
        "kernelspec": notebook_form.KERNELSPEC,
        "language_info": notebook_form.LANGUAGE_INFO | {"version": "3.11.7"},
    }
    assert cell.id and cell.outputs[0].text == "1\n2\n"


# What JupyterLab 4.6 saves for a notebook run on ipykernel's python3 kernel (its kernelspec,
# and the language_info of the kernel's kernel_info reply, which it copies whole).
JUPYTERLAB_METADATA = {
    "kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"},
    "language_info": {
        "codemirror_mode": {"name": "ipython", "version": 3},
        "file_extension": ".py",
        "mimetype": "text/x-python",
        "name": "python",
        "nbconvert_exporter": "python",
        "pygments_lexer": "ipython3",
        "version": "3.12.1",
    },
}


def test_the_metadata_jupyterlab_saves_is_already_in_normal_form(tmp_path):
    nb = executed_notebook()
    nb.metadata = nbformat.from_dict(JUPYTERLAB_METADATA)
    assert notebook_form.normalize(nb).metadata == JUPYTERLAB_METADATA  # any Python version


def test_the_tools_store_no_python_version(tmp_path):
    path = tmp_path / "nb.ipynb"
    notebook_form.write(executed_notebook(), path)
    saved = nbformat.read(path, as_version=4)
    assert saved.metadata.language_info == notebook_form.LANGUAGE_INFO  # no "version"
    assert notebook_form.main(["--check", str(path)]) == 0


def test_a_notebook_saved_with_timings_is_not_in_form_and_formatting_is_idempotent(tmp_path):
    path = tmp_path / "nb.ipynb"
    nbformat.write(executed_notebook(), path)
    assert notebook_form.main(["--check", str(path)]) == 1
    assert notebook_form.main([str(path)]) == 0
    first = path.read_text()
    assert notebook_form.main(["--check", str(path)]) == 0
    assert notebook_form.main([str(path)]) == 0 and path.read_text() == first
    assert '"print(1)\\n",' in first  # sources stored line by line, so diffs show lines


# --- An open-and-save in a real JupyterLab server keeps the normal form (issue 17, item 5) ---
#
# JupyterLab's page, on opening a notebook, starts a kernel session, then sets the notebook's
# kernelspec from that kernel's spec and copies the kernel's language_info whole (that is what
# marked every notebook modified while the normal form stored other values); saving PUTs the
# notebook back through the server's contents API. This test does the same over the REST and
# kernel websocket APIs of a real `jupyter lab` server: everything but the page's JavaScript.


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Lab:
    def __init__(self, port: int, token: str):
        self.base, self.token = f"http://127.0.0.1:{port}", token

    def call(self, method: str, path: str, body=None):
        request = urllib.request.Request(
            self.base + path,
            method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read()
            return json.loads(text) if text else None

    def language_info(self, kernel_id: str) -> dict:
        """The kernel's kernel_info reply, asked for over its websocket as JupyterLab does."""
        import websocket  # websocket-client, a dependency of jupyter_server

        url = self.base.replace("http", "ws") + f"/api/kernels/{kernel_id}/channels"
        ws = websocket.create_connection(
            url, header=[f"Authorization: token {self.token}"], timeout=30
        )
        try:
            msg_id = uuid.uuid4().hex
            header = {"msg_id": msg_id, "msg_type": "kernel_info_request", "username": "test"}
            header |= {"session": uuid.uuid4().hex, "version": "5.3", "date": ""}
            ws.send(
                json.dumps(
                    {"header": header, "parent_header": {}, "metadata": {}, "content": {}}
                    | {"channel": "shell", "buffers": []}
                )
            )
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                msg = json.loads(ws.recv())
                if msg.get("parent_header", {}).get("msg_id") == msg_id and (
                    msg["header"]["msg_type"] == "kernel_info_reply"
                ):
                    return msg["content"]["language_info"]
            raise TimeoutError("no kernel_info_reply")
        finally:
            ws.close()


@pytest.fixture
def jupyterlab(tmp_path):
    """A `jupyter lab` server on 127.0.0.1 serving a copy of the stored notebooks."""
    for notebook in NOTEBOOKS:
        shutil.copy(notebook, tmp_path)
    port, token = _free_port(), uuid.uuid4().hex
    settings = {"root_dir": tmp_path, "ip": "127.0.0.1", "port": port, "port_retries": 0}
    settings |= {"token": token, "log_level": "WARN"}
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root"]
    command += [f"--ServerApp.{key}={value}" for key, value in settings.items()]
    env = os.environ | {"JUPYTER_RUNTIME_DIR": str(tmp_path / ".runtime")}
    log_path = tmp_path / ".lab.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    lab = _Lab(port, token)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                lab.call("GET", "/api/status")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(log_path.read_text()) from None
                time.sleep(0.2)
        yield tmp_path, lab
    finally:
        server.terminate()
        server.wait(timeout=30)


ROOT = Path(__file__).resolve().parent.parent
# the labs and, if there are any, their solutions (the file names differ, so one folder holds all)
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb")) + sorted(
    (ROOT / "notebooks" / "solutions").glob("*.ipynb")
)


@pytest.mark.slow
def test_open_and_save_in_jupyterlab_keeps_the_normal_form(jupyterlab):
    root, lab = jupyterlab
    spec = lab.call("GET", "/api/kernelspecs")["kernelspecs"]["python3"]["spec"]
    for notebook in NOTEBOOKS:
        name = notebook.name
        session = {"path": name, "name": name, "type": "notebook", "kernel": {"name": "python3"}}
        session = lab.call("POST", "/api/sessions", session)
        try:
            nb = lab.call("GET", f"/api/contents/{name}?type=notebook&content=1")["content"]
            nb["metadata"]["kernelspec"] = {
                "name": session["kernel"]["name"],
                "display_name": spec["display_name"],
                "language": spec["language"],
            }
            nb["metadata"]["language_info"] = lab.language_info(session["kernel"]["id"])
            model = {"type": "notebook", "format": "json", "content": nb}
            lab.call("PUT", f"/api/contents/{name}", model)
        finally:
            lab.call("DELETE", f"/api/sessions/{session['id']}")
        # in normal form as saved: `make test` stays green
        assert notebook_form.main(["--check", str(root / name)]) == 0, name
        # and the only change is the kernel's Python version, the one field left to the machine
        saved = nbformat.read(root / name, as_version=4)
        assert saved.metadata.language_info.pop("version") == platform.python_version()
        assert notebook_form.dumps(saved) == notebook.read_text(encoding="utf-8"), name
