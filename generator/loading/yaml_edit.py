"""Write translations into a content file's YAML text, keeping everything else as it was.

The text is edited where the value is written, not dumped again, so comments, blank
lines, key order, quoting and every other value stay byte for byte:

- an existing `fr:` value is replaced;
- a mapping of languages without `fr` gets a `fr:` entry after its last one;
- a plain, quoted or block string becomes a mapping of its language (the original value,
  exactly as written) and the new one: `summary: Text` becomes `summary:` / `  en: Text` /
  `  fr: Texte`; a list item `- Text` becomes `- en: Text` / `  fr: Texte`; inside a flow
  collection, `{en: Text, fr: Texte}`.

Where each value starts and ends comes from the YAML parser's events; the new text is
written by `generator.loading.yaml_scalar` as a scalar that reads back exactly, and the
edited file is read back with the project's reader: it must hold the same data as
before but for the new translations.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

import yaml

from generator.loading.yaml_reader import read_yaml_text
from generator.loading.yaml_scalar import double_quoted, scalar
from generator.positions import KeyPath

try:  # the same parser as the reader's
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


class EditError(ValueError):
    """The value cannot be edited in place (the file is not what was loaded, or has an odd shape).

    `edit`: the index of the edit that failed, None when the edits together went wrong.
    """

    def __init__(self, message: str, edit: int | None = None) -> None:
        super().__init__(message)
        self.edit = edit


@dataclass(frozen=True)
class TextEdit:
    """One translation to write: at `path` (where the field is written), `value` in `lang`;
    a plain string there is the `source_lang` text."""

    path: KeyPath
    lang: str
    value: str
    source_lang: str


def apply_translations(text: str, edits: list[TextEdit]) -> str:
    """`text` (a whole YAML file) with every edit made, read back to hold the same data but for them.

    A byte-order mark and Windows line ends are kept. Raises EditError when an edit cannot
    be made, or the result would differ anywhere else.
    """
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom):]
    crlf = "\r\n" in body
    body = body.replace("\r\n", "\n")
    # One parse: the fields are edited from the last in the file to the first, so that each edit
    # leaves the places of the fields before it as they were.
    nodes = _nodes(body)
    edited = body
    for index in sorted(range(len(edits)), key=lambda i: _start(nodes, edits[i].path), reverse=True):
        edit = edits[index]
        try:
            edited = _set(edited, nodes, edit.path, edit.lang, edit.value, edit.source_lang)
        except EditError as exc:
            raise EditError(str(exc), index) from exc
    before, after = read_yaml_text(body, "before").located, read_yaml_text(edited, "after").located
    if before is None or after is None:
        raise EditError("the edited file does not read as YAML")
    expected = copy.deepcopy(before.data)
    for edit in edits:
        _set_data(expected, edit)
    if after.data != expected:
        raise EditError("the edit would change other values of the file")
    return bom + (edited.replace("\n", "\r\n") if crlf else edited)


def _start(nodes: dict[KeyPath, _Node], path: KeyPath) -> int:
    node = nodes.get(path)
    return node.start if node is not None else -1


def _set_data(data: Any, edit: TextEdit) -> None:
    """In plain data, the text at `edit.path` given its translation (a string becomes a mapping)."""
    parent = data
    for part in edit.path[:-1]:
        parent = parent[part]
    value = parent[edit.path[-1]]
    if isinstance(value, dict):
        value[edit.lang] = edit.value
    else:
        parent[edit.path[-1]] = {edit.source_lang: value, edit.lang: edit.value}


@dataclass
class _Node:
    """Where one value is written: character offsets, its style, and its key's place."""

    start: int
    end: int = -1
    kind: str = "scalar"  # scalar, map or seq
    style: str | None = None  # a scalar's: None (plain), ', ", | or >
    flow: bool = False  # written in flow style, or inside a flow collection
    key_start: int = -1  # a mapping value's key
    key_end: int = -1
    children: list[KeyPath] = field(default_factory=list)


@dataclass
class _Frame:
    """An open mapping or sequence while the events are read."""

    path: KeyPath
    node: _Node
    key: tuple[str, int, int] | None = None  # a mapping's key waiting for its value: text, start, end
    index: int = 0  # a sequence's next item


def _offset(mark: Any) -> int:
    if mark is None:  # pragma: no cover - the parser marks every event
        raise EditError("the parser gave no position")
    return int(mark.index)


def _nodes(text: str) -> dict[KeyPath, _Node]:
    """Every value of the file by key path (the file was read by the reader before: plain data only)."""
    nodes: dict[KeyPath, _Node] = {}
    stack: list[_Frame] = []

    def place(start: int) -> tuple[KeyPath, _Node]:
        if not stack:
            return (), _Node(start)
        frame = stack[-1]
        if frame.node.kind == "seq":
            frame.index += 1
            path: KeyPath = (*frame.path, frame.index - 1)
            node = _Node(start, flow=frame.node.flow)
        elif frame.key is None:
            raise EditError("a mapping key that is not text")
        else:
            key, key_start, key_end = frame.key
            frame.key = None
            path = (*frame.path, key)
            node = _Node(start, flow=frame.node.flow, key_start=key_start, key_end=key_end)
        frame.node.children.append(path)
        nodes[path] = node
        return path, node

    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.ScalarEvent):
                start, end = _offset(event.start_mark), _offset(event.end_mark)
                if stack and stack[-1].node.kind == "map" and stack[-1].key is None:
                    stack[-1].key = (event.value, start, end)
                    continue
                _, node = place(start)
                node.end, node.style = end, event.style or None
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                path, node = place(_offset(event.start_mark))
                node.kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
                node.flow = node.flow or bool(event.flow_style)
                nodes[path] = node
                stack.append(_Frame(path, node))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop().node.end = _offset(event.end_mark)
    except yaml.YAMLError as exc:
        raise EditError(f"the file no longer reads as YAML ({exc})") from exc
    return nodes


