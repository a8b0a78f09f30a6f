"""A reader killed with SIGKILL in the middle of saving loses nothing it reported as saved."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from align.annotations import AnnotationStore, parse_document

# Appends one annotation and saves, forever; prints each id once save() returned ok.
WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from align.annotations import Anchor, Annotation, AnnotationStore

    store = AnnotationStore.open(Path(sys.argv[1]))
    assert store.load_error is None, store.load_error
    print("ready", flush=True)
    i = 0
    while True:
        i += 1
        anchor = Anchor("article.txt", f"{i:016x}", f"sentence {i}")
        note = f"note {i}\\nsecond line of note {i} " + "x" * (i % 300)
        ann = Annotation.new((anchor,), note, ("conflict",))
        store.upsert(ann)
        result = store.save()
        if not result.ok:
            print("error", result.message, flush=True)
            continue
        print(ann.id, flush=True)
    """
)


def _run_and_kill(path: Path, seconds: float) -> list[str]:
    """Start the writer, SIGKILL it after ``seconds`` of saving, return the ids it printed."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
    time.sleep(seconds)
    os.kill(proc.pid, signal.SIGKILL)
    out, _ = proc.communicate()
    assert proc.returncode == -signal.SIGKILL
    lines = out.splitlines()
    assert not [line for line in lines if line.startswith("error")]
    return [line for line in lines if line and " " not in line]


def test_sigkill_while_saving_keeps_every_saved_annotation(tmp_path: Path) -> None:
    path = tmp_path / "idlib-annotations.yaml"
    saved: list[str] = []
    for seconds in (0.5, 0.37, 0.61):  # three kills at different moments, same file
        printed = _run_and_kill(path, seconds)
        assert len(printed) >= 3, "the writer saved too little to test anything"
        saved += printed
        doc = parse_document(path.read_bytes(), path.name)  # still a valid file
        on_disk = {a.id for a in doc.annotations}
        assert set(saved) <= on_disk
        store = AnnotationStore.open(path)
        assert store.load_error is None
        assert len(store.all()) >= len(saved)
