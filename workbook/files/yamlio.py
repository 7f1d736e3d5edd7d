"""Reading YAML with line numbers, and writing it readably."""

from __future__ import annotations

from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    """Block style; long and multi-line strings kept readable."""


# libyaml, when installed, writes and reads the same YAML about four times faster.
# (Any: CSafeDumper is no SafeDumper in the stubs, and a base class must be a plain name.)
_FastBase: Any = getattr(yaml, "CSafeDumper", _Dumper)


class _FastDumper(_FastBase):
    """_Dumper's representers on libyaml's emitter."""


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# Line breaks other than "\n" that a YAML reader folds away unless they are escaped.
_UNICODE_BREAKS = ("\x85", "\u2028", "\u2029")


def _represent_str(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
    if any(mark in text for mark in _UNICODE_BREAKS):
        style = '"'
    elif "\n" in text:
        style = "|"
    else:
        style = None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


def _represent_dict(dumper: yaml.SafeDumper, data: dict) -> yaml.Node:
    """A mapping in its own order, but a record's id (``uid``) last: people read the item's fields first."""
    if "uid" in data:
        data = {**{key: value for key, value in data.items() if key != "uid"}, "uid": data["uid"]}
    return dumper.represent_dict(data)


for _dumper in (_Dumper, _FastDumper):
    _dumper.add_representer(str, _represent_str)
    _dumper.add_representer(dict, _represent_dict)


def dump(data: Any) -> str:
    """YAML text for plain data (dicts, lists, strings, numbers, booleans, None).

    libyaml escapes characters beyond the Basic Multilingual Plane (emoji) as ``\\U…``; text
    holding such an escape is written again by the pure-Python writer, which keeps them readable.
    """
    text = _dump(data, _FastDumper)
    if "\\U" in text:
        text = _dump(data, _Dumper)
    return text


def _dump(data: Any, dumper: type) -> str:
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)


class DuplicateKeyError(yaml.MarkedYAMLError):
    """A mapping names the same key twice; YAML readers would silently keep only the last one."""

    def __init__(self, key: str, mark: yaml.Mark):
        super().__init__(problem=f"duplicate key {key!r}", problem_mark=mark)
        self.key = key


class AliasBombError(yaml.YAMLError):
    """Anchors and aliases (& and *) would expand the document far beyond what was written."""

    def __init__(self, limit: int):
        super().__init__(f"aliases expand to more than {limit} nodes")
        self.limit = limit


MAX_ALIASED_NODES = 100_000
"""How many nodes aliases may add to a document on top of the nodes written out."""


def parse(text: str) -> tuple[Any, yaml.Node | None]:
    """The data in `text` and its node tree (for line numbers). Raises yaml.YAMLError.

    A document whose aliases would add more than MAX_ALIASED_NODES nodes (a "billion laughs")
    is refused after composing, before anything is constructed.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        _refuse_alias_bombs(node)
        _refuse_duplicate_keys(node)
        return loader.construct_document(node), node
    finally:
        loader.dispose()


def _refuse_alias_bombs(root: yaml.Node, limit: int = MAX_ALIASED_NODES) -> None:
    """Raise AliasBombError when expanding the aliases adds more than `limit` nodes, or loops.

    The expanded size of every distinct node is computed once, so this takes time in proportion
    to what was written, however far the aliases would expand.
    """
    sizes: dict[int, int] = {}
    busy: set[int] = set()
    distinct = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            busy.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            if sizes[key] - distinct > limit:
                raise AliasBombError(limit)
            continue
        if key in sizes:
            continue
        if key in busy:  # an alias inside its own anchor: endless
            raise AliasBombError(limit)
        busy.add(key)
        distinct += 1
        stack.append((node, True))
        stack += [(child, False) for child in _children(node) if id(child) not in sizes]
    if sizes[id(root)] - distinct > limit:
        raise AliasBombError(limit)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return node.value
    return []


def _refuse_duplicate_keys(root: yaml.Node) -> None:
    """Raise DuplicateKeyError at the second occurrence of a key in any mapping."""
    seen_nodes: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:  # aliases share nodes, and may even loop
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                    if key.value in keys:
                        raise DuplicateKeyError(key.value, key.start_mark)
                    keys.add(key.value)
                stack += [key, value]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value


def line_of(node: yaml.Node | None, path: tuple[str | int, ...]) -> int | None:
    """The 1-based line of the value at `path` in the node tree, or of its nearest parent."""
    line = node.start_mark.line + 1 if node is not None else None
    for key in path:
        if isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if k.value == str(key)), None)
            if match is None:
                key_node = next((k for k, _ in node.value if k.value == str(key)), None)
                return key_node.start_mark.line + 1 if key_node is not None else line
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            return line
        line = node.start_mark.line + 1
    return line