def _line_start(text: str, at: int) -> int:
    return text.rfind("\n", 0, at) + 1


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end == -1 else end


def _column(text: str, at: int) -> int:
    """The 0-based column of offset `at`."""
    return at - _line_start(text, at)


def _tight_end(text: str, node: _Node) -> int:
    """Where a scalar's own text ends: a block scalar's span runs on over the blank lines after
    it, which stay where they are."""
    if node.style not in ("|", ">"):
        return node.end
    last = len(text[: node.end].rstrip())
    return _line_end(text, last - 1) if last else node.end


def _tail(text: str, at: int) -> str:
    """What follows offset `at` on its line, with the line break (none at the end of the file)."""
    end = _line_end(text, at)
    return text[at : end + 1]


def _after_colon(text: str, node: _Node) -> int:
    """The offset just past the `:` that follows a mapping value's key."""
    colon = text.find(":", node.key_end)
    if colon == -1 or colon >= node.start:
        raise EditError("no ':' after the key")
    return colon + 1


def _reindent(value: str, spaces: int) -> str:
    """`value` with every line after its first indented by `spaces` more (empty lines stay empty)."""
    lines = value.split("\n")
    return lines[0] + "".join("\n" + (" " * spaces + line if line else "") for line in lines[1:])


def set_translation(text: str, path: KeyPath, lang: str, value: str, source_lang: str) -> str:
    """`text` (a YAML file) with the text at `path` given `value` in `lang`.

    `path` is where the field is written; a plain string there is the `source_lang` text.
    Raises EditError when the field is not a string or a mapping of languages.
    """
    return _set(text, _nodes(text), path, lang, value, source_lang)


def _set(text: str, nodes: dict[KeyPath, _Node], path: KeyPath, lang: str, value: str, source_lang: str) -> str:
    """`set_translation` with the places of `text`'s values read already (valid up to the field's end)."""
    node = nodes.get(path)
    if node is None:
        raise EditError("the field is not in the file")
    if node.kind == "scalar":
        return _to_mapping(text, nodes, path, node, lang, value, source_lang)
    if node.kind != "map":
        raise EditError("the field is a list, not a text")
    existing = nodes.get((*path, lang))
    if existing is not None:
        return _replace(text, existing, value)
    return _add_entry(text, nodes, node, lang, value)


def _replace(text: str, node: _Node, value: str) -> str:
    """The value of an existing `fr:` replaced."""
    if node.kind != "scalar":
        raise EditError("the translation is not a text")
    end = _tight_end(text, node)
    if node.flow:
        return text[: node.start] + scalar(value, 0, flow=True) + text[end:]
    start = node.start
    if "\n" in text[node.key_end : node.start]:  # the value is written on the line after its key
        start = _after_colon(text, node)
        if "#" in text[start : node.start]:
            return text[: node.start] + double_quoted(value) + text[end:]
        text = text[:start] + " " + text[node.start :]
        end -= node.start - start - 1
        start += 1
    indent = _column(text, node.key_start)
    return text[:start] + scalar(value, indent, tail=_tail(text, end)) + text[end:]


def _add_entry(text: str, nodes: dict[KeyPath, _Node], node: _Node, lang: str, value: str) -> str:
    """A `fr:` entry added after the last entry of a mapping of languages."""
    if not node.children:
        raise EditError("the text has no language")
    if node.flow:
        close = node.end - 1
        if text[close] != "}":
            raise EditError("a flow mapping without its '}'")
        at = close
        while text[at - 1] in " \t\r\n":
            at -= 1
        separator = " " if text[at - 1] in ",{" else ", "
        return text[:at] + f"{separator}{lang}: {scalar(value, 0, flow=True)}" + text[at:]
    indent = _column(text, nodes[node.children[0]].key_start)
    last = max((nodes[child] for child in node.children), key=lambda child: child.start)
    end = _line_end(text, _tight_end(text, last))
    return text[:end] + "\n" + " " * indent + f"{lang}: {scalar(value, indent, tail=_tail(text, end))}" + text[end:]


def _to_mapping(
    text: str, nodes: dict[KeyPath, _Node], path: KeyPath, node: _Node, lang: str, value: str, source_lang: str
) -> str:
    """A string value turned into `{source_lang: <the value as written>, lang: value}`."""
    end = _tight_end(text, node)
    original = text[node.start : end]
    if node.flow:
        added = f"{{{source_lang}: {original}, {lang}: {scalar(value, 0, flow=True)}}}"
        return text[: node.start] + added + text[end:]
    parent = nodes.get(path[:-1])
    if parent is None:
        raise EditError("the text is the whole file")
    if parent.kind == "map" and "\n" not in text[node.key_end : node.start]:
        indent = _column(text, node.key_start) + 2
        head = text[: _after_colon(text, node)] + "\n" + " " * indent
    else:  # a list item (`- Text`), or a value written on the line after its key
        indent = _column(text, node.start)
        head = text[: node.start]
    line_end = _line_end(text, end)
    return (head + f"{source_lang}: " + _reindent(original, 2) + text[end:line_end]
            + "\n" + " " * indent + f"{lang}: {scalar(value, indent, tail=_tail(text, line_end))}" + text[line_end:])
