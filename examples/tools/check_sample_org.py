#!/usr/bin/env python3
"""Checks examples/sample-org/: valid JSON in the snapshot layout, minimum counts, every
reference resolving, every flow graph well formed, the hostile names present, and the
folder identical to what make_sample_org.py writes.

Usage: python3 examples/tools/check_sample_org.py [SAMPLE_DIR]
Prints one line per problem and exits 1 when there is any; prints a summary and exits 0
otherwise.
"""

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
LISTS = ["flows", "queues", "skills", "languages", "wrapupcodes", "trunks",
         "trunkbasesettings", "sites", "ivrs", "schedules", "schedulegroups",
         "emergencygroups", "prompts", "datatables", "dataactions"]
MINIMUM = {"flows": 15, "queues": 25, "skills": 15, "wrapupcodes": 20, "trunks": 3,
           "trunkbasesettings": 3, "sites": 2, "languages": 5, "ivrs": 2, "schedules": 2,
           "schedulegroups": 2, "emergencygroups": 1, "prompts": 5, "datatables": 1,
           "dataactions": 3}
# Architect value type -> the list its `val` id must be in.
RES_LISTS = {"que": "queues", "skl": "skills", "wrc": "wrapupcodes", "lac": "languages",
             "sgr": "schedulegroups", "emg": "emergencygroups", "pmt": "prompts"}
MANIFEST_LISTS = {"queue": "queues", "acdSkill": "skills", "acdWrapupCode": "wrapupcodes",
                  "languageSkill": "languages", "scheduleGroup": "schedulegroups",
                  "emergencyGroup": "emergencygroups", "userPrompt": "prompts",
                  "dataAction": "dataactions", "dataTable": "datatables",
                  "inboundCallFlow": "flows", "inqueueCallFlow": "flows",
                  "secureCallFlow": "flows", "botFlow": "flows", "commonModuleFlow": "flows"}
SETTINGS_CONTEXTS = {"inQueueSettings", "outboundSettings", "defaultSettings", "errorHandling",
                     "initialPrompts"}
JUMP_TARGETS = {"TaskAction": ("taskReference", {"Task"}),
                "CallTaskAction": ("taskReference", {"Task"}),
                "TransferTaskAction": ("taskReference", {"Task"}),
                "TransferMenuAction": ("menuReference", {"Menu"}),
                "ChangeStateAction": ("stateReference", {"State"})}
CALLED_FLOW_TYPES = {"CallCommonModuleAction": {"COMMONMODULE"}, "CallBotFlowAction": {"BOT"},
                     "TransferFlowAction": {"INBOUNDCALL", "SECURECALL"}}


