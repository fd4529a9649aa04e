#!/usr/bin/env python3
"""Counts containers, actions, edges and distinct queues of Architect export files, and
fingerprints the edges: FNV-1a 64 of the sorted lines `from<TAB>to<TAB>label` joined by
newlines, where `to` is an action id, `[container id]`, `END`, `RETURN`, `MISSING <id>`
or `FLOW <name>`.

An independent check of gcdocs' flow parser: it reads the same files by the edge rules
written in the header of src/flow/mod.rs and the reference rules in
src/flow/references.rs, with its own code (no shared logic), and prints one row per file.
tests/real_flows.rs hard-codes its output.

Usage: count_flow_graph.py DIR [--lines]   (--lines prints each file's edges instead)
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


def container_edges(container, action_ids, container_ids):
    """Edge lines of one container: entry, menu choices, then every action's outputs."""
    actions = list(container.get("actionList") or [])
    choices = container.get("menuChoiceList") or []
    actions += [c["action"] for c in choices if isinstance(c.get("action"), dict)]
    by_id = {a["id"]: a for a in actions if "id" in a}
    cid = container.get("id", "")
    end = "[" + cid + "]" if container.get("__type") == "LoopTask" else "RETURN"

    # Who owns each branch: follow each path's chain of nextAction links.
    owner = {}  # action id -> (branching action id, is loop body)
    for a in actions:
        for p in all_paths(a):
            is_loop = p is a.get("path") and a.get("__type") == "LoopAction"
            cur = p.get("nextActionId")
            while cur in by_id and cur not in owner:
                owner[cur] = (a["id"], is_loop)
                cur = by_id[cur].get("nextAction")

    def to_action(aid):
        return aid if aid in action_ids else "MISSING " + aid

    def to_container(ref):
        return "[" + ref + "]" if ref in container_ids else "MISSING " + ref

    def continuation(aid):
        a = by_id[aid]
        if a.get("nextAction"):
            return to_action(a["nextAction"])
        if aid not in owner:
            return end
        parent, is_loop = owner[aid]
        return parent if is_loop else continuation(parent)

    def enclosing_loop(aid):
        while aid in owner:
            parent, is_loop = owner[aid]
            if is_loop:
                return parent
            aid = parent
        return None

    lines = []

    def add(frm, to, label=None):
        lines.append(frm + "\t" + to + "\t" + (label or ""))

    if container.get("startAction"):
        add(cid, to_action(container["startAction"]))
    for c in choices:
        a = c.get("action")
        if isinstance(a, dict) and "id" in a:
            digit = c.get("digit")
            if isinstance(digit, str):
                digit = {"star": "*", "pound": "#", "hash": "#"}.get(digit.lower(), digit) or None
            label = str(digit) if digit is not None else c.get("name", "")
            add(cid, a["id"], label)

    def add_paths(a, paths, default_target):
        for p in paths:
            target = to_action(p["nextActionId"]) if p.get("nextActionId") else default_target
            add(a["id"], target, p.get("label"))

    for a in actions:
        aid = a["id"]
        kind = a.get("__type", "")
        paths = [p for p in all_paths(a) if live(p)]
        if kind in JUMPS:
            add(aid, to_container(a.get(JUMPS[kind], "")))
        elif kind == "CallTaskAction":
            add(aid, to_container(a.get("taskReference", "")))
            add_paths(a, paths, continuation(aid))
            if not paths:
                add(aid, continuation(aid))
        elif kind == "EndTaskAction" and not paths:
            add(aid, "RETURN", a.get("pathName"))
        elif kind in TERMINALS and not paths:
            add(aid, "END")
        elif kind == "LoopAction":
            add_paths(a, paths, aid)
            add(aid, continuation(aid), "Exit")
        elif kind == "ExitLoopAction":
            loop = enclosing_loop(aid)
            add(aid, continuation(loop) if loop else continuation(aid))
        elif kind == "NextLoopAction":
            loop = enclosing_loop(aid)
            add(aid, loop if loop else continuation(aid))
        elif is_transfer(kind):
            flow_type = kind.startswith("TransferFlow") or kind.startswith("TransferToFlow")
            name = a.get("flowName") or a.get("flowId")
            add(aid, "FLOW " + name if flow_type and name else "END")
            add_paths(a, paths, continuation(aid))
            if not paths and a.get("nextAction"):
                add(aid, continuation(aid))
        elif paths:
            add_paths(a, paths, continuation(aid))
        else:
            add(aid, continuation(aid))
    return len(actions), lines


def fnv1a64(text):
    h = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        h ^= byte
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


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


def edge_ids(doc):
    containers = doc.get("flowSequenceItemList") or []
    action_ids = set()
    for c in containers:
        for a in c.get("actionList") or []:
            action_ids.add(a.get("id"))
        for choice in c.get("menuChoiceList") or []:
            if isinstance(choice.get("action"), dict):
                action_ids.add(choice["action"].get("id"))
    return action_ids, {c.get("id") for c in containers}


def count(doc):
    containers = doc.get("flowSequenceItemList") or []
    action_ids = set()
    for c in containers:
        for a in c.get("actionList") or []:
            action_ids.add(a.get("id"))
        for choice in c.get("menuChoiceList") or []:
            if isinstance(choice.get("action"), dict):
                action_ids.add(choice["action"].get("id"))
    container_ids = {c.get("id") for c in containers}
    actions = 0
    lines = []
    for c in containers:
        n, container_lines = container_edges(c, action_ids, container_ids)
        actions += n
        lines += container_lines
    digest = fnv1a64("\n".join(sorted(lines)))
    return len(containers), actions, len(lines), len(queue_keys(doc)), digest


def main():
    folder = sys.argv[1]
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        ext = os.path.splitext(name)[1].lower()
        if not os.path.isfile(path) or not (ext.startswith(".i3") or ext == ".json"):
            continue
        with open(path, "rb") as f:
            doc = decode(f.read())
        if "--lines" in sys.argv:
            print(name)
            for c in doc.get("flowSequenceItemList") or []:
                ids = edge_ids(doc)
                for line in container_edges(c, *ids)[1]:
                    print("   " + line.replace("\t", " | "))
            continue
        c, a, e, q, digest = count(doc)
        print(f'    ("{name}", {c}, {a}, {e}, {q}, 0x{digest:016x}),')


if __name__ == "__main__":
    main()
