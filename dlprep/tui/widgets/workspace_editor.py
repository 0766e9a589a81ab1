"""The drill code editor, kept in step with its workspace file.

Saved half a second after the last keystroke through the ``save`` callable it is given (an atomic write),
and on unmount; reloaded when another program changes the file (its mtime and size are polled), unless
the person typed here since the last save, in which case their text is kept and they are told.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.markup import escape
from textual.widgets import TextArea

from dlprep.drills.practice import file_stamp

SAVE_DELAY_S = 0.5
POLL_S = 0.5


class WorkspaceEditor(TextArea):
    """Build with ``WorkspaceEditor.code_editor(text, language="python")``, then :meth:`attach`."""

    path: Path | None = None
    save: Callable[[str], object] | None = None

    def attach(self, path: Path, save: Callable[[str], object]) -> WorkspaceEditor:
        """Bind the editor to ``path``; ``save(text)`` writes it. The current text counts as saved."""
        self.path, self.save = path, save
        self.saved_text = self.latest_text = self.text
        self._stamp = file_stamp(path)
        self._timer = None
        return self

    def on_mount(self) -> None:
        self.set_interval(POLL_S, self.poll_file)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.latest_text = self.text
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY_S, self.flush)

    def flush(self) -> None:
        """Write the text now if it changed since the last save."""
        self._timer = None
        text = self.latest_text
        if self.save is None or text == self.saved_text:
            return
        try:
            self.save(text)
        except OSError as exc:
            self.notify(escape(f"Could not save {self.path}: {exc.strerror}"), severity="error")
            return
        self.saved_text = text
        self._stamp = file_stamp(self.path)

    def poll_file(self) -> None:
        """Reload when another program changed the file."""
        stamp = file_stamp(self.path)
        if stamp == self._stamp or stamp[1] < 0:
            return
        self._stamp = stamp
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return
        if text == self.saved_text:
            return
        if self.latest_text != self.saved_text:
            self.notify("The file changed on disk while you were typing here; your version is kept.",
                        severity="warning")
            return
        self.replace_text(text)
        self.notify("Reloaded: the file was changed outside dlprep.")

    def replace_text(self, text: str) -> None:
        """Show ``text`` (already on disk), keeping the cursor where it was as far as possible."""
        row, column = self.cursor_location
        self.load_text(text)
        self.saved_text = self.latest_text = text
        self._stamp = file_stamp(self.path)
        row = min(row, max(0, self.document.line_count - 1))
        self.move_cursor((row, min(column, len(self.document.get_line(row)))))

    def on_unmount(self) -> None:
        self.flush()
