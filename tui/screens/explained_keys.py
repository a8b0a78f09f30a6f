"""Keys that say why they cannot run: a screen behaviour the reader mixes in.

A screen lists in ``unavailable`` the actions that cannot apply now and why.
Their keys are hidden from the footer (or dimmed, for those in ``DIMMED``);
pressing one, or picking it in the command palette, says why instead of
doing nothing.
"""

from __future__ import annotations

from typing import ClassVar

from textual.actions import parse as parse_action
from textual.binding import Binding
from textual.events import Key
from textual.screen import Screen


class ExplainedKeys(Screen[None]):
    """Hides keys that cannot apply and says why when one is pressed anyway."""

    DIMMED: ClassVar[frozenset[str]] = frozenset()  # shown dimmed rather than hidden

    def unavailable(self, action: str, parameters: tuple[object, ...]) -> str | None:
        """Why ``action`` cannot run now (said when its key is pressed), or None."""
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.unavailable(action, parameters) is None:
            return True
        return None if action in self.DIMMED else False

    def on_key(self, event: Key) -> None:
        for binding in self.BINDINGS:
            assert isinstance(binding, Binding)
            if event.key in (k.strip() for k in binding.key.split(",")):
                _, name, parameters = parse_action(binding.action)
                reason = self.unavailable(name, parameters)
                if reason is not None:
                    self.notify(reason, timeout=4)

    async def run_from_palette(self, action: str) -> None:
        """Run an action picked in the command palette, or say why it cannot run now."""
        _, name, parameters = parse_action(action)
        reason = self.unavailable(name, parameters)
        if reason is not None:
            self.notify(reason, timeout=4)
        else:
            await self.run_action(action)
