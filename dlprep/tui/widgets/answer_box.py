"""The box an explain card's answer is typed into before the reveal.

The review screen focuses it on ``t``. ``enter`` submits what was typed; ``enter`` or ``space`` on an empty box
means "I answered aloud" and reveals the key points as before, so people who do not type lose nothing;
``escape`` leaves the box (the text stays) and gives the review keys back.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Input

from dlprep.answers.keypoints import MAX_ANSWER_CHARS


class AnswerBox(Input):
    """A one-line answer box (it scrolls sideways) that posts :class:`AnswerBox.Aloud` on an empty space."""

    class Aloud(Message):
        """Space or enter on the empty box: reveal without a typed answer."""

    class Leave(Message):
        """Escape: stop typing for now."""

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder="Type your answer, then enter · enter or space on an empty box: answer aloud",
                         max_length=MAX_ANSWER_CHARS, **kwargs)

    async def _on_key(self, event: events.Key) -> None:
        if (event.key == "space" and not self.value) or event.key == "escape":
            event.stop()
            event.prevent_default()
            self.post_message(self.Aloud() if event.key == "space" else self.Leave())
            return
        await super()._on_key(event)