class Checker:
    def __init__(self, root):
        self.root = root
        self.problems = []
        self.lists = {}
        self.by_id = {}
        self.texts = {}

    def fail(self, where, message):
        self.problems.append(f"{where}: {message}")

    # ---- files -------------------------------------------------------------------------

    def load(self, rel):
        path = self.root / rel
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        self.texts[rel] = text
        if b"\r" in raw or not text.endswith("\n") or text.endswith("\n\n"):
            self.fail(rel, "not LF text with exactly one trailing newline")
        try:
            value = json.loads(text)
        except json.JSONDecodeError as e:
            self.fail(rel, f"invalid JSON: {e}")
            return None
        # snapshot.json keeps gcdocs' own field order; everything else has sorted keys.
        pretty = json.dumps(value, indent=2, ensure_ascii=False,
                            sort_keys=rel != "snapshot.json") + "\n"
        if pretty != text:
            self.fail(rel, "not 2-space pretty JSON with sorted keys")
        return value

    def load_all(self):
        meta = self.load("snapshot.json")
        want = {"format": 1, "capturedAt": "2026-11-30T02:00:00Z", "source": "sample",
                "region": "eu-west-1", "flowVersion": "published"}
        if meta != want:
            self.fail("snapshot.json", f"is {meta}, want {want}")
        if self.load("gaps.json") != []:
            self.fail("gaps.json", "the sample has no gaps")
        self.org = self.load("organization.json")
        for name in LISTS:
            rel = f"{name}.json"
            value = self.load(rel)
            if not isinstance(value, dict) or list(value) != ["entities"]:
                self.fail(rel, "not the envelope {\"entities\": [...]}")
                continue
            self.lists[name] = value["entities"]
            ids = Counter(e["id"] for e in value["entities"])
            for oid, n in ids.items():
                if n > 1:
                    self.fail(rel, f"id {oid} appears {n} times")
            self.by_id[name] = {e["id"]: e for e in value["entities"]}
        for rel in sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*")
                          if p.is_file()):
            if rel.endswith(".json") and rel not in self.texts:
                self.load(rel)

    # ---- helpers -----------------------------------------------------------------------

    def resolve(self, where, list_name, ref, name=None, types=None):
        entity = self.by_id.get(list_name, {}).get(ref)
        if entity is None:
            self.fail(where, f"{list_name} id {ref} does not exist")
            return None
        if name is not None and entity["name"] != name:
            self.fail(where, f"{list_name} {ref} is named {entity['name']!r}, not {name!r}")
        if types and entity.get("type") not in types:
            self.fail(where, f"flow {entity['name']!r} is {entity.get('type')}, want {types}")
        return entity

    def entity_ref(self, where, list_name, r, types=None):
        if not isinstance(r, dict) or "id" not in r:
            self.fail(where, f"not a reference: {r}")
            return None
        return self.resolve(where, list_name, r["id"], r.get("name"), types)

    # ---- object references ---------------------------------------------------------------

    def check_counts(self):
        for name, least in MINIMUM.items():
            n = len(self.lists.get(name, []))
            if n < least:
                self.fail(f"{name}.json", f"{n} entities, want at least {least}")
        types = {f["type"] for f in self.lists["flows"]}
        if len(types) < 6:
            self.fail("flows.json", f"{len(types)} flow types, want at least 6")
        langs = {lang["name"] for lang in self.lists["languages"]}
        for want in ("French", "German", "Japanese", "English", "Dutch"):
            if want not in langs:
                self.fail("languages.json", f"no {want}")

    def check_objects(self):
        if self.org:
            self.resolve("organization.json defaultSiteId", "sites", self.org["defaultSiteId"])
        for q in self.lists["queues"]:
            where = f"queue {q['name']!r}"
            if "queueFlow" in q:
                self.entity_ref(where + " queueFlow", "flows", q["queueFlow"], {"INQUEUECALL"})
            for key in ("onHoldPrompt", "whisperPrompt"):
                if key in q:
                    self.entity_ref(f"{where} {key}", "prompts", q[key])
            for ring in q.get("bullseye", {}).get("rings", []):
                for s in ring.get("actions", {}).get("skillsToRemove", []):
                    self.entity_ref(where + " bullseye", "skills", s)
            rel = f"queue-wrapupcodes/{q['id']}.json"
            if rel not in self.texts:
                self.fail(where, f"no {rel}")
                continue
            for w in json.loads(self.texts[rel])["entities"]:
                if self.by_id["wrapupcodes"].get(w["id"]) != w:
                    self.fail(rel, f"wrap-up code {w.get('name')!r} differs from wrapupcodes.json")
        for rel in self.texts:
            if rel.startswith("queue-wrapupcodes/"):
                qid = rel.split("/")[1][:-5]
                if qid not in self.by_id["queues"]:
                    self.fail(rel, "no such queue")
        for ivr in self.lists["ivrs"]:
            where = f"ivr {ivr['name']!r}"
            for key in ("openHoursFlow", "closedHoursFlow", "holidayHoursFlow"):
                if key in ivr:
                    self.entity_ref(f"{where} {key}", "flows", ivr[key], {"INBOUNDCALL"})
            if "scheduleGroup" in ivr:
                self.entity_ref(where, "schedulegroups", ivr["scheduleGroup"])
                if "closedHoursFlow" not in ivr:
                    self.fail(where, "a schedule group needs a closed-hours flow")
        for g in self.lists["schedulegroups"]:
            for key in ("openSchedules", "closedSchedules", "holidaySchedules"):
                for s in g.get(key, []):
                    self.entity_ref(f"schedule group {g['name']!r} {key}", "schedules", s)
        for e in self.lists["emergencygroups"]:
            for ecf in e["emergencyCallFlows"]:
                self.entity_ref(f"emergency group {e['name']!r}", "flows", ecf["emergencyFlow"],
                                {"INBOUNDCALL"})
                for i in ecf["ivrs"]:
                    self.entity_ref(f"emergency group {e['name']!r}", "ivrs", i)
        for t in self.lists["trunks"]:
            self.entity_ref(f"trunk {t['name']!r}", "trunkbasesettings", t["trunkBase"])
        for tb in self.lists["trunkbasesettings"]:
            for key in ("site", "inboundSite"):
                self.entity_ref(f"trunk base {tb['name']!r} {key}", "sites", tb[key])
        for p in self.lists["prompts"]:
            for r in p["resources"]:
                if r["promptId"] != p["id"]:
                    self.fail(f"prompt {p['name']!r}", "resource with another promptId")

    # ---- flows ---------------------------------------------------------------------------

    def check_flows(self):
        docs = {rel for rel in self.texts if rel.startswith("flow-documents/")}
        expected = set()
        for f in self.lists["flows"]:
            pv = f.get("publishedVersion")
            if pv is None:
                if any(rel.startswith(f"flow-documents/{f['id']}/") for rel in docs):
                    self.fail(f"flow {f['name']!r}", "unpublished but has a document")
                continue
            if f.get("checkedInVersion", {}).get("id") != pv["id"]:
                self.fail(f"flow {f['name']!r}", "checked-in version is not the published one")
            rel = f"flow-documents/{f['id']}/{pv['id']}.json"
            expected.add(rel)
            if rel not in self.texts:
                self.fail(f"flow {f['name']!r}", f"no {rel}")
                continue
            self.check_document(rel, json.loads(self.texts[rel]), f)
        for rel in sorted(docs - expected):
            self.fail(rel, "belongs to no published flow version")

    def check_document(self, rel, doc, flow):
        if doc["name"] != flow["name"] or doc["type"] != flow["type"].lower():
            self.fail(rel, "name or type differs from flows.json")
        containers = {c["id"]: c for c in doc["flowSequenceItemList"]}
        if doc["initialSequence"] not in containers:
            self.fail(rel, "initialSequence is not a container")
        ids = Counter()
        variables = {v["id"]: v["name"] for v in doc["variables"]}
        for c in containers.values():
            ids[c["id"]] += 1
            for v in c.get("variables", []):
                variables[v["id"]] = v["name"]
        actions = {}
        for c in containers.values():
            owned = c.get("actionList", [])
            owned += [choice["action"] for choice in c.get("menuChoiceList", [])]
            for a in owned:
                ids[a["id"]] += 1
                actions[a["id"]] = (a, c)
        for oid, n in ids.items():
            if n > 1:
                self.fail(rel, f"id {oid} used {n} times")
        reached = set()
        for c in containers.values():
            self.check_container(rel, c, containers, reached)
        for aid, (a, c) in actions.items():
            if aid not in reached:
                self.fail(rel, f"action {a['name']!r} in {c['name']!r} is unreachable")
        self.check_container_reach(rel, doc, containers)
        self.check_values(rel, doc, variables)
        self.check_manifest(rel, doc, actions, containers)

    def check_container(self, rel, c, containers, reached):
        where = f"{rel} {c['__type']} {c['name']!r}"
        if c["__type"] == "Menu":
            choice_ids = {m["id"] for m in c["menuChoiceList"]}
            if c.get("defaultMenuChoice") not in choice_ids | {None}:
                self.fail(where, "defaultMenuChoice is not a choice")
            for m in c["menuChoiceList"]:
                reached.add(m["action"]["id"])
                self.check_jump(where, m["action"], containers)
            return
        local = {a["id"]: a for a in c["actionList"]}
        if c["startAction"] not in local:
            self.fail(where, "startAction is not one of its actions")
        todo = [c["startAction"]]
        while todo:
            aid = todo.pop()
            if aid in reached or aid not in local:
                continue
            reached.add(aid)
            a = local[aid]
            targets = [a.get("nextAction")] + [p.get("nextActionId") for p in a.get("paths", [])]
            if "path" in a:
                targets.append(a["path"].get("nextActionId"))
            for t in targets:
                if t is None:
                    continue
                if t not in local:
                    self.fail(where, f"action {a['name']!r} points at {t}, not in this container")
                todo.append(t)
            self.check_jump(where, a, containers)
            if a["__type"] == "SwitchAction":
                cases = {k["referenceId"] for k in a["cases"]}
                outs = {p["outputId"] for p in a["paths"]} - {"__DEFAULT__"}
                if cases != outs:
                    self.fail(where, f"switch {a['name']!r} cases and paths differ")
            if a["__type"] == "EndTaskAction":
                outs = {p["outputId"] for p in c.get("paths", [])}
                if a["pathReference"] not in outs:
                    self.fail(where, f"end task {a['name']!r} ends on an unknown output")

    def check_jump(self, where, a, containers):
        jump = JUMP_TARGETS.get(a["__type"])
        if jump:
            target = containers.get(a[jump[0]])
            if target is None or target["__type"] not in jump[1]:
                self.fail(where, f"{a['__type']} {a['name']!r} points at no {jump[1]}")
            elif a["__type"] == "CallTaskAction":
                outs = {p["outputId"] for p in a["paths"]}
                if outs != {p["outputId"] for p in target.get("paths", [])}:
                    self.fail(where, f"call task {a['name']!r} outputs differ from the task's")
        if "flowId" in a:
            self.resolve(f"{where} {a['name']!r}", "flows", a["flowId"], a["flowName"],
                         CALLED_FLOW_TYPES.get(a["__type"]))
        if "inQueueFlowId" in a:
            self.resolve(f"{where} {a['name']!r}", "flows", a["inQueueFlowId"],
                         a["inQueueFlowName"], {"INQUEUECALL"})
        if a["__type"] == "DataAction":
            da = self.resolve(f"{where} {a['name']!r}", "dataactions", a["actionId"],
                              a["actionName"])
            if da and a["category"]["name"] != da["category"]:
                self.fail(where, f"data action {a['name']!r} category differs")
        if a["__type"] == "DataTableLookupAction":
            self.resolve(f"{where} {a['name']!r}", "datatables", a["datatableId"],
                         a["datatableName"])

    def check_container_reach(self, rel, doc, containers):
        seen, todo = set(), [doc["initialSequence"]]
        while todo:
            cid = todo.pop()
            if cid in seen or cid not in containers:
                continue
            seen.add(cid)
            c = containers[cid]
            for a in c.get("actionList", []) + [m["action"] for m in c.get("menuChoiceList", [])]:
                jump = JUMP_TARGETS.get(a["__type"])
                if jump:
                    todo.append(a[jump[0]])
        for cid, c in containers.items():
            if cid not in seen:
                self.fail(rel, f"container {c['name']!r} is never entered")

    def check_values(self, rel, doc, variables):
        def walk(o):
            if isinstance(o, list):
                for v in o:
                    walk(v)
                return
            if not isinstance(o, dict):
                return
            if "config" in o and "text" in o and "type" in o:
                self.check_value(rel, o, variables)
            for v in o.values():
                walk(v)
        walk(doc)

    def check_value(self, rel, v, variables):
        def nodes(o):
            if isinstance(o, dict):
                for key, n in o.items():
                    if key in ("lit", "ref", "sysref", "emp") and isinstance(n, dict) \
                            and "pos" in n:
                        yield key, n
                    yield from nodes(n)
            elif isinstance(o, list):
                for x in o:
                    yield from nodes(x)
        refs = {r["id"] for r in v["metaData"].get("references", [])}
        for key, n in nodes(v["config"]):
            if key == "lit" and "val" in n and n["type"] in RES_LISTS:
                if n["type"] == "pmt" and n["val"].startswith("__"):
                    continue
                self.resolve(f"{rel} value {v['text']!r}", RES_LISTS[n["type"]], n["val"],
                             n["text"])
            if key in ("ref", "sysref"):
                if n["val"] not in refs:
                    self.fail(rel, f"value {v['text']!r}: {n['text']} missing in references")
                if key == "ref" and n["type"] == "pmt":
                    self.resolve(f"{rel} value {v['text']!r}", "prompts", n["val"],
                                 n["text"].split(".", 1)[1])
                elif key == "ref" and variables.get(n["val"]) != n["text"]:
                    self.fail(rel, f"value {v['text']!r}: variable {n['text']} not declared")
        if v["config"] and "emp" not in v["config"]:
            top = next(iter(v["config"].values()))
            if top.get("text", v["text"]) != v["text"] and "lit" not in v["config"]:
                self.fail(rel, f"value {v['text']!r}: parse tree text differs")

    def check_manifest(self, rel, doc, actions, containers):
        for kind, entries in doc["manifest"].items():
            if kind == "language":
                if [e["id"] for e in entries] != doc["supportedLanguages"]:
                    self.fail(rel, "manifest languages differ from supportedLanguages")
                continue
            for e in entries:
                if kind in MANIFEST_LISTS:
                    self.resolve(f"{rel} manifest {kind}", MANIFEST_LISTS[kind], e["id"],
                                 e["name"])
                for ctx in e["context"]:
                    cid = ctx["id"]
                    if cid in actions or cid in containers or cid in SETTINGS_CONTEXTS \
                            or cid.endswith("-tts"):
                        continue
                    self.fail(rel, f"manifest {kind} {e['name']!r}: context {cid} unknown")

    # ---- what the sample must hold ----------------------------------------------------------

    def check_hostile(self):
        names = {}
        for list_name, entities in self.lists.items():
            for e in entities:
                names.setdefault(e["name"], []).append((list_name, e.get("type")))
        wanted = ["Claims FR", "<script>alert(1)</script>", "end", "CON", "NO", "1.10", "null",
                  "~", "yes", "a: b", "# x", "Claims Support Ltd."]
        for w in wanted:
            if w not in names:
                self.fail("names", f"no object is named {w!r}")
        shared = names.get("Claims FR", [])
        if not {"queues", "skills"} <= {k for k, _ in shared} or \
                len({t for k, t in shared if k == "flows"}) < 2:
            self.fail("names", "'Claims FR' is not a queue, a skill and two flow types")
        checks = {
            "a name of about 300 characters": any(len(n) >= 280 for n in names),
            "a leading space": any(n.startswith(" ") for n in names),
            "an emoji": any(any(ord(ch) > 0x1F000 for ch in n) for n in names),
            "Japanese": any(any("\u3040" <= ch <= "\u9fff" for ch in n) for n in names),
            "German": any(any(ch in n for ch in "äöüßÄÖÜ") for n in names),
            "French": any(any(ch in n for ch in "éèàçîÎ") for n in names),
            "a quote": any('"' in n for n in names),
            "brackets": any("[" in n for n in names),
            "a pipe": any("|" in n for n in names),
            "a slash": any("/" in n for n in names),
            "a colon": any(":" in n for n in names),
            "<b>": any("<b>" in n for n in names),
            "a multi-line description": any("\n" in e.get("description", "")
                                            for es in self.lists.values() for e in es),
        }
        lower = Counter(q["name"].lower() for q in self.lists["queues"])
        checks["two queues differing only in case"] = any(n > 1 for n in lower.values())
        for what, ok in checks.items():
            if not ok:
                self.fail("names", f"no name with {what}")
        for list_name, name in (("queues", "Archive – do not use"),
                                ("skills", "Legacy Fax Handling")):
            entity = next((e for e in self.lists[list_name] if e["name"] == name), None)
            if entity is None:
                self.fail("unused", f"no {list_name} {name!r}")
                continue
            users = [rel for rel, text in self.texts.items()
                     if entity["id"] in text and rel != f"{list_name}.json"
                     and not rel.endswith(f"{entity['id']}.json")]
            if users:
                self.fail("unused", f"{name!r} is used by {users}")
        if not self.flows_transfer_to_each_other():
            self.fail("flows", "no two flows transfer to each other")
        if not self.menu_loops_to_itself():
            self.fail("flows", "no menu loops back to itself")

    def documents(self):
        for f in self.lists["flows"]:
            if "publishedVersion" in f:
                rel = f"flow-documents/{f['id']}/{f['publishedVersion']['id']}.json"
                if rel in self.texts:
                    yield f, json.loads(self.texts[rel])

    def flows_transfer_to_each_other(self):
        edges = set()
        for f, doc in self.documents():
            for c in doc["flowSequenceItemList"]:
                for a in c.get("actionList", []):
                    if a["__type"] == "TransferFlowAction":
                        edges.add((f["id"], a["flowId"]))
        return any((b, a) in edges for a, b in edges)

    def menu_loops_to_itself(self):
        for _, doc in self.documents():
            for c in doc["flowSequenceItemList"]:
                for m in c.get("menuChoiceList", []):
                    if m["action"].get("menuReference") == c["id"]:
                        return True
        return False

    def check_reproducible(self):
        sys.path.insert(0, str(HERE))
        import make_sample_org
        made = make_sample_org.files()
        have = {p.relative_to(self.root).as_posix() for p in self.root.rglob("*") if p.is_file()}
        for rel in sorted(have ^ set(made)):
            self.fail(rel, "present on one side only (folder vs generator)")
        for rel in sorted(have & set(made)):
            if (self.root / rel).read_bytes() != made[rel].encode("utf-8"):
                self.fail(rel, "differs from what make_sample_org.py writes")


def main(argv):
    root = Path(argv[1]) if len(argv) > 1 else HERE.parent / "sample-org"
    c = Checker(root)
    c.load_all()
    c.check_counts()
    c.check_objects()
    c.check_flows()
    c.check_hostile()
    c.check_reproducible()
    for p in c.problems:
        print(p)
    if c.problems:
        print(f"{len(c.problems)} problems")
        return 1
    counts = ", ".join(f"{n} {len(c.lists[n])}" for n in LISTS)
    docs = sum(1 for rel in c.texts if rel.startswith("flow-documents/"))
    print(f"sample org ok: {counts}, flow documents {docs}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
