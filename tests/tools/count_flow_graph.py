#!/usr/bin/env python3
"""Counts containers, actions, edges and distinct queues of Architect export files.

An independent check of gcdocs' flow parser: it reads the same files by the edge rules
written in the header of src/flow/mod.rs and the reference rules in
src/flow/references.rs, with its own code (no shared logic), and prints one row per file.
tests/real_flows.rs hard-codes its output.

Usage: count_flow_graph.py DIR
"""

import base64
import json
import os
import sys
import urllib.parse

JUMPS = {
    "TransferTaskAction": "taskReference",
    "TransferMenuAction": "menuReference",
    "ChangeStateAction": "stateReference",
    "TaskAction": "taskReference",
}
TERMINALS = {
    "DisconnectAction", "EndTaskAction", "EndWorkflowAction", "ExitBotFlowAction",
    "ExitWorkitemFlowAction", "ExitCommonModuleAction", "EndStateAction",
    "CompleteSurveyInviteAction", "AbortSurveyInviteAction",
}
OUTPUT_KEYS = {
    "variable", "outputs", "errorBindings", "findResult", "resultData", "currentIndex",
    "askResult", "uiMetaData",
}


def decode(raw):
    text = raw.decode("utf-8").lstrip("\ufeff").strip()
    if text.startswith("{"):
        return json.loads(text)
    payload = base64.b64decode("".join(text.split())).decode("utf-8")
    return json.loads(urllib.parse.unquote(payload))


def live(path):
    return isinstance(path, dict) and not path.get("disabled") and not path.get("outOfService")


def all_paths(action):
    paths = list(action.get("paths") or [])
    if isinstance(action.get("path"), dict):
        paths.append(action["path"])
    return paths


def is_transfer(kind):
    return kind.startswith("Transfer") and kind not in JUMPS


def count_container_edges(container):
    """Edges of one container: entry, menu choices, then every action's outputs."""
    actions = list(container.get("actionList") or [])
    choices = container.get("menuChoiceList") or []
    actions += [c["action"] for c in choices if isinstance(c.get("action"), dict)]
    by_id = {a["id"]: a for a in actions if "id" in a}

    # Who owns each branch: follow each path's chain of nextAction links.
    owner = {}  # action id -> (branching action id, is loop body)
    for a in actions:
        for p in all_paths(a):
            start = p.get("nextActionId")
            is_loop = p is a.get("path") and a.get("__type") == "LoopAction"
            cur = start
            seen = set()
            while cur in by_id and cur not in seen and cur not in owner:
                seen.add(cur)
                owner[cur] = (a["id"], is_loop)
                cur = by_id[cur].get("nextAction")

    def continuation(aid):
        a = by_id[aid]
        if a.get("nextAction"):
            return ("action", a["nextAction"])
        if aid not in owner:
            return "end-of-container"
        parent, is_loop = owner[aid]
        if is_loop:
            return ("action", parent)
        return continuation(parent)

    def enclosing_loop(aid):
        while aid in owner:
            parent, is_loop = owner[aid]
            if is_loop:
                return parent
            aid = parent
        return None

    edges = 0
    if container.get("startAction"):
        edges += 1
    edges += sum(1 for c in choices if isinstance(c.get("action"), dict) and "id" in c["action"])
    for a in actions:
        kind = a.get("__type", "")
        paths = [p for p in all_paths(a) if live(p)]
        if kind in JUMPS:
            edges += 1
        elif kind == "CallTaskAction":
            edges += 1 + (len(paths) if paths else 1)
        elif kind in TERMINALS and not paths:
            edges += 1
        elif kind == "LoopAction":
            edges += len(paths) + 1
        elif kind in ("ExitLoopAction", "NextLoopAction"):
            edges += 1
            enclosing_loop(a["id"])
        elif is_transfer(kind):
            edges += 1 + len(paths)
            if not paths and a.get("nextAction"):
                edges += 1
        else:
            edges += len(paths) if paths else 1
            continuation(a["id"])
    return len(actions), edges


def queue_keys(doc):
    """Distinct queues: manifest entries, literals and dynamic values of type `que`,
    and queueId/queueName pairs; static ones by id, dynamic ones by expression text."""
    keys = set()
    names_without_id = set()
    id_names = {}
    for entry in (doc.get("manifest") or {}).get("queue") or []:
        if entry.get("id"):
            keys.add(("id", entry["id"]))
            id_names[entry["id"]] = entry.get("name", entry["id"])

    def tree(node, found):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "lit" and isinstance(v, dict) and v.get("type") == "que" and v.get("val"):
                    keys.add(("id", v["val"]))
                    id_names.setdefault(v["val"], v.get("text", ""))
                    found[0] = True
                tree(v, found)
        elif isinstance(node, list):
            for v in node:
                tree(v, found)

    def scan(key, v):
        if key in OUTPUT_KEYS:
            return
        if isinstance(v, dict) and "text" in v and ("config" in v or "type" in v):
            cfg = v.get("config")
            if cfg is None:
                return
            found = [False]
            tree(cfg, found)
            head = next(iter(cfg), None) if isinstance(cfg, dict) else None
            if (v.get("type") == "que" and not found[0] and head not in (None, "lit", "emp")
                    and v.get("text")):
                keys.add(("dynamic", v["text"]))
            return
        if isinstance(v, dict):
            if isinstance(v.get("queueId"), str) and v["queueId"] and isinstance(v.get("queueName"), str):
                keys.add(("id", v["queueId"]))
                id_names.setdefault(v["queueId"], v["queueName"])
            for k, child in v.items():
                scan(k, child)
        elif isinstance(v, list):
            for child in v:
                scan(key, child)

    for k, v in doc.items():
        if k != "manifest":
            scan(k, v)
    for name in names_without_id:
        if name not in id_names.values():
            keys.add(("name", name))
    return keys


def count(doc):
    containers = doc.get("flowSequenceItemList") or []
    actions = edges = 0
    for c in containers:
        n, e = count_container_edges(c)
        actions += n
        edges += e
    return len(containers), actions, edges, len(queue_keys(doc))


def main():
    folder = sys.argv[1]
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if not os.path.isfile(path) or not os.path.splitext(name)[1].lower().startswith(".i3"):
            continue
        with open(path, "rb") as f:
            doc = decode(f.read())
        c, a, e, q = count(doc)
        print(f'    ("{name}", {c}, {a}, {e}, {q}),')


if __name__ == "__main__":
    main()
