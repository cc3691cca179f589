"""Where a key sits in YAML text: line numbers for errors shown beside the editor."""

from __future__ import annotations

import yaml

from bot.conversation.yaml_text import TextLoader

Path = tuple  # keys and list indexes from the document root, e.g. ("steps", "where", "next")


class LineIndex:
    """Line (1-based) of every mapping key and list item in a YAML document."""

    def __init__(self, text: str):
        self._lines: dict[Path, int] = {}
        try:
            root = yaml.compose(text, Loader=TextLoader)
        except yaml.YAMLError:
            root = None
        if root is not None:
            self._walk(root, ())

    def _walk(self, node: yaml.Node, path: Path) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                here = (*path, key.value)
                self._lines.setdefault(here, key.start_mark.line + 1)
                self._walk(value, here)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                here = (*path, i)
                self._lines.setdefault(here, item.start_mark.line + 1)
                self._walk(item, here)

    def line(self, path: Path) -> int | None:
        """The line of path, or of its nearest ancestor that exists in the text."""
        path = tuple(path)
        while path:
            found = self._lines.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return None


def error_line(exc: yaml.YAMLError) -> int | None:
    """The line a YAML syntax error points at (1-based), when the parser says."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return mark.line + 1 if mark is not None else None
