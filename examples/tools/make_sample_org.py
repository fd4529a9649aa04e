#!/usr/bin/env python3
"""Writes examples/sample-org/: the raw snapshot of a fictional insurance contact centre.

Veloria Assurance does not exist. Every name, text and id below is invented for gcdocs;
the JSON shapes follow what the Genesys Cloud Platform API returns (docs/internals.md,
section 1). Re-running the script reproduces the folder byte for byte: ids are uuid5 of
names, times are fixed, keys are sorted and files are 2-space JSON with a trailing newline.

Usage: python3 examples/tools/make_sample_org.py [OUTPUT_DIR]
"""

import json
import shutil
import sys
import uuid
from pathlib import Path

NS = uuid.UUID("6f1c2a9e-4b7d-5e3f-9a1b-0c2d3e4f5a6b")
CAPTURED = "2026-11-30T02:00:00Z"


def U(*parts):
    """A fixed id for a path of names."""
    return str(uuid.uuid5(NS, "/".join(parts)))


def ref(uri, oid, name=None):
    """A DomainEntityRef."""
    out = {"id": oid, "selfUri": f"{uri}/{oid}"}
    if name is not None:
        out["name"] = name
    return out


USERS = "/api/v2/users"
ADMIN = U("user", "admin")
EDITOR = U("user", "editor")
T_CREATED = "2025-09-01T08:00:00.000Z"
T_MODIFIED = "2026-11-12T16:45:00.000Z"
DIVS = "/api/v2/authorization/divisions"
DIV_HOME = ref(DIVS, U("division", "Home"), "Home")
DIV_CLAIMS = ref(DIVS, U("division", "Claims Europe"), "Claims Europe")
DIV_JP = ref(DIVS, U("division", "日本"), "日本")


def audit(obj, version=None):
    """The created/modified fields most telephony and architect objects carry."""
    obj.update({
        "dateCreated": T_CREATED,
        "dateModified": T_MODIFIED,
        "createdBy": ADMIN,
        "modifiedBy": EDITOR,
        "state": "active",
    })
    if version is not None:
        obj["version"] = version
    return obj


# --------------------------------------------------------------------------------------
# Routing: languages, skills, wrap-up codes
# --------------------------------------------------------------------------------------

LANG_URI = "/api/v2/routing/languages"
LANGUAGES = {}
for key, name in [("en", "English"), ("fr", "French"), ("de", "German"), ("ja", "Japanese"),
                  ("nl", "Dutch")]:
    LANGUAGES[key] = {"id": U("language", name), "name": name, "state": "active",
                      "version": "1", "dateModified": T_MODIFIED,
                      "selfUri": f"{LANG_URI}/{U('language', name)}"}

SKILL_URI = "/api/v2/routing/skills"
SKILL_NAMES = {
    "claims_fr": "Claims FR",          # shared with a queue and two flows
    "motor": "Motor",
    "home": "Home",
    "travel": "Travel",
    "life": "Life",
    "health": "Health",
    "fraud": "Fraud",
    "vip": "VIP",
    "billing": "Billing",
    "renewals": "Renewals",
    "sinistres_auto": "Sinistres Auto",
    "kfz": "Kfz-Schäden",
    "jidosha": "自動車保険",
    "con": "CON",
    "null": "null",
    "tilde": "~",
    "ab": "a: b",
    "fax": "Legacy Fax Handling",    # used by nothing
}
SKILLS = {k: {"id": U("skill", n), "name": n, "state": "active", "version": "3",
              "dateModified": T_MODIFIED, "selfUri": f"{SKILL_URI}/{U('skill', n)}"}
          for k, n in SKILL_NAMES.items()}

WRAP_URI = "/api/v2/routing/wrapupcodes"
WRAP_NAMES = {
    "claim_opened": "Claim opened",
    "claim_status": "Claim status given",
    "policy_change": "Policy change",
    "quote": "Quote given",
    "renew_yes": "Renewal accepted",
    "renew_no": "Renewal declined",
    "no_answer": "No answer",
    "wrong_number": "Wrong number",
    "transferred": "Transferred",
    "callback": "Callback scheduled",
    "voicemail": "Left voicemail",
    "reclamation": "Réclamation traitée",
    "schaden": "Schadensmeldung aufgenommen",
    "kaiyaku": "解約手続き",
    "fraud": "Fraud referred",
    "complaint": "Complaint: escalated",
    "dubbel": "Dubbele polis (NL)",
    "payment": "Payment taken / Paiement",
    "end": "end",
    "NO": "NO",
    "yes": "yes",
    "hash": "# x",
}
WRAPS = {}
for k, n in WRAP_NAMES.items():
    w = {"id": U("wrapupcode", n), "name": n, "division": DIV_HOME,
         "dateCreated": T_CREATED, "dateModified": T_MODIFIED, "createdBy": ADMIN,
         "modifiedBy": EDITOR, "selfUri": f"{WRAP_URI}/{U('wrapupcode', n)}"}
    WRAPS[k] = w
WRAPS["complaint"]["description"] = "Customer asked for a manager.\nLog the reason in the notes."

# --------------------------------------------------------------------------------------
# Architect: prompts, schedules, schedule groups, emergency group, data tables
# --------------------------------------------------------------------------------------

PROMPT_URI = "/api/v2/architect/prompts"
PROMPT_TEXT = {
    "Welcome_FR": {"fr-fr": "Bienvenue chez Veloria Assurance."},
    "Welcome_DE": {"de-de": "Willkommen bei Veloria Versicherung."},
    "Welcome_JP": {"ja-jp": "ヴェロリア保険にお電話いただきありがとうございます。"},
    "MainMenu_FR": {"fr-fr": "Pour déclarer un sinistre, tapez 1. Pour suivre un dossier, tapez 2. "
                             "Pour la facturation, tapez 3. Für Deutsch, drücken Sie 4."},
    "MainMenu_EN": {"en-us": "For claims press 1, billing 2, sales 3.",
                    "nl-nl": "Voor schade toets 1, facturen 2, verkoop 3."},
    "ClosedHours": {"fr-fr": "Nos bureaux sont fermés.", "de-de": "Wir haben geschlossen.",
                    "en-us": "Our offices are closed.", "nl-nl": "Wij zijn gesloten.",
                    "ja-jp": "営業時間外です。"},
    "Holiday": {"fr-fr": "Nous sommes fermés pour un jour férié.",
                "de-de": "Heute ist ein Feiertag.", "en-us": "We are closed for a holiday."},
    "EmergencyNotice": {"fr-fr": "En raison d'une tempête, nos délais sont allongés.",
                        "de-de": "Wegen eines Sturms kommt es zu Wartezeiten.",
                        "en-us": "Because of a storm, waiting times are longer."},
    "EnterPolicy_FR": {"fr-fr": "Veuillez saisir votre numéro de police."},
    "ClaimsIntro": {"fr-fr": "Service sinistres, restez en ligne."},
    "HoldMusic_Veloria": {"en-us": ""},
    "Whisper_VIP": {"en-us": "VIP caller.", "fr-fr": "Client VIP."},
    "RenewalReminder": {"fr-fr": "Votre contrat arrive à échéance. Tapez 1 pour un conseiller."},
    "Unused_Old_Greeting": {"en-us": "Thank you for calling."},
}
PROMPTS = {}
for pname, texts in PROMPT_TEXT.items():
    pid = U("prompt", pname)
    resources = []
    for i, (lang, text) in enumerate(texts.items()):
        rid = U("prompt", pname, lang)
        res = {"id": rid, "name": pname, "promptId": pid, "language": lang,
               "languageDefault": i == 0, "tags": {},
               "selfUri": f"{PROMPT_URI}/{pid}/resources/{lang}"}
        if pname == "HoldMusic_Veloria":
            res.update({"uploadStatus": "transcoded", "durationSeconds": 183.4,
                        "mediaUri": f"https://prompts.sample.invalid/{pid}/{lang}.wav"})
        elif pname in ("Welcome_FR", "ClosedHours"):
            res.update({"uploadStatus": "transcoded", "durationSeconds": 3.2, "text": text,
                        "ttsString": text,
                        "mediaUri": f"https://prompts.sample.invalid/{pid}/{lang}.wav"})
        else:
            res.update({"uploadStatus": "created", "text": text, "ttsString": text})
        resources.append(res)
    PROMPTS[pname] = {"id": pid, "name": pname, "resources": resources,
                      "description": f"{pname.replace('_', ' ')} prompt",
                      "selfUri": f"{PROMPT_URI}/{pid}"}
PROMPTS["Unused_Old_Greeting"]["description"] = "Kept for the 2024 campaign.\nDo not delete yet."

SCHED_URI = "/api/v2/architect/schedules"
SCHEDULE_DEFS = {
    "fr_week": ("FR Lundi–Vendredi 08:00–19:00", "2025-01-06T08:00:00.000", "2025-01-06T19:00:00.000",
                "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR"),
    "fr_sat": ("FR Samedi 09:00–12:00", "2025-01-04T09:00:00.000", "2025-01-04T12:00:00.000",
               "FREQ=WEEKLY;INTERVAL=1;BYDAY=SA"),
    "fr_night": ("FR Fermeture nuit", "2025-01-06T19:00:00.000", "2025-01-07T08:00:00.000",
                 "FREQ=DAILY;INTERVAL=1"),
    "noel": ("Jours fériés 2026 : Noël", "2026-12-25T00:00:00.000", "2026-12-26T00:00:00.000", ""),
    "de_week": ("DE Werktage", "2025-01-06T08:00:00.000", "2025-01-06T18:00:00.000",
                "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR"),
    "de_einheit": ("DE Feiertag: Tag der Deutschen Einheit", "2026-10-03T00:00:00.000",
                   "2026-10-04T00:00:00.000", "FREQ=YEARLY;INTERVAL=1"),
    "jp_week": ("JP 平日 9:00–17:00", "2025-01-06T09:00:00.000", "2025-01-06T17:00:00.000",
                "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR"),
    "jp_newyear": ("JP 年末年始", "2026-12-29T00:00:00.000", "2027-01-04T00:00:00.000", ""),
    "bnl_week": ("Benelux & UK Weekdays", "2025-01-06T08:30:00.000", "2025-01-06T17:30:00.000",
                 "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR"),
    "bnl_koningsdag": ("NL Koningsdag", "2026-04-27T00:00:00.000", "2026-04-28T00:00:00.000",
                       "FREQ=YEARLY;INTERVAL=1"),
}
SCHEDULES = {}
for k, (name, start, end, rrule) in SCHEDULE_DEFS.items():
    sid = U("schedule", name)
    s = audit({"id": sid, "name": name, "division": DIV_HOME, "start": start, "end": end,
               "selfUri": f"{SCHED_URI}/{sid}"}, version=2)
    if rrule:
        s["rrule"] = rrule
    SCHEDULES[k] = s


def sref(key):
    s = SCHEDULES[key]
    return ref(SCHED_URI, s["id"], s["name"])


SG_URI = "/api/v2/architect/schedulegroups"
SG_DEFS = {
    "fr": ("Horaires France", "Europe/Paris", ["fr_week", "fr_sat"], ["fr_night"], ["noel"]),
    "de": ("Öffnungszeiten DE", "Europe/Berlin", ["de_week"], [], ["de_einheit"]),
    "jp": ("営業時間 JP", "Asia/Tokyo", ["jp_week"], [], ["jp_newyear"]),
    "bnl": ("Benelux & UK Hours", "Europe/Amsterdam", ["bnl_week"], [], ["bnl_koningsdag"]),
}
SGROUPS = {}
for k, (name, tz, op, cl, ho) in SG_DEFS.items():
    gid = U("schedulegroup", name)
    SGROUPS[k] = audit({"id": gid, "name": name, "division": DIV_HOME, "timeZone": tz,
                        "openSchedules": [sref(s) for s in op],
                        "closedSchedules": [sref(s) for s in cl],
                        "holidaySchedules": [sref(s) for s in ho],
                        "selfUri": f"{SG_URI}/{gid}"}, version=4)

DT_URI = "/api/v2/flows/datatables"


def table(name, description, columns):
    tid = U("datatable", name)
    props = {"key": {"$id": "/properties/key", "displayOrder": 0, "maxLength": 256,
                     "minLength": 1, "title": columns[0][0], "type": "string"}}
    for i, (title, typ) in enumerate(columns[1:], start=1):
        props[title] = {"$id": f"/properties/{title}", "displayOrder": i, "title": title,
                        "type": typ}
    return {"id": tid, "name": name, "description": description, "division": DIV_HOME,
            "schema": {"$schema": "http://json-schema.org/draft-04/schema#",
                       "additionalProperties": False, "properties": props,
                       "required": ["key"], "type": "object"},
            "selfUri": f"{DT_URI}/{tid}"}


DATATABLES = {
    "vip": table("VIP Numbers", "Caller numbers of VIP policy holders (E.164).",
                 [("Phone", "string"), ("tier", "string"), ("since", "string")]),
    "branch": table("Branch Directory", "Country code to branch, with the claims queue name.",
                    [("Country", "string"), ("branch", "string"), ("claimsQueue", "string"),
                     ("open", "boolean")]),
    "overrides": table("Holiday Overrides / Exceptions", "Not used by any flow yet.",
                       [("Date", "string"), ("closed", "boolean"), ("note", "string")]),
}

# --------------------------------------------------------------------------------------
# Data actions
# --------------------------------------------------------------------------------------

ACTION_URI = "/api/v2/integrations/actions"
INTEGRATIONS = {
    "policy": ("Veloria Policy API", U("integration", "Veloria Policy API")),
    "crm": ("Veloria CRM", U("integration", "Veloria CRM")),
    "gc": ("Genesys Cloud Data Actions", U("integration", "Genesys Cloud Data Actions")),
    "pay": ("PayGate (PCI)", U("integration", "PayGate (PCI)")),
}


def schema(title, props, required=()):
    return {"$schema": "http://json-schema.org/draft-04/schema#", "title": title,
            "type": "object", "properties": {p: {"type": t} for p, t in props.items()},
            "required": list(required), "additionalProperties": True}


def data_action(key, name, integ, inputs, outputs, url, method="GET", secure=False):
    iname, iid = INTEGRATIONS[integ]
    aid = "custom_-_" + U("dataaction", name)
    return {
        "id": aid, "name": name, "category": iname, "integrationId": iid, "secure": secure,
        "version": 2,
        "contract": {"input": {"inputSchema": schema(f"{name} input", inputs, list(inputs)[:1])},
                     "output": {"successSchema": schema(f"{name} output", outputs)}},
        "config": {"timeoutSeconds": 10,
                   "request": {"requestUrlTemplate": url, "requestType": method,
                               "headers": {"Content-Type": "application/json"},
                               "requestTemplate": "${input.rawRequest}"},
                   "response": {"translationMap": {o: f"$.{o}" for o in outputs},
                                "translationMapDefaults": {},
                                "successTemplate": "${rawResult}"}},
        "selfUri": f"{ACTION_URI}/{aid}",
    }


DATAACTIONS = {
    "policy": data_action("policy", "Get Policy By Phone", "policy",
                          {"phoneNumber": "string", "policyNumber": "string"},
                          {"found": "boolean", "claimType": "string", "countryCode": "string"},
                          "https://policy.sample.invalid/v1/policies?phone=${input.phoneNumber}"),
    "claim_status": data_action("claim_status", "Get Claim Status", "policy",
                                {"policyNumber": "string"}, {"status": "string"},
                                "https://policy.sample.invalid/v1/claims/${input.policyNumber}"),
    "sms": data_action("sms", "Send SMS Confirmation", "gc",
                       {"toAddress": "string", "textBody": "string"},
                       {"conversationId": "string"},
                       "/api/v2/conversations/messages/agentless", "POST"),
    "crm": data_action("crm", "Lookup Customer [CRM]", "crm", {"email": "string"},
                       {"isVip": "boolean", "skillName": "string"},
                       "https://crm.sample.invalid/customers?email=${input.email}"),
    "draft": data_action("draft", "Create Claim Draft", "policy",
                         {"policyNumber": "string", "claimType": "string"},
                         {"claimId": "string"},
                         "https://policy.sample.invalid/v1/claims", "POST"),
    "open_claims": data_action("open_claims", "Get Open Claims", "policy", {"since": "string"},
                               {"claimIds": "array"},
                               "https://policy.sample.invalid/v1/claims?state=open"),
    "callback": data_action("callback", "Create Callback", "gc",
                            {"queueId": "string", "phoneNumber": "string"},
                            {"conversationId": "string"},
                            "/api/v2/conversations/callbacks", "POST"),
    "pay": data_action("pay", "Authorize Payment", "pay",
                       {"cardNumber": "string", "amount": "number"}, {"approved": "boolean"},
                       "https://pay.sample.invalid/authorize", "POST", secure=True),
    "fax": data_action("fax", "Legacy Fax Gateway", "crm", {"number": "string"},
                       {"sent": "boolean"}, "https://fax.sample.invalid/send", "POST"),
}

# --------------------------------------------------------------------------------------
# Flows: metadata first (flows, queues and IVRs refer to each other)
# --------------------------------------------------------------------------------------

FLOW_URI = "/api/v2/flows"
LONG_NAME = ("Sinistres graves — équipe de nuit pour les dossiers corporels, incendie et "
             "dégâts des eaux en Île-de-France et Hauts-de-France, avec rappel prioritaire des assurés professionnels (artisans, "
             "commerçants, professions libérales) et coordination avec les experts agréés "
             "du réseau Veloria — file d'attente de débordement")
# (key, name, TYPE, version, division, languages, description)
FLOW_DEFS = [
    ("fr_main", "Accueil Principal FR", "INBOUNDCALL", "7.0", DIV_HOME, ["fr-FR"],
     "Main French IVR: schedule check, VIP lookup, nested menus."),
    ("de_main", "Hauptmenü DE", "INBOUNDCALL", "5.0", DIV_HOME, ["de-DE"],
     "Deutsches Hauptmenü mit Sprachwechsel nach Französisch."),
    ("jp_main", "お客様窓口 JP", "INBOUNDCALL", "3.0", DIV_JP, ["ja-JP"],
     "日本語のメインIVR。"),
    ("ennl_main", "Main IVR EN/NL", "INBOUNDCALL", "12.0", DIV_HOME, ["en-US", "nl-NL"],
     "English and Dutch lines for Benelux and the UK."),
    ("closed", "Closed Hours – Fermé", "INBOUNDCALL", "2.0", DIV_HOME,
     ["fr-FR", "de-DE", "en-US", "nl-NL", "ja-JP"], "Played outside opening hours."),
    ("holiday", "Holiday / Jours fériés", "INBOUNDCALL", "2.0", DIV_HOME,
     ["fr-FR", "de-DE", "en-US"], "Played on public holidays."),
    ("emergency", "Emergency Broadcast: Storm", "INBOUNDCALL", "1.0", DIV_HOME,
     ["fr-FR", "de-DE", "en-US"], "Switched on by the storm emergency group."),
    ("claims_call", "Claims FR", "INBOUNDCALL", "4.0", DIV_CLAIMS, ["fr-FR"],
     "Direct line for French claims.\nOpened in 2025 after the merger.\n\nOwner: claims team."),
    ("claims_msg", "Claims FR", "INBOUNDSHORTMESSAGE", "6.0", DIV_CLAIMS, ["fr-FR"],
     "WhatsApp and SMS entry for French claims, with the intake bot."),
    ("inq_std", "Standard In-Queue", "INQUEUECALL", "3.0", DIV_HOME,
     ["fr-FR", "de-DE", "en-US", "nl-NL", "ja-JP"], "Hold music and estimated wait time."),
    ("inq_vip", "In-Queue VIP [Gold]", "INQUEUECALL", "2.0", DIV_HOME, ["fr-FR", "en-US"],
     "VIP hold loop with escalation."),
    ("chat", "Customer's \"Priority\" Chat", "INBOUNDCHAT", "9.0", DIV_HOME, ["en-US"],
     "Web chat routing by CRM profile."),
    ("common", "Policy Lookup | Common", "COMMONMODULE", "5.0", DIV_HOME, ["fr-FR", "en-US"],
     "Finds the caller's policy and branch; shared by the IVRs."),
    ("bot", "Claim Intake Bot 🤖", "BOT", "3.0", DIV_CLAIMS, ["fr-FR"],
     "Asks the claim type and opens a draft claim."),
    ("wf", "<script>alert(1)</script>", "WORKFLOW", "1.0", DIV_HOME, ["en-US"],
     "Nightly callbacks for open claims. (Its name is a test of HTML escaping.)"),
    ("outbound", "Renewal Reminder Outbound", "OUTBOUNDCALL", "2.0", DIV_HOME, ["fr-FR"],
     "Calls policy holders whose contract ends within 30 days."),
    ("email", "Inbound Email: Claims #docs", "INBOUNDEMAIL", "3.0", DIV_CLAIMS, ["fr-FR"],
     "Claim documents sent by e-mail."),
    ("survey", "Post-call Survey Invite", "SURVEYINVITE", "1.0", DIV_HOME, ["en-US"],
     "Sends the satisfaction survey after a call."),
    ("secure", "Secure Payment (PCI)", "SECURECALL", "2.0", DIV_HOME, ["fr-FR", "en-US"],
     "Card payment without the agent hearing the digits."),
    ("draft", "Draft – Pet Insurance IVR", "INBOUNDCALL", None, DIV_HOME, ["fr-FR"],
     "Not published yet."),
]
FLOWS = {}
for key, name, typ, version, div, langs, desc in FLOW_DEFS:
    FLOWS[key] = {"id": U("flow", key), "name": name, "type": typ, "version": version,
                  "division": div, "languages": langs, "description": desc}


def fref(key):
    f = FLOWS[key]
    return ref(FLOW_URI, f["id"], f["name"])


# --------------------------------------------------------------------------------------
# Queues
# --------------------------------------------------------------------------------------

QUEUE_URI = "/api/v2/routing/queues"
# key: (name, division, inqueue flow key or None, wrap-up keys)
QUEUE_DEFS = {
    "claims_fr": ("Claims FR", DIV_CLAIMS, "inq_std", ["claim_opened", "claim_status",
                                                       "reclamation", "transferred"]),
    "habitation": ("Sinistres Habitation", DIV_CLAIMS, "inq_std", ["claim_opened",
                                                                   "reclamation"]),
    "voyage": ("Assistance Voyage – Île-de-France", DIV_CLAIMS, "inq_std", ["claim_opened"]),
    "kfz": ("Kfz-Schäden Süd", DIV_CLAIMS, "inq_std", ["schaden", "claim_status"]),
    "leben": ("Lebensversicherung Österreich", DIV_HOME, "inq_std", ["policy_change",
                                                                    "schaden"]),
    "jidosha": ("自動車保険 東京", DIV_JP, "inq_std", ["kaiyaku", "claim_opened"]),
    "support_jp": ("お客様サポート", DIV_JP, "inq_std", ["kaiyaku", "policy_change"]),
    "general_en": ("General Enquiries EN", DIV_HOME, "inq_std", ["quote", "policy_change",
                                                                 "wrong_number"]),
    "algemeen_nl": ("Algemene Vragen NL", DIV_HOME, "inq_std", ["dubbel", "policy_change"]),
    "vip": ("VIP Desk", DIV_HOME, "inq_vip", ["complaint", "claim_opened", "yes", "NO"]),
    "vip_lower": ("Vip Desk", DIV_HOME, "inq_vip", ["complaint", "yes"]),
    "billing": ("Billing | Facturation", DIV_HOME, "inq_std", ["payment", "policy_change"]),
    "sales": ("Sales \"Gold\" Line", DIV_HOME, "inq_std", ["quote", "renew_yes"]),
    "motor_de": ("Claims [Motor] (DE)", DIV_CLAIMS, "inq_std", ["schaden", "fraud"]),
    "overflow": ("Queue #7 – Overflow", DIV_HOME, "inq_std", ["transferred", "end", "hash"]),
    "home_contents": ("Home/Contents", DIV_CLAIMS, "inq_std", ["claim_opened"]),
    "travel": ("Travel: Assistance 24/7", DIV_CLAIMS, "inq_std", ["claim_opened",
                                                                  "claim_status"]),
    "escalations": ("Escalations <b>urgent</b>", DIV_HOME, None, ["complaint", "fraud"]),
    "long": (LONG_NAME, DIV_CLAIMS, "inq_std", ["claim_opened", "callback"]),
    "ltd": ("Claims Support Ltd.", DIV_CLAIMS, "inq_std", ["claim_status", "claim_opened"]),
    "care": ("Customer Care 💬", DIV_HOME, None, ["quote", "complaint"]),
    "one_ten": ("1.10", DIV_HOME, "inq_std", ["transferred"]),
    "leading": (" Leading Space Queue", DIV_HOME, "inq_std", ["wrong_number"]),
    "archive": ("Archive – do not use", DIV_HOME, None, ["wrong_number"]),
    "fraud": ("Fraud Investigation", DIV_CLAIMS, "inq_std", ["fraud", "end"]),
    "renewals": ("Renewals Outbound", DIV_HOME, None, ["renew_yes", "renew_no", "no_answer",
                                                      "voicemail", "callback"]),
    "email_docs": ("Email Claims Documents", DIV_CLAIMS, None, ["claim_opened", "NO"]),
    "webchat": ("Web Chat EN", DIV_HOME, None, ["quote", "complaint", "yes"]),
    "secure_pay": ("Secure Payments", DIV_HOME, None, ["payment"]),
    "emergency": ("Emergency Line", DIV_HOME, "inq_std", ["claim_opened", "callback"]),
}


def media(alert, pct, dur):
    return {"alertingTimeoutSeconds": alert, "enableAutoAnswer": False,
            "autoAnswerAlertToneSeconds": 0.0, "manualAnswerAlertToneSeconds": 0.0,
            "serviceLevel": {"percentage": pct, "durationMs": dur}}


def queue(key, index):
    name, div, qflow, _ = QUEUE_DEFS[key]
    qid = U("queue", key)
    pct = [0.8, 0.9, 0.75, 0.85][index % 4]
    dur = [20000, 30000, 15000, 60000][index % 4]
    callback = media(30, pct, dur)
    callback.update({"mode": "AgentFirst", "enableAutoDialAndEnd": False,
                     "autoDialDelaySeconds": 300, "autoEndDelaySeconds": 300})
    message = media(30, pct, 3600000)
    message.update({"enableInactivityTimeout": False, "subTypeSettings": {}})
    acw = [("MANDATORY_TIMEOUT", 60000), ("OPTIONAL", None), ("MANDATORY", None),
           ("MANDATORY_FORCED_TIMEOUT", 30000), ("AGENT_REQUESTED", 120000)][index % 5]
    q = {
        "id": qid, "name": name, "division": div,
        "dateCreated": T_CREATED, "dateModified": T_MODIFIED,
        "createdBy": ADMIN, "modifiedBy": EDITOR,
        "memberCount": 4 + (index * 7) % 23, "userMemberCount": 2 + (index * 5) % 11,
        "joinedMemberCount": (index * 3) % 9,
        "mediaSettings": {"call": media(8, pct, dur), "callback": callback,
                          "chat": media(30, pct, dur), "email": media(300, pct, 86400000),
                          "message": message},
        "routingRules": [],
        "acwSettings": {"wrapupPrompt": acw[0]},
        "skillEvaluationMethod": ["BEST", "ALL", "NONE"][index % 3],
        "scoringMethod": "TimestampAndPriority",
        "lastAgentRoutingMode": "Disabled",
        "autoAnswerOnly": False,
        "enableTranscription": index % 2 == 0,
        "enableAudioMonitoring": False,
        "enableManualAssignment": False,
        "suppressInQueueCallRecording": True,
        "selfUri": f"{QUEUE_URI}/{qid}",
    }
    if acw[1] is not None:
        q["acwSettings"]["timeoutMs"] = acw[1]
    if qflow:
        q["queueFlow"] = fref(qflow)
    return q


QUEUES = {k: queue(k, i) for i, k in enumerate(QUEUE_DEFS)}
QUEUES["claims_fr"]["description"] = "French claims.\nSecond line: overflow goes to Queue #7."
QUEUES["claims_fr"]["defaultScripts"] = {
    "CALL": {"id": U("script", "Claims Screen Pop"), "name": "Claims Screen Pop",
             "selfUri": f"/api/v2/scripts/{U('script', 'Claims Screen Pop')}"}}
QUEUES["vip"]["onHoldPrompt"] = ref(PROMPT_URI, PROMPTS["HoldMusic_Veloria"]["id"],
                                    "HoldMusic_Veloria")
QUEUES["vip"]["whisperPrompt"] = ref(PROMPT_URI, PROMPTS["Whisper_VIP"]["id"], "Whisper_VIP")
QUEUES["vip"]["routingRules"] = [{"operator": "MEETS_THRESHOLD", "threshold": 9,
                                  "waitSeconds": 10.0}]
QUEUES["vip"]["lastAgentRoutingMode"] = "QueueMembersOnly"
QUEUES["claims_fr"]["bullseye"] = {"rings": [
    {"expansionCriteria": [{"type": "TIMEOUT_SECONDS", "threshold": 15.0}],
     "actions": {"skillsToRemove": [ref(SKILL_URI, SKILLS["sinistres_auto"]["id"],
                                        "Sinistres Auto")]}},
    {"expansionCriteria": [{"type": "TIMEOUT_SECONDS", "threshold": 30.0}]},
]}
QUEUES["kfz"]["conditionalGroupRouting"] = {"rules": [
    {"metric": "EstimatedWaitTime", "operator": "GreaterThan", "conditionValue": 120.0,
     "waitSeconds": 2,
     "groups": [{"id": U("group", "Kfz Springer"), "name": "Kfz Springer", "type": "GROUP",
                 "selfUri": f"/api/v2/groups/{U('group', 'Kfz Springer')}"}]},
]}
QUEUES["renewals"]["callingPartyName"] = "Veloria Assurance"
QUEUES["renewals"]["callingPartyNumber"] = "+33199000150"
QUEUES["long"]["description"] = "A deliberately long name, close to 300 characters."

# --------------------------------------------------------------------------------------
# Telephony: sites, trunk bases, trunks
# --------------------------------------------------------------------------------------

EDGES = "/api/v2/telephony/providers/edges"
SITE_URI = f"{EDGES}/sites"
SITES = {}
for key, name, desc, caller, loc in [
        ("paris", "Paris – La Défense", "Cloud media site for France and Benelux.",
         "+33199000100", "Tour Veloria"),
        ("frankfurt", "Frankfurt/Main", "Cloud media site for DACH and Japan.",
         "+4930999990100", "Mainzer Landstraße")]:
    sid = U("site", name)
    SITES[key] = audit({
        "id": sid, "name": name, "description": desc, "division": DIV_HOME,
        "primarySites": [], "secondarySites": [], "managed": False, "mediaModel": "Cloud",
        "coreSite": False, "mediaRegionsUseLatencyBased": True,
        "mediaRegions": ["eu-west-1", "eu-central-1"] if key == "paris"
        else ["eu-central-1", "ap-northeast-1"],
        "callerId": caller, "callerName": "Veloria Assurance",
        "location": ref("/api/v2/locations", U("location", loc), loc),
        "selfUri": f"{SITE_URI}/{sid}"}, version=6)
SITES["paris"]["secondarySites"] = [ref(SITE_URI, SITES["frankfurt"]["id"],
                                        SITES["frankfurt"]["name"])]

TB_URI = f"{EDGES}/trunkbasesettings"


def prop(value, typ="string"):
    return {"type": typ, "value": {"default": value, "instance": value}}


TRUNKBASES = {}
for key, name, site, carrier, addr in [
        ("orange", "SIP Orangerie Télécom (BYOC)", "paris", "Orangerie", "sip1.sample.invalid"),
        ("telekom", "Telekomma SIP – DACH", "frankfurt", "Telekomma", "sip2.sample.invalid"),
        ("tokyo", "Tokyo Carrier | 東京回線", "frankfurt", "NipponLink", "sip3.sample.invalid")]:
    tid = U("trunkbase", name)
    TRUNKBASES[key] = audit({
        "id": tid, "name": name, "description": f"BYOC carrier trunk ({carrier}).",
        "division": DIV_HOME, "trunkType": "EXTERNAL", "managed": False,
        "trunkMetabase": {"id": "external_sip_pcv_byoc_carrier.json",
                          "name": "BYOC Carrier"},
        "site": ref(SITE_URI, SITES[site]["id"], SITES[site]["name"]),
        "inboundSite": ref(SITE_URI, SITES[site]["id"], SITES[site]["name"]),
        "properties": {
            "trunk_label": prop(name),
            "trunk_enabled": prop(True, "boolean"),
            "trunk_max_dial_timeout": prop("1m"),
            "trunk_transport_serverProxyList": prop([addr], "array"),
            "trunk_transport_sip_port": prop(5061, "integer"),
            "trunk_transport_protocol": prop("TLS"),
            "trunk_media_codec": prop(["audio/opus", "audio/pcma"], "array"),
            "trunk_media_srtp": prop(True, "boolean"),
            "trunk_recording_enabled": prop(key != "tokyo", "boolean"),
        },
        "selfUri": f"{TB_URI}/{tid}"}, version=3)

TRUNK_URI = f"{EDGES}/trunks"
TRUNKS = {}
for key, base, edge_name in [("orange", "orange", "edge-par-01"),
                             ("telekom", "telekom", "edge-fra-01"),
                             ("tokyo", "tokyo", "edge-fra-02")]:
    tb = TRUNKBASES[base]
    name = f"{tb['name']} – {edge_name}"
    tid = U("trunk", name)
    TRUNKS[key] = audit({
        "id": tid, "name": name, "division": DIV_HOME, "trunkType": "EXTERNAL",
        "edge": ref(EDGES, U("edge", edge_name), edge_name),
        "edgeGroup": ref(f"{EDGES}/edgegroups", U("edgegroup", "Cloud Edge Group EU"),
                         "Cloud Edge Group EU"),
        "trunkBase": ref(TB_URI, tb["id"], tb["name"]),
        "trunkMetabase": tb["trunkMetabase"],
        "inService": key != "tokyo", "enabled": True,
        "connectedStatus": {"connected": key != "tokyo",
                            "connectedStateTime": "2026-11-29T23:10:04.000Z"},
        "optionsEnabledStatus": "ENABLED", "registersEnabledStatus": "DISABLED",
        "family": 2, "proxyAddressList": tb["properties"]["trunk_transport_serverProxyList"]
        ["value"]["instance"],
        "selfUri": f"{TRUNK_URI}/{tid}"}, version=12)

# --------------------------------------------------------------------------------------
# IVRs and the emergency group
# --------------------------------------------------------------------------------------

IVR_URI = "/api/v2/architect/ivrs"


def ivr(name, dnis, open_, closed=None, holiday=None, sg=None):
    iid = U("ivr", name)
    out = audit({"id": iid, "name": name, "division": DIV_HOME, "dnis": dnis,
                 "openHoursFlow": fref(open_), "selfUri": f"{IVR_URI}/{iid}"}, version=5)
    if closed:
        out["closedHoursFlow"] = fref(closed)
    if holiday:
        out["holidayHoursFlow"] = fref(holiday)
    if sg:
        out["scheduleGroup"] = ref(SG_URI, SGROUPS[sg]["id"], SGROUPS[sg]["name"])
    return out


IVRS = {
    "fr": ivr("Veloria FR – numéros principaux", ["+33199000100", "+33199000101"], "fr_main",
              "closed", "holiday", "fr"),
    "de": ivr("Veloria DE Hauptnummern", ["+4930999990100"], "de_main", "closed", "holiday",
              "de"),
    "jp": ivr("Veloria JP 代表番号", ["+815000000101"], "jp_main", "closed", "closed", "jp"),
    "bnl": ivr("Veloria EN/NL Main Lines", ["+31207999001", "+442079460101"], "ennl_main",
               "closed", "holiday", "bnl"),
    "claims": ivr("Claims FR Direct", ["+33199000120"], "claims_call"),
}

EG_URI = "/api/v2/architect/emergencygroups"
EG_NAME = "Storm Emergency – Tempête"
EMERGENCY = audit({
    "id": U("emergencygroup", EG_NAME), "name": EG_NAME, "division": DIV_HOME,
    "description": "Switch on during storms: callers hear the storm notice first.",
    "enabled": False,
    "emergencyCallFlows": [{"emergencyFlow": fref("emergency"),
                            "ivrs": [ref(IVR_URI, IVRS["fr"]["id"], IVRS["fr"]["name"]),
                                     ref(IVR_URI, IVRS["de"]["id"], IVRS["de"]["name"])]}],
    "selfUri": f"{EG_URI}/{U('emergencygroup', EG_NAME)}"}, version=2)

# --------------------------------------------------------------------------------------
# Architect expressions: each node knows its text and writes Architect's parse tree
# --------------------------------------------------------------------------------------


class Lit:
    """A literal: a string (quoted in the text), number, boolean or duration."""

    def __init__(self, value, typ="str"):
        self.value, self.type = str(value), typ
        self.text = f'"{self.value}"' if typ == "str" else self.value

    def tree(self, pos, top=False):
        return {"lit": {"pos": pos, "text": self.value, "type": self.type}}

    def refs(self):
        return []


class Res:
    """A resource literal (queue, skill, prompt, ...): its name in the text, its id in `val`."""

    def __init__(self, name, oid, typ):
        self.name, self.id, self.type, self.text = name, oid, typ, name

    def tree(self, pos, top=False):
        return {"lit": {"pos": pos, "text": self.name, "type": self.type, "val": self.id}}

    def refs(self):
        return []


class Ref:
    """A variable, prompt or system reference."""

    def __init__(self, name, oid, typ, system=False):
        self.name, self.id, self.type, self.system, self.text = name, oid, typ, system, name

    def tree(self, pos, top=False):
        key = "sysref" if self.system else "ref"
        return {key: {"pos": pos, "text": self.name, "type": self.type, "val": self.id}}

    def refs(self):
        return [{"id": self.id, "isSysRef": self.system, "name": self.name, "type": self.type}]


class Call:
    """A function call, `Name(arg, arg)`."""

    def __init__(self, fn, args, typ):
        self.fn, self.args, self.type = fn, args, typ
        self.text = f"{fn}({', '.join(a.text for a in args)})"

    def tree(self, pos, top=False):
        operands, at = [], pos + len(self.fn) + 1
        for a in self.args:
            operands.append(a.tree(at))
            at += len(a.text) + 2
        node = {"pos": pos, "operands": operands, "type": self.type}
        if top:
            node["text"] = self.text
        return {self.fn: node}

    def refs(self):
        return [r for a in self.args for r in a.refs()]


class Op:
    """A binary operator, `left op right`."""

    def __init__(self, sym, left, right, typ="bln"):
        self.sym, self.left, self.right, self.type = sym, left, right, typ
        self.text = f"{left.text} {sym} {right.text}"

    def tree(self, pos, top=False):
        at = pos + len(self.left.text) + 1
        node = {"pos": at, "operands": [self.left.tree(pos),
                                        self.right.tree(at + len(self.sym) + 1)],
                "type": self.type}
        if top:
            node["text"] = self.text
        return {self.sym: node}

    def refs(self):
        return self.left.refs() + self.right.refs()


def value(node):
    """An Architect value: parse tree, the text as typed, its type and what it references."""
    refs, seen = [], set()
    for r in node.refs():
        if r["id"] not in seen:
            seen.add(r["id"])
            refs.append(r)
    return {"config": node.tree(1, True), "text": node.text, "type": node.type,
            "metaData": {"references": refs} if refs else {}, "version": 2}


def empty(typ):
    return {"config": {"emp": {"pos": 1, "text": "", "type": typ}}, "text": "", "type": typ,
            "metaData": {}, "version": 2}


def lit(v, typ="str"):
    return value(Lit(v, typ))


def true():
    return lit("true", "bln")


def false():
    return lit("false", "bln")


def dur(seconds):
    m, s = divmod(seconds, 60)
    return f"P0D0H{m}M{s}S0F"


def sysref(name, typ):
    return Ref(name, "__" + name.upper().replace(".", "_") + "__", typ, system=True)


ANI = sysref("Call.Ani", "str")


def tts(text):
    return Call("ToAudioTTS", [Lit(text)], "aud")


def user_prompt(pname):
    return Call("ToAudio", [Ref("Prompt." + pname, PROMPTS[pname]["id"], "pmt")], "aud")


def system_prompt(pname):
    return Call("ToAudio", [Ref("PromptSystem." + pname, f"__{pname}__", "pmt", system=True)],
                "aud")


def audio(*parts):
    inner = parts[0] if len(parts) == 1 else Call("Append", list(parts), "aud")
    return {"bargeInExpression": true(), "flushExpression": false(),
            "defaultAudio": value(Call("AudioPlaybackOptions", [inner, Lit("true", "bln")],
                                       "aud")),
            "cases": []}


def queue_lit(key):
    q = QUEUES[key]
    return value(Res(q["name"], q["id"], "que"))


def skill_lit(key):
    s = SKILLS[key]
    return {"skill": value(Res(s["name"], s["id"], "skl")), "value": empty("int")}


def language_skill(key):
    lang = LANGUAGES[key]
    return value(Res(lang["name"], lang["id"], "lac"))


# --------------------------------------------------------------------------------------
# Flow documents
# --------------------------------------------------------------------------------------

VAR_TYPES = {"str": "StringVariable", "int": "IntegerVariable", "bln": "BoolVariable",
             "que": "QueueVariable", "phn": "PhoneNumberVariable", "dur": "DurationVariable",
             "str_coll": "StringVariable"}
TTS_VOICES = {"fr-FR": "Léa", "de-DE": "Lukas", "ja-JP": "Haruka", "en-US": "Jill",
              "nl-NL": "Sanne"}


class Doc:
    """One flow document being written."""

    def __init__(self, key):
        self.flow = FLOWS[key]
        self.key = key
        self.containers = []
        self.variables = []
        self.declared = {}
        self.tracking = 10
        self.extra = {}

    def uid(self, *parts):
        return U("flow", self.key, *parts)

    def track(self):
        self.tracking += 1
        return self.tracking

    def var(self, name, typ="str", inp=False, out=False, secure=False, container=None):
        """A reference to a variable, declared on first use (flow-level or in a container)."""
        vid = self.uid("var", name)
        if name not in self.declared:
            v = {"__type": VAR_TYPES[typ], "id": vid, "name": name,
                 "initialValue": empty(typ), "isCollection": typ.endswith("_coll"),
                 "isInput": inp, "isOutput": out, "isInternal": False, "isSecure": secure,
                 "version": "1.0"}
            (container.variables if container else self.variables).append(v)
            self.declared[name] = v
        return Ref(name, vid, typ)

    def cid(self, ckey):
        return self.uid("container", ckey)

    def container(self, typ, ckey, name):
        c = Container(self, typ, ckey, name)
        self.containers.append(c)
        return c

    def menu(self, ckey, name, prompt):
        m = Menu(self, ckey, name, prompt)
        self.containers.append(m)
        return m

    def document(self, start):
        f = self.flow
        langs = f["languages"]
        doc = {
            "name": f["name"],
            "description": f["description"],
            "type": f["type"].lower(),
            "defaultLanguage": langs[0],
            "supportedLanguages": langs,
            "supportedLanguageOptions": [
                {"language": lang, "languageSkill": empty("lac"),
                 "textToSpeech": {"engine": {"selection": "specific", "name": "Genesys TTS",
                                             "id": "genesys"},
                                  "voice": {"selection": "specific",
                                            "name": TTS_VOICES[lang],
                                            "id": f"genesys/{TTS_VOICES[lang]}"}}}
                for lang in langs],
            "initialSequence": self.cid(start),
            "flowSequenceItemList": [c.obj() for c in self.containers],
            "variables": self.variables,
            "flowMetaData": {"flowDocumentVersion": "1.0", "minimumServerVersion": "1.0",
                             "ttsDataVersion": "1.0"},
            "debugSettings": {},
            "uiMetaData": {"bridgeServerActions": [], "screenPops": []},
            "errorHandling": {"handlingType": "Disconnect"},
            "defaultSettings": {},
        }
        if f["type"] in ("INBOUNDCALL", "INQUEUECALL", "OUTBOUNDCALL", "SECURECALL"):
            doc["errorHandling"] = {
                "audio": audio(tts({"fr-FR": "Désolé, une erreur est survenue.",
                                    "de-DE": "Leider ist ein Fehler aufgetreten.",
                                    "ja-JP": "エラーが発生しました。",
                                    "en-US": "Sorry, something went wrong.",
                                    "nl-NL": "Er ging iets mis."}[langs[0]])),
                "handlingType": "Disconnect", "queue": empty("que")}
            doc["defaultSettings"] = {"DataAction": {
                "processingPrompt": value(Res("processing", "__processing__", "pmt"))}}
        doc.update(self.extra)
        doc["nextTrackingNumber"] = self.tracking + 1
        doc["manifest"] = manifest(doc)
        return doc


class Container:
    """A Task, State, LoopTask, BotState or CommonModuleTask with its flat action list."""

    def __init__(self, doc, typ, ckey, name):
        self.doc, self.type, self.key, self.name = doc, typ, ckey, name
        self.id = doc.cid(ckey)
        self.tracking = doc.track()
        self.actions, self.variables, self.start, self.paths = [], [], None, None

    def aid(self, akey):
        return self.doc.uid("action", self.key, akey)

    def act(self, akey, typ, name, nxt=None, paths=None, **fields):
        """Adds an action; `nxt` and path targets are keys of actions of this container."""
        a = {"__type": typ, "id": self.aid(akey), "name": name,
             "trackingId": self.doc.track()}
        if nxt:
            a["nextAction"] = self.aid(nxt)
        if paths is not None:
            a["paths"] = [path(self, *p) for p in paths]
        a.update(fields)
        if self.start is None:
            self.start = a["id"]
        self.actions.append(a)
        return a

    def obj(self):
        o = {"__type": self.type, "id": self.id, "name": self.name, "trackingId": self.tracking,
             "startAction": self.start, "actionList": self.actions,
             "variables": self.variables}
        if self.paths is not None:
            o["paths"] = self.paths
        return o


def path(cont, label, output, target=None):
    p = {"label": label, "outputId": output}
    if target:
        p["nextActionId"] = cont.aid(target)
    return p


class Menu:
    """A Menu container: prompts and choices, each choice with its inline action."""

    def __init__(self, doc, ckey, name, prompt):
        self.doc, self.key, self.name = doc, ckey, name
        self.id = doc.cid(ckey)
        self.tracking = doc.track()
        self.prompt = prompt
        self.choices, self.default = [], None

    def choice(self, ckey, digit, name, typ, speech=None, default=False, **fields):
        action = {"__type": typ, "id": self.doc.uid("action", self.key, ckey), "name": name,
                  "trackingId": self.doc.track()}
        action.update(fields)
        c = {"id": self.doc.uid("choice", self.key, ckey), "name": name, "action": action,
             "speechRecTerms": speech or {lang: [] for lang in self.doc.flow["languages"]}}
        if digit is not None:
            c["digit"] = digit
        self.choices.append(c)
        if default:
            self.default = c["id"]
        return action

    def obj(self):
        o = {"__type": "Menu", "id": self.id, "name": self.name, "trackingId": self.tracking,
             "prompts": self.prompt, "menuChoiceList": self.choices,
             "promptRepeatCount": lit("3", "int"), "promptRepeatDelay": lit(dur(5), "dur"),
             "extensionDialingDelay": empty("dur"), "useExtensionDialing": false(),
             "speechRecMinConfidence": empty("int"),
             "speechRecTimeoutComplete": empty("dur"),
             "speechRecTimeoutIncomplete": empty("dur"), "speechRecTimeoutTotal": empty("dur"),
             "invalidSpeechRecPromptsList": []}
        if self.default:
            o["defaultMenuChoice"] = self.default
        return o


# Actions: small builders for the fields each type carries -----------------------------


def transfer_acd(queues, skills=(), lang=None, priority=0, inqueue=None):
    out = {"queues": queues, "skills": list(skills), "priority": lit(str(priority), "int"),
           "languageSkill": language_skill(lang) if lang else empty("lac"),
           "preferredAgents": empty("cpx_agent_score_pair_coll"), "appendSkills": false(),
           "useDefaultHandling": True, "directAgent": empty("usr"),
           "preTransferAudio": audio(tts("Veuillez patienter.")),
           "failureTransferAudio": audio(tts("Le transfert a échoué.")),
           "errorBindings": []}
    if inqueue:
        out["inQueueFlowId"] = FLOWS[inqueue]["id"]
        out["inQueueFlowName"] = FLOWS[inqueue]["name"]
    return out


def to_flow(key):
    f = FLOWS[key]
    return {"flowId": f["id"], "flowName": f["name"], "flowType": f["type"].lower(),
            "flowOutOfService": False}


def data_action_fields(key, inputs, outputs, timeout=10):
    a = DATAACTIONS[key]
    return {"actionId": a["id"], "actionName": a["name"],
            "category": {"id": a["category"], "name": a["category"]},
            "useSuggestedTimeout": False, "timeout": lit(dur(timeout), "dur"),
            "processingPrompt": empty("pmt"),
            "inputs": [{"name": n, "value": value(v)} for n, v in inputs],
            "outputs": [{"name": n, "value": value(v)} for n, v in outputs],
            "errorBindings": []}


def data_paths(ok, fail, timeout=None):
    return [("Success", "__SUCCESS__", ok), ("Failure", "__FAILURE__", fail),
            ("Timeout", "__TIMEOUT__", timeout or fail)]


def schedule_group_fields(sg):
    g = SGROUPS[sg]
    return {"scheduleGroup": value(Res(g["name"], g["id"], "sgr")),
            "emergencyGroup": value(Res(EMERGENCY["name"], EMERGENCY["id"], "emg")),
            "evaluateNow": true()}


def sg_paths(closed, holiday, emergency):
    return [("Open", "__OPEN__"), ("Closed", "__CLOSED__", closed),
            ("Holiday", "__HOLIDAY__", holiday), ("Emergency", "__EMERGENCY__", emergency)]


def assign(target, expr):
    return {"variable": value(target), "expression": value(expr)}


def end_task(output="__DEFAULT__", name="Default"):
    return {"pathReference": output, "pathName": name}


# Manifest: derived from the document, so it always lists exactly what the actions use ----

RES_KINDS = {"que": "queue", "skl": "acdSkill", "wrc": "acdWrapupCode", "lac": "languageSkill",
             "usr": "user", "grp": "group", "sgr": "scheduleGroup", "emg": "emergencyGroup",
             "cnl": "contactList"}
FLOW_KINDS = {"INBOUNDCALL": "inboundCallFlow", "INQUEUECALL": "inqueueCallFlow",
              "SECURECALL": "secureCallFlow", "BOT": "botFlow",
              "COMMONMODULE": "commonModuleFlow", "INBOUNDSHORTMESSAGE": "inboundShortMessageFlow"}
ACTION_LABELS = {
    "TransferPureMatchAction": "Transfer to ACD", "PlayAudioAction": "Play Audio",
    "DataAction": "Call Data Action", "DataTableLookupAction": "Data Table Lookup",
    "ScreenPopAction": "Set Screen Pop", "CallBotFlowAction": "Call Bot Flow",
    "TransferFlowAction": "Transfer to Flow", "CallCommonModuleAction": "Call Common Module",
    "EvaluateScheduleGroupAction": "Evaluate Schedule Group",
    "SetWrapupCodeAction": "Set Wrap-up Code", "TransferToUserAction": "Transfer to User",
    "TransferToGroupAction": "Transfer to Group",
    "TransferToVoicemailAction": "Transfer to Voicemail",
    "TransferToNumberAction": "Transfer to Number", "HoldMusicAction": "Hold Music",
    "PlayEstimatedWaitTimeAction": "Play Estimated Wait Time",
    "CollectInputAction": "Collect Input", "CommunicateAction": "Communicate",
    "SendResponseAction": "Send Response",
}
TOP_CONTEXTS = [("inQueueCallFlowSettings", "inQueueSettings"),
                ("outboundCallSettings", "outboundSettings"),
                ("defaultSettings", "defaultSettings"), ("errorHandling", "errorHandling"),
                ("initialPrompts", "initialPrompts")]
FLOW_BY_ID = {f["id"]: f for f in FLOWS.values()}


def manifest(doc):
    found = {}

    def add(kind, oid, name, ctx):
        entry = found.setdefault(kind, {}).setdefault(oid, {"id": oid, "name": name,
                                                           "context": []})
        if ctx not in entry["context"]:
            entry["context"].append(ctx)

    def scan(o, ctx):
        if isinstance(o, list):
            for v in o:
                scan(v, ctx)
            return
        if not isinstance(o, dict):
            return
        node = o.get("lit")
        if isinstance(node, dict) and "val" in node:
            if node["type"] == "pmt":
                system = node["val"].startswith("__")
                add("systemPrompt" if system else "userPrompt", node["val"], node["text"], ctx)
            elif node["type"] in RES_KINDS:
                add(RES_KINDS[node["type"]], node["val"], node["text"], ctx)
        for key, kind in (("ref", "userPrompt"), ("sysref", "systemPrompt")):
            node = o.get(key)
            if isinstance(node, dict) and node["type"] == "pmt" and "." in node["text"]:
                prefix, name = node["text"].split(".", 1)
                if prefix in ("Prompt", "PromptSystem"):
                    add(kind, node["val"], name, ctx)
        for v in o.values():
            scan(v, ctx)

    def action(a, ctx):
        t = a["__type"]
        if t == "DataAction":
            add("dataAction", a["actionId"], a["actionName"], ctx)
        if t == "DataTableLookupAction":
            add("dataTable", a["datatableId"], a["datatableName"], ctx)
        if "flowId" in a:
            add(FLOW_KINDS[FLOW_BY_ID[a["flowId"]]["type"]], a["flowId"], a["flowName"], ctx)
        if "inQueueFlowId" in a:
            add("inqueueCallFlow", a["inQueueFlowId"], a["inQueueFlowName"], ctx)
        if t == "ScreenPopAction":
            add("composerScript", a["screenPopId"], a["screenPopName"], ctx)
        scan(a, ctx)

    def ctx_of(a):
        return {"actionName": ACTION_LABELS.get(a["__type"], a["__type"]), "id": a["id"],
                "name": a["name"]}

    for c in doc["flowSequenceItemList"]:
        if c["__type"] == "Menu":
            scan(c["prompts"], {"actionName": "Menu", "id": c["id"], "name": c["name"]})
            for choice in c["menuChoiceList"]:
                action(choice["action"], ctx_of(choice["action"]))
        for a in c.get("actionList", []):
            action(a, ctx_of(a))
    for key, ctx_id in TOP_CONTEXTS:
        if key in doc:
            scan(doc[key], {"id": ctx_id})
    for opt in doc["supportedLanguageOptions"]:
        ctx = {"id": f"{opt['language']}-tts"}
        tts_ = opt["textToSpeech"]
        add("ttsEngine", tts_["engine"]["id"], tts_["engine"]["name"], ctx)
        add("ttsVoice", tts_["voice"]["id"], tts_["voice"]["name"], ctx)
    out = {kind: sorted(entries.values(), key=lambda e: (e["name"], e["id"]))
           for kind, entries in found.items()}
    out["language"] = [{"id": lang} for lang in doc["supportedLanguages"]]
    out.setdefault("userPrompt", [])
    out.setdefault("systemPrompt", [])
    return out


# --------------------------------------------------------------------------------------
# The flows
# --------------------------------------------------------------------------------------


def flow_fr_main():
    d = Doc("fr_main")
    start = d.container("Task", "start", "Accueil")
    main = d.menu("main", "Menu principal", audio(user_prompt("MainMenu_FR")))
    track = d.menu("track", "Suivi de dossier",
                   audio(tts("Pour recevoir le statut par SMS, tapez 1. Pour parler à un "
                             "gestionnaire, tapez 2. Menu précédent : étoile.")))
    claims = d.container("Task", "claims", "Sinistres")
    ident = d.container("Task", "ident", "Identification")
    status = d.container("Task", "status", "Statut dossier")
    to_de = d.container("Task", "to_de", "Sprachwechsel DE")
    tier = d.var("Flow.VipTier")
    policy = d.var("Flow.PolicyNumber")
    found = d.var("Flow.PolicyFound", "bln")
    ctype = d.var("Flow.ClaimType")
    country = d.var("Flow.CountryCode")
    cstatus = d.var("Flow.ClaimStatus")
    text = d.var("Flow.StatusText")

    start.act("welcome", "PlayAudioAction", "Message de bienvenue", nxt="hours",
              prompts=audio(user_prompt("Welcome_FR")))
    start.act("hours", "EvaluateScheduleGroupAction", "Horaires France", nxt="vip",
              paths=sg_paths("closed", "holiday", "storm"), **schedule_group_fields("fr"))
    start.act("vip", "DataTableLookupAction", "Client VIP ?",
              paths=[("Found", "__FOUND__", "to_vip"), ("Not Found", "__NOT_FOUND__", "menu"),
                     ("Failure", "__FAILURE__", "menu")],
              datatableId=DATATABLES["vip"]["id"], datatableName=DATATABLES["vip"]["name"],
              lookupKeyValue=value(ANI),
              outputs=[{"name": "tier", "value": value(tier)}], errorBindings=[])
    start.act("to_vip", "TransferPureMatchAction", "Vers VIP Desk",
              paths=[("Failure", "__FAILURE__", "menu")],
              **transfer_acd([queue_lit("vip")], [skill_lit("vip")], "fr", 10, "inq_vip"))
    start.act("menu", "TransferMenuAction", "Menu principal", menuReference=main.id,
              menuName=main.name)
    start.act("closed", "PlayAudioAction", "Fermé", nxt="voicemail",
              prompts=audio(user_prompt("ClosedHours")))
    start.act("voicemail", "TransferToVoicemailAction", "Messagerie Sinistres",
              voicemailType="Queue", queue=queue_lit("claims_fr"),
              callbackNumber=value(ANI), paths=[("Failure", "__FAILURE__", "bye")])
    start.act("holiday", "PlayAudioAction", "Jour férié", nxt="bye",
              prompts=audio(user_prompt("Holiday")))
    start.act("bye", "DisconnectAction", "Raccrocher")
    start.act("storm", "PlayAudioAction", "Alerte tempête", nxt="to_storm",
              prompts=audio(user_prompt("EmergencyNotice")))
    start.act("to_storm", "TransferFlowAction", "Vers le flux tempête", **to_flow("emergency"))

    speech = lambda *terms: {"fr-FR": list(terms)}  # noqa: E731
    main.choice("declare", 1, "Déclarer un sinistre", "TaskAction",
                speech("sinistre", "déclarer", "accident"), taskReference=claims.id)
    main.choice("follow", 2, "Suivi de dossier", "TransferMenuAction",
                speech("suivi", "dossier"), menuReference=track.id, menuName=track.name)
    main.choice("billing", 3, "Facturation", "TransferPureMatchAction",
                speech("facture", "paiement"),
                paths=[{"label": "Failure", "outputId": "__FAILURE__"}],
                **transfer_acd([queue_lit("billing")], [skill_lit("billing")], "fr"))
    main.choice("deutsch", 4, "Deutsch", "TaskAction",
                {"fr-FR": ["allemand"], "de-DE": ["deutsch"]}, taskReference=to_de.id)
    main.choice("travel", 5, "Assistance voyage", "TransferPureMatchAction",
                speech("voyage", "étranger"),
                paths=[{"label": "Failure", "outputId": "__FAILURE__"}],
                **transfer_acd([queue_lit("voyage")], [skill_lit("travel")], "fr"))
    main.choice("operator", 0, "Standard", "TransferToNumberAction", speech("standard"),
                default=True, phoneNumber=lit("+33199000199", "phn"),
                paths=[{"label": "Failure", "outputId": "__FAILURE__"}])
    main.choice("advisers", "#", "Conseillers", "TransferToGroupAction", speech("conseiller"),
                group=value(Res("Conseillers Paris", U("group", "Conseillers Paris"), "grp")),
                paths=[{"label": "Failure", "outputId": "__FAILURE__"}])
    main.choice("repeat", "*", "Répéter le menu", "TransferMenuAction", speech("répéter"),
                menuReference=main.id, menuName=main.name)

    track.choice("sms", 1, "Statut par SMS", "TaskAction", speech("sms", "statut"),
                 taskReference=status.id)
    track.choice("handler", 2, "Parler à un gestionnaire", "TransferPureMatchAction",
                 speech("gestionnaire"), default=True,
                 paths=[{"label": "Failure", "outputId": "__FAILURE__"}],
                 **transfer_acd([queue_lit("habitation")], [skill_lit("home")], "fr"))
    track.choice("severe", 3, "Sinistre grave", "TransferPureMatchAction",
                 speech("grave", "incendie"),
                 paths=[{"label": "Failure", "outputId": "__FAILURE__"}],
                 **transfer_acd([queue_lit("long")], [skill_lit("home")], "fr", 8))
    track.choice("back", "*", "Menu précédent", "TransferMenuAction", speech("retour"),
                 menuReference=main.id, menuName=main.name)

    claims.act("ident", "CallTaskAction", "Identification", taskReference=ident.id,
               taskName=ident.name, inputs=[], outputs=[],
               paths=[("Default", "__DEFAULT__", "kind"),
                      ("Non identifié", d.uid("output", "unknown"), "dynamic")])
    claims.act("kind", "SwitchAction", "Type de sinistre", switchStyle=0, version="1.0",
               expression={"text": "", "type": "any", "version": 2},
               cases=[{"name": "Auto", "referenceId": d.uid("case", "auto"),
                       "value": value(Op("==", ctype, Lit("auto")))},
                      {"name": "Habitation", "referenceId": d.uid("case", "home"),
                       "value": value(Op("==", ctype, Lit("habitation")))},
                      {"name": "Fraude", "referenceId": d.uid("case", "fraud"),
                       "value": value(Op("==", ctype, Lit("fraude")))}],
               paths=[("Auto", d.uid("case", "auto"), "auto"),
                      ("Habitation", d.uid("case", "home"), "home"),
                      ("Fraude", d.uid("case", "fraud"), "fraud"),
                      ("Default", "__DEFAULT__", "dynamic")])
    claims.act("auto", "TransferPureMatchAction", "Vers Sinistres Auto",
               paths=[("Failure", "__FAILURE__", "failed")],
               **transfer_acd([queue_lit("claims_fr")],
                              [skill_lit("sinistres_auto"), skill_lit("motor")], "fr", 5))
    claims.act("home", "TransferPureMatchAction", "Vers Habitation",
               paths=[("Failure", "__FAILURE__", "failed")],
               **transfer_acd([queue_lit("habitation")], [skill_lit("home")], "fr"))
    claims.act("fraud", "TransferPureMatchAction", "Vers Fraude",
               paths=[("Failure", "__FAILURE__", "failed")],
               **transfer_acd([queue_lit("fraud")], [skill_lit("fraud")], "fr", 3))
    dyn_queue = Call("FindQueue", [Call("Append", [Lit("Claims "), country], "str")], "que")
    claims.act("dynamic", "TransferPureMatchAction", "File selon le pays",
               paths=[("Failure", "__FAILURE__", "failed")],
               **transfer_acd([value(dyn_queue)], [skill_lit("claims_fr")], "fr"))
    claims.act("failed", "PlayAudioAction", "Échec du transfert", nxt="end",
               prompts=audio(tts("Aucun conseiller n'est disponible. Au revoir.")))
    claims.act("end", "DisconnectAction", "Fin")

    unknown = d.uid("output", "unknown")
    ident.paths = [{"label": "Default", "outputId": "__DEFAULT__"},
                   {"label": "Non identifié", "outputId": unknown}]
    ident.act("collect", "CollectInputAction", "Numéro de police",
              paths=[("Success", "__SUCCESS__", "lookup"), ("Failure", "__FAILURE__", "nobody")],
              prompts=audio(user_prompt("EnterPolicy_FR")), resultData=value(policy),
              numberOfDigitsMin=lit("8", "int"), numberOfDigitsMax=lit("10", "int"),
              interDigitTimeout=lit(dur(3), "dur"), noEntryTimeout=lit(dur(8), "dur"),
              verification=False, verificationPrompts=audio(tts("")),
              includeTerminatingDtmfInResultData=false(), acceptJustStar=false(),
              acceptJustPound=false())
    ident.act("lookup", "CallCommonModuleAction", "Rechercher la police", nxt="found",
              **to_flow("common"), flowLatestVersion=True,
              inputs=[{"name": "Common.PolicyNumber", "value": value(policy)},
                      {"name": "Common.Ani", "value": value(ANI)}],
              outputs=[{"name": "Common.PolicyFound", "value": value(found)},
                       {"name": "Common.ClaimType", "value": value(ctype)},
                       {"name": "Common.CountryCode", "value": value(country)}],
              paths=[])
    ident.act("found", "DecisionAction", "Police trouvée ?", expression=value(found),
              paths=[("Yes", "__YES__", "attrs"), ("No", "__NO__", "nobody")])
    ident.act("attrs", "SetAttributesAction", "Enregistrer attributs", nxt="done",
              variables=[assign(Lit("policyNumber"), policy),
                         assign(Lit("claimType"), ctype)])
    ident.act("done", "EndTaskAction", "Fin identification", **end_task())
    ident.act("nobody", "EndTaskAction", "Non identifié", **end_task(unknown, "Non identifié"))

    status.act("get", "DataAction", "Statut du sinistre",
               paths=data_paths("text", "sorry"),
               **data_action_fields("claim_status", [("policyNumber", policy)],
                                    [("status", cstatus)]))
    status.act("text", "UpdateVariableAction", "Message statut", nxt="sms",
               variables=[assign(text, Call("Append", [Lit("Statut : "), cstatus], "str"))])
    status.act("sms", "DataAction", "Envoyer SMS", paths=data_paths("sent", "sorry"),
               **data_action_fields("sms", [("toAddress", ANI), ("textBody", text)],
                                    [("conversationId", d.var("Flow.SmsConversationId"))]))
    status.act("sent", "PlayAudioAction", "SMS envoyé", nxt="back",
               prompts=audio(tts("Un SMS vous a été envoyé.")))
    status.act("back", "TransferMenuAction", "Retour au menu", menuReference=main.id,
               menuName=main.name)
    status.act("sorry", "PlayAudioAction", "Service indisponible", nxt="to_claims",
               prompts=audio(tts("Le service de suivi est indisponible.")))
    status.act("to_claims", "TransferTaskAction", "Vers Sinistres", taskReference=claims.id,
               taskName=claims.name, inputs=[])

    to_de.act("go", "TransferFlowAction", "Vers Hauptmenü DE", **to_flow("de_main"))
    return d.document("start")


def flow_de_main():
    d = Doc("de_main")
    start = d.container("Task", "start", "Begrüßung")
    main = d.menu("main", "Hauptmenü",
                  audio(tts("Kfz-Schaden: 1. Lebensversicherung: 2. Schaden Motor: 3. "
                            "Pour le français, tapez 5.")))
    to_fr = d.container("Task", "to_fr", "Sprachwechsel FR")
    end = d.container("Task", "end", "end")
    start.act("welcome", "PlayAudioAction", "Begrüßung", nxt="hours",
              prompts=audio(user_prompt("Welcome_DE")))
    start.act("hours", "EvaluateScheduleGroupAction", "Öffnungszeiten prüfen", nxt="menu",
              paths=sg_paths("closed", "holiday", "storm"), **schedule_group_fields("de"))
    start.act("menu", "TransferMenuAction", "Zum Hauptmenü", menuReference=main.id,
              menuName=main.name)
    start.act("closed", "TransferFlowAction", "Geschlossen", **to_flow("closed"))
    start.act("holiday", "TransferFlowAction", "Feiertag", **to_flow("holiday"))
    start.act("storm", "TransferFlowAction", "Sturm", **to_flow("emergency"))
    speech = lambda *terms: {"de-DE": list(terms)}  # noqa: E731
    fail = [{"label": "Failure", "outputId": "__FAILURE__"}]
    main.choice("kfz", 1, "Kfz-Schaden melden", "TransferPureMatchAction",
                speech("kfz", "auto", "unfall"), default=True, paths=fail,
                **transfer_acd([queue_lit("kfz")], [skill_lit("kfz")], "de"))
    main.choice("leben", 2, "Lebensversicherung", "TransferPureMatchAction", speech("leben"),
                paths=fail, **transfer_acd([queue_lit("leben")], [skill_lit("life"), skill_lit("con")],
                                           "de"))
    main.choice("motor", 3, "Schaden [Motor]", "TransferPureMatchAction", speech("motor"),
                paths=fail, **transfer_acd([queue_lit("motor_de")], [skill_lit("motor")], "de"))
    main.choice("francais", 5, "Français", "TaskAction",
                {"de-DE": ["französisch"], "fr-FR": ["français"]}, taskReference=to_fr.id)
    main.choice("bye", 8, "Auf Wiederhören", "TaskAction", speech("tschüss"),
                taskReference=end.id)
    main.choice("user", "#", "Teamleitung", "TransferToUserAction", speech("teamleitung"),
                user=value(Res("Jürgen Weiß", U("user", "Jürgen Weiß"), "usr")), paths=fail)
    to_fr.act("go", "TransferFlowAction", "Zum Accueil Principal FR", **to_flow("fr_main"))
    end.act("play", "PlayAudioAction", "Verabschiedung", nxt="hangup",
            prompts=audio(tts("Auf Wiederhören.")))
    end.act("hangup", "DisconnectAction", "Auflegen")
    return d.document("start")


def flow_jp_main():
    d = Doc("jp_main")
    start = d.container("Task", "start", "受付")
    main = d.menu("main", "メインメニュー",
                  audio(tts("自動車事故は1を、その他のお問い合わせは2を押してください。")))
    start.act("welcome", "PlayAudioAction", "ようこそ", nxt="hours",
              prompts=audio(user_prompt("Welcome_JP")))
    start.act("hours", "EvaluateScheduleGroupAction", "営業時間の確認", nxt="menu",
              paths=sg_paths("closed", "closed", "hangup"), **schedule_group_fields("jp"))
    start.act("menu", "TransferMenuAction", "メインメニューへ", menuReference=main.id,
              menuName=main.name)
    start.act("closed", "TransferFlowAction", "営業時間外", **to_flow("closed"))
    start.act("hangup", "DisconnectAction", "切断")
    fail = [{"label": "Failure", "outputId": "__FAILURE__"}]
    main.choice("car", 1, "自動車事故", "TransferPureMatchAction",
                {"ja-JP": ["じこ", "事故", "自動車"]}, paths=fail,
                **transfer_acd([queue_lit("jidosha")], [skill_lit("jidosha")], "ja"))
    main.choice("other", 2, "その他のお問い合わせ", "TransferPureMatchAction",
                {"ja-JP": ["その他"]}, default=True, paths=fail,
                **transfer_acd([queue_lit("support_jp")], [], "ja"))
    main.choice("english", 3, "English", "TransferPureMatchAction", {"ja-JP": ["えいご"]},
                paths=fail, **transfer_acd([queue_lit("leading")], [skill_lit("tilde")], "en"))
    main.choice("again", 9, "もう一度", "TransferMenuAction", {"ja-JP": ["もう一度"]},
                menuReference=main.id, menuName=main.name)
    return d.document("start")


def flow_ennl_main():
    d = Doc("ennl_main")
    start = d.container("Task", "start", "Start")
    main = d.menu("main", "Main Menu", audio(user_prompt("MainMenu_EN")))
    claims = d.container("Task", "claims", "Claims EN")
    pay = d.container("Task", "pay", "Payment")
    lang = d.var("Flow.Lang")
    found = d.var("Flow.PolicyFound", "bln")
    dnis = sysref("Call.CalledAddressOriginal", "str")
    start.act("which", "SwitchAction", "Language by number", nxt="hours", switchStyle=0,
              version="1.0", expression={"text": "", "type": "any", "version": 2},
              cases=[{"name": "Dutch number", "referenceId": d.uid("case", "nl"),
                      "value": value(Call("StartsWith", [dnis, Lit("tel:+31")], "bln"))}],
              paths=[("Dutch number", d.uid("case", "nl"), "nl"),
                     ("Default", "__DEFAULT__", "en")])
    start.act("nl", "UpdateVariableAction", "Dutch", variables=[assign(lang, Lit("nl"))])
    start.act("en", "UpdateVariableAction", "English", variables=[assign(lang, Lit("en"))])
    start.act("hours", "EvaluateScheduleGroupAction", "Benelux & UK hours", nxt="menu",
              paths=sg_paths("closed", "holiday", "closed"), **schedule_group_fields("bnl"))
    start.act("menu", "TransferMenuAction", "To main menu", menuReference=main.id,
              menuName=main.name)
    start.act("closed", "TransferFlowAction", "Closed", **to_flow("closed"))
    start.act("holiday", "TransferFlowAction", "Holiday", **to_flow("holiday"))
    fail = [{"label": "Failure", "outputId": "__FAILURE__"}]
    both = lambda en, nl: {"en-US": en, "nl-NL": nl}  # noqa: E731
    main.choice("claims", 1, "Claims", "TaskAction", both(["claim", "accident"],
                                                           ["schade", "ongeluk"]),
                taskReference=claims.id)
    main.choice("billing", 2, "Billing", "TransferPureMatchAction",
                both(["billing", "invoice"], ["factuur"]), paths=fail,
                **transfer_acd([queue_lit("billing")], [skill_lit("billing")], "en"))
    main.choice("sales", 3, "Sales", "TransferPureMatchAction", both(["sales"], ["verkoop"]),
                paths=fail, **transfer_acd([queue_lit("sales")], [skill_lit("ab")], "en"))
    main.choice("partners", 5, "Partners", "TransferPureMatchAction",
                both(["partner"], ["partner"]), paths=fail,
                **transfer_acd([queue_lit("one_ten")], [], "en"))
    main.choice("dutch", 4, "Dutch desk", "TransferPureMatchAction",
                both(["dutch"], ["nederlands"]), paths=fail,
                **transfer_acd([queue_lit("algemeen_nl")], [], "nl"))
    main.choice("travel", 6, "Travel", "TransferPureMatchAction", both(["travel"], ["reis"]),
                paths=fail, **transfer_acd([queue_lit("travel")], [skill_lit("travel")], "en"))
    main.choice("contents", 7, "Home/Contents", "TransferPureMatchAction",
                both(["home"], ["inboedel"]), paths=fail,
                **transfer_acd([queue_lit("home_contents")], [skill_lit("home")], "en"))
    main.choice("operator", 0, "Operator", "TransferPureMatchAction",
                both(["operator"], ["medewerker"]), default=True, paths=fail,
                **transfer_acd([queue_lit("general_en")], [], "en"))
    main.choice("pay", "#", "Pay now", "TaskAction", both(["pay"], ["betalen"]),
                taskReference=pay.id)
    claims.act("lookup", "CallCommonModuleAction", "Policy lookup", nxt="found",
               **to_flow("common"), flowLatestVersion=True,
               inputs=[{"name": "Common.Ani", "value": value(ANI)}],
               outputs=[{"name": "Common.PolicyFound", "value": value(found)}], paths=[])
    claims.act("found", "DecisionAction", "Known policy?", expression=value(found),
               paths=[("Yes", "__YES__", "known"), ("No", "__NO__", "overflow")])
    claims.act("known", "TransferPureMatchAction", "To Claims Support Ltd.",
               paths=[("Failure", "__FAILURE__", "hangup")],
               **transfer_acd([queue_lit("ltd")], [skill_lit("motor"), skill_lit("home")], "en"))
    claims.act("overflow", "TransferPureMatchAction", "To overflow",
               paths=[("Failure", "__FAILURE__", "hangup")],
               **transfer_acd([queue_lit("overflow")], [], "en"))
    claims.act("hangup", "DisconnectAction", "Disconnect")
    pay.act("go", "TransferFlowAction", "To secure payment", **to_flow("secure"))
    return d.document("start")


def flow_closed():
    d = Doc("closed")
    t = d.container("Task", "start", "Fermé / Closed")
    t.act("play", "PlayAudioAction", "Closed message", nxt="anon",
          prompts=audio(user_prompt("ClosedHours")))
    t.act("anon", "DecisionAction", "Anonymous caller?",
          expression=value(Call("IsNotSetOrEmpty", [ANI], "bln")),
          paths=[("Yes", "__YES__", "bye"), ("No", "__NO__", "vm")])
    t.act("vm", "TransferToVoicemailAction", "Voicemail General Enquiries",
          voicemailType="Queue", queue=queue_lit("general_en"), callbackNumber=value(ANI),
          paths=[("Failure", "__FAILURE__", "bye")])
    t.act("bye", "DisconnectAction", "Disconnect")
    return d.document("start")


def flow_holiday():
    d = Doc("holiday")
    t = d.container("Task", "start", "Holiday")
    t.act("play", "PlayAudioAction", "Holiday message", nxt="bye",
          prompts=audio(user_prompt("Holiday"), tts("Merci, au revoir.")))
    t.act("bye", "DisconnectAction", "Disconnect")
    return d.document("start")


def flow_emergency():
    d = Doc("emergency")
    t = d.container("Task", "start", "Storm")
    t.act("play", "PlayAudioAction", "Storm notice", nxt="line",
          prompts=audio(user_prompt("EmergencyNotice")))
    t.act("line", "TransferPureMatchAction", "To Emergency Line",
          paths=[("Failure", "__FAILURE__", "bye")],
          **transfer_acd([queue_lit("emergency")], [skill_lit("home"), skill_lit("health")],
                         "fr", 20))
    t.act("bye", "DisconnectAction", "Disconnect")
    return d.document("start")


def flow_claims_call():
    d = Doc("claims_call")
    t = d.container("Task", "start", "Sinistres directs")
    t.act("intro", "PlayAudioAction", "Annonce sinistres", nxt="pop",
          prompts=audio(user_prompt("ClaimsIntro")))
    t.act("pop", "ScreenPopAction", "Fiche sinistre", nxt="to_queue",
          screenPopId=U("script", "Claims Screen Pop"), screenPopName="Claims Screen Pop",
          inputs=[{"name": "Caller", "referenceId": d.uid("input", "caller"),
                   "value": value(ANI)}])
    t.act("to_queue", "TransferPureMatchAction", "Vers Claims FR",
          paths=[("Failure", "__FAILURE__", "bye")],
          **transfer_acd([queue_lit("claims_fr")], [skill_lit("claims_fr")], "fr"))
    t.act("bye", "DisconnectAction", "Raccrocher")
    return d.document("start")


def flow_claims_msg():
    d = Doc("claims_msg")
    hello = d.container("State", "hello", "Accueil")
    handoff = d.container("State", "handoff", "Transfert")
    reason = d.var("Flow.BotExitReason")
    ctype = d.var("Flow.ClaimType")
    body = Ref("Message.Message.body", "__MESSAGE_MESSAGE__", "str", system=True)
    hello.act("hi", "SendResponseAction", "Bonjour", nxt="bot",
              messageBodyStyle=lit("standard"),
              messageBody=lit("Bonjour ! Décrivez votre sinistre en quelques mots."))
    hello.act("bot", "CallBotFlowAction", "Bot de déclaration", nxt="why", **to_flow("bot"),
              flowLatestVersion=True, flowDebugPublished=False, inputText=value(body),
              intent=empty("str"), exitReason=value(reason), inputs=[],
              outputs=[{"name": "Flow.ClaimType", "value": value(ctype)}], paths=[])
    hello.act("why", "DecisionAction", "Demande un conseiller ?",
              expression=value(Op("==", reason, Lit("agent"))),
              paths=[("Yes", "__YES__", "change"), ("No", "__NO__", "thanks")])
    hello.act("change", "ChangeStateAction", "Vers Transfert", stateReference=handoff.id,
              stateName=handoff.name)
    hello.act("thanks", "SendResponseAction", "Merci", nxt="end",
              messageBodyStyle=lit("standard"), messageBody=lit("Merci, à bientôt."))
    hello.act("end", "DisconnectAction", "Terminer")
    handoff.act("attrs", "SetAttributesAction", "Type de sinistre", nxt="acd",
                variables=[assign(Lit("claimType"), ctype)])
    handoff.act("acd", "TransferPureMatchAction", "Vers Claims FR",
                paths=[("Failure", "__FAILURE__", "care")],
                **transfer_acd([queue_lit("claims_fr")], [skill_lit("claims_fr")], "fr"))
    handoff.act("care", "TransferPureMatchAction", "Vers Customer Care",
                paths=[("Failure", "__FAILURE__", "none")],
                **transfer_acd([queue_lit("care")], [], "fr"))
    handoff.act("none", "SendResponseAction", "Personne", nxt="end",
                messageBodyStyle=lit("standard"), messageBody=lit("Aucun conseiller."))
    handoff.act("end", "DisconnectAction", "Terminer")
    return d.document("hello")


def flow_inq_std():
    d = Doc("inq_std")
    loop = d.container("LoopTask", "loop", "Boucle d'attente")
    loop.paths = [{"label": "Default", "outputId": "__DEFAULT__"}]
    rounds = d.var("Flow.Rounds", "int")
    ewt = sysref("Call.EstimatedWaitTime", "dur")
    loop.act("ewt", "PlayEstimatedWaitTimeAction", "Temps d'attente", nxt="hold",
             estimatedWaitTime=value(ewt), playbackMode="About",
             roundingInterval=lit(dur(300), "dur"), specificRoundingIntervals=[],
             prompts=audio(system_prompt("estimated_wait_time_about")))
    loop.act("hold", "HoldMusicAction", "Musique d'attente", nxt="count",
             prompt=value(sysref("Flow.HoldPrompt", "pmt")), duration=lit(dur(45), "dur"),
             playForDuration=False, bargeInExpression=false())
    loop.act("count", "UpdateVariableAction", "Compter", nxt="long",
             variables=[assign(rounds, Op("+", rounds, Lit("1", "int"), "int"))])
    loop.act("long", "DecisionAction", "Plus de 3 tours ?",
             expression=value(Op(">", rounds, Lit("3", "int"))),
             paths=[("Yes", "__YES__", "patience"), ("No", "__NO__")])
    loop.act("patience", "PlayAudioAction", "Merci de patienter",
             prompts=audio(tts("Merci de votre patience, un conseiller va vous répondre.")))
    d.extra["inQueueCallFlowSettings"] = {
        "holdMusic": value(Res("on_hold_music", "__on_hold_music__", "pmt"))}
    return d.document("loop")


def flow_inq_vip():
    d = Doc("inq_vip")
    loop = d.container("LoopTask", "loop", "VIP Loop")
    loop.paths = [{"label": "Default", "outputId": "__DEFAULT__"}]
    idx = d.var("Flow.Index", "int")
    ewt = sysref("Call.EstimatedWaitTime", "dur")
    loop.act("hello", "PlayAudioAction", "VIP greeting", nxt="three",
             prompts=audio(tts("Merci, client privilège.")))
    loop.act("three", "LoopAction", "Three rounds", nxt="escalate", currentIndex=value(idx),
             loopCount=lit("3", "int"),
             path={"label": "Loop", "outputId": "__LOOP__", "nextActionId": loop.aid("soon")})
    loop.act("soon", "DecisionAction", "Agent soon?", nxt="hold",
             expression=value(Op("<", ewt, Call("MakeDuration", [Lit("0", "int"),
                                                                 Lit("0", "int"),
                                                                 Lit("1", "int"),
                                                                 Lit("0", "int")], "dur"))),
             paths=[("Yes", "__YES__", "exit"), ("No", "__NO__")])
    loop.act("exit", "ExitLoopAction", "Stop looping")
    loop.act("hold", "HoldMusicAction", "VIP hold", prompt=value(sysref("Flow.HoldPrompt", "pmt")),
             duration=lit(dur(20), "dur"), playForDuration=False, bargeInExpression=false())
    loop.act("escalate", "TransferPureMatchAction", "To escalations",
             paths=[("Failure", "__FAILURE__")],
             **transfer_acd([queue_lit("escalations")], [skill_lit("vip")], None, 50))
    p = PROMPTS["HoldMusic_Veloria"]
    d.extra["inQueueCallFlowSettings"] = {"holdMusic": value(Res(p["name"], p["id"], "pmt"))}
    return d.document("loop")


def flow_chat():
    d = Doc("chat")
    s = d.container("State", "start", "Chat welcome")
    off = d.container("State", "offline", "Offline")
    vip = d.var("Flow.IsVip", "bln")
    skill_name = d.var("Flow.SkillName")
    email = Ref("Chat.Guest.email", "__CHAT_GUEST__", "str", system=True)
    s.act("crm", "DataAction", "Lookup Customer [CRM]", paths=data_paths("vip", "general"),
          **data_action_fields("crm", [("email", email)],
                               [("isVip", vip), ("skillName", skill_name)]))
    s.act("vip", "DecisionAction", "VIP?", expression=value(vip),
          paths=[("Yes", "__YES__", "to_vip"), ("No", "__NO__", "general")])
    s.act("to_vip", "TransferPureMatchAction", "To Vip Desk",
          paths=[("Failure", "__FAILURE__", "off")],
          **transfer_acd([queue_lit("vip_lower")], [skill_lit("vip")], "en"))
    dyn = {"skill": value(Call("FindSkill", [skill_name], "skl")), "value": empty("int")}
    s.act("general", "TransferPureMatchAction", "To Web Chat EN",
          paths=[("Failure", "__FAILURE__", "off")],
          **transfer_acd([queue_lit("webchat")], [skill_lit("claims_fr"), dyn], "en"))
    s.act("off", "ChangeStateAction", "Go offline", stateReference=off.id, stateName=off.name)
    off.act("say", "SendResponseAction", "Offline message", nxt="bye",
            messageBodyStyle=lit("standard"),
            messageBody=lit("All advisers are busy. Please try again later."))
    off.act("bye", "DisconnectAction", "Disconnect")
    return d.document("start")


def flow_common():
    d = Doc("common")
    t = d.container("CommonModuleTask", "start", "Policy Lookup")
    t.paths = [{"label": "Default", "outputId": "__DEFAULT__"}]
    policy = d.var("Common.PolicyNumber", inp=True)
    ani = d.var("Common.Ani", inp=True)
    found = d.var("Common.PolicyFound", "bln", out=True)
    ctype = d.var("Common.ClaimType", out=True)
    country = d.var("Common.CountryCode", out=True)
    branch = d.var("Common.Branch", out=True)
    t.act("api", "DataAction", "Get Policy By Phone", paths=data_paths("branch", "missing"),
          **data_action_fields("policy", [("phoneNumber", ani), ("policyNumber", policy)],
                               [("found", found), ("claimType", ctype),
                                ("countryCode", country)]))
    t.act("branch", "DataTableLookupAction", "Branch for country",
          paths=[("Found", "__FOUND__", "yes"), ("Not Found", "__NOT_FOUND__", "yes"),
                 ("Failure", "__FAILURE__", "yes")],
          datatableId=DATATABLES["branch"]["id"], datatableName=DATATABLES["branch"]["name"],
          lookupKeyValue=value(country),
          outputs=[{"name": "branch", "value": value(branch)}], errorBindings=[])
    t.act("yes", "EndTaskAction", "Done", **end_task())
    t.act("missing", "UpdateVariableAction", "Not found", nxt="no",
          variables=[assign(found, Lit("false", "bln"))])
    t.act("no", "EndTaskAction", "Done (not found)", **end_task())
    return d.document("start")


def flow_bot():
    d = Doc("bot")
    s = d.container("BotState", "start", "Déclaration")
    ctype = d.var("Flow.ClaimType", out=True)
    claim = d.var("Flow.ClaimId", out=True)
    com = lambda text: value(Call("MakeCommunication", [Lit(text)], "com"))  # noqa: E731
    s.act("hi", "CommunicateAction", "Bienvenue", nxt="car",
          communication=com("Je vais ouvrir votre dossier."))
    s.act("car", "AskForBooleanAction", "Accident de voiture ?", nxt="draft",
          question=com("S'agit-il d'un accident de voiture ?"), noInputs={}, noMatches={},
          voiceEndOfInputTimeout=empty("dur"),
          paths=[("Yes", "__YES__", "auto"), ("No", "__NO__", "home"),
                 ("No Input", "__NO_INPUT__", "bye")])
    s.act("auto", "UpdateVariableAction", "Auto", variables=[assign(ctype, Lit("auto"))])
    s.act("home", "UpdateVariableAction", "Habitation",
          variables=[assign(ctype, Lit("habitation"))])
    s.act("draft", "DataAction", "Create Claim Draft", paths=data_paths("done", "bye"),
          **data_action_fields("draft", [("claimType", ctype)], [("claimId", claim)]))
    s.act("done", "CommunicateAction", "Dossier ouvert", nxt="bye",
          communication=com("Votre dossier est ouvert."))
    s.act("bye", "ExitBotFlowAction", "Exit Bot Flow")
    d.extra["botFlowSettings"] = {}
    return d.document("start")


def flow_wf():
    d = Doc("wf")
    s = d.container("State", "start", "Nightly run")
    ids = d.var("Flow.ClaimIds", "str_coll")
    idx = d.var("Flow.Index", "int")
    s.act("open", "DataAction", "Get Open Claims", paths=data_paths("each", "failed"),
          **data_action_fields("open_claims", [("since", Lit("P1D"))], [("claimIds", ids)]))
    s.act("each", "LoopAction", "Each claim", nxt="done", currentIndex=value(idx),
          loopCount=value(Call("Count", [ids], "int")),
          path={"label": "Loop", "outputId": "__LOOP__", "nextActionId": s.aid("callback")})
    s.act("callback", "DataAction", "Create Callback",
          paths=[("Success", "__SUCCESS__"), ("Failure", "__FAILURE__", "stop"),
                 ("Timeout", "__TIMEOUT__", "stop")],
          **data_action_fields("callback", [("queueId", Lit(QUEUES["renewals"]["id"])),
                                            ("phoneNumber", Lit("+33199000150"))],
                               [("conversationId", d.var("Flow.CallbackId"))]))
    s.act("stop", "ExitLoopAction", "Stop")
    s.act("done", "EndWorkflowAction", "End Workflow", exitReason=empty("str"))
    s.act("failed", "EndWorkflowAction", "Lookup failed", exitReason=lit("lookup failed"))
    return d.document("start")


def flow_outbound():
    d = Doc("outbound")
    t = d.container("Task", "start", "Rappel")
    machine = d.var("Flow.AnsweringMachine", "bln", inp=True)
    digit = d.var("Flow.Digit")
    t.act("machine", "DecisionAction", "Répondeur ?", expression=value(machine),
          paths=[("Yes", "__YES__", "wrap"), ("No", "__NO__", "remind")])
    t.act("wrap", "SetWrapupCodeAction", "Code : message laissé", nxt="message",
          wrapupCode=value(Res(WRAPS["voicemail"]["name"], WRAPS["voicemail"]["id"], "wrc")))
    t.act("message", "PlayAudioAction", "Message répondeur", nxt="bye",
          prompts=audio(tts("Votre contrat arrive à échéance, rappelez-nous.")))
    t.act("remind", "CollectInputAction", "Tapez 1",
          paths=[("Success", "__SUCCESS__", "acd"), ("Failure", "__FAILURE__", "bye")],
          prompts=audio(user_prompt("RenewalReminder")), resultData=value(digit),
          numberOfDigitsMin=lit("1", "int"), numberOfDigitsMax=lit("1", "int"),
          interDigitTimeout=empty("dur"), noEntryTimeout=lit(dur(10), "dur"),
          verification=False, verificationPrompts=audio(tts("")),
          includeTerminatingDtmfInResultData=false(), acceptJustStar=false(),
          acceptJustPound=false())
    t.act("acd", "TransferPureMatchAction", "Vers Renouvellements",
          paths=[("Failure", "__FAILURE__", "bye")],
          **transfer_acd([queue_lit("renewals")], [skill_lit("renewals")], "fr"))
    t.act("bye", "DisconnectAction", "Raccrocher")
    w = WRAPS["no_answer"]
    d.extra["outboundCallSettings"] = {
        "contactList": value(Res("Renouvellements 2027", U("contactlist", "Renouvellements 2027"),
                                 "cnl")),
        "defaultWrapupCode": value(Res(w["name"], w["id"], "wrc"))}
    return d.document("start")


def flow_email():
    d = Doc("email")
    s = d.container("State", "start", "Tri des e-mails")
    subject = Ref("Email.Message.subject", "__EMAIL_MESSAGE__", "str", system=True)
    s.act("urgent", "DecisionAction", "URGENT dans l'objet ?",
          expression=value(Call("Contains", [subject, Lit("URGENT")], "bln")),
          paths=[("Yes", "__YES__", "fast"), ("No", "__NO__", "normal")])
    s.act("fast", "TransferPureMatchAction", "Prioritaire",
          paths=[("Failure", "__FAILURE__", "end")],
          **transfer_acd([queue_lit("email_docs")], [skill_lit("claims_fr"), skill_lit("fraud"),
                                                     skill_lit("null")], "fr", 10))
    s.act("normal", "TransferPureMatchAction", "Normal",
          paths=[("Failure", "__FAILURE__", "end")],
          **transfer_acd([queue_lit("email_docs")], [skill_lit("claims_fr")], "fr"))
    s.act("end", "DisconnectAction", "Terminer")
    return d.document("start")


def flow_survey():
    d = Doc("survey")
    s = d.container("State", "start", "Invitation")
    address = Ref("Survey.CustomerEmail", "__SURVEY_CUSTOMER_EMAIL__", "str", system=True)
    url = Ref("Survey.Url", "__SURVEY_URL__", "str", system=True)
    s.act("has", "DecisionAction", "E-mail known?",
          expression=value(Call("IsSet", [address], "bln")),
          paths=[("Yes", "__YES__", "send"), ("No", "__NO__", "abort")])
    s.act("send", "CompleteSurveyInviteAction", "Send invite", targetAddressType="Email",
          targetAddress=value(address), inviteSubject=lit("How did we do?"),
          inviteBody=value(Call("Append", [Lit("Please rate your call: "), url], "str")),
          reminderSubject=lit("Reminder: how did we do?"), reminderBody=empty("str"))
    s.act("abort", "AbortSurveyInviteAction", "No address")
    return d.document("start")


def flow_secure():
    d = Doc("secure")
    t = d.container("Task", "start", "Paiement")
    card = d.var("Flow.CardNumber", secure=True)
    ok = d.var("Flow.Approved", "bln")
    t.act("card", "CollectInputAction", "Numéro de carte",
          paths=[("Success", "__SUCCESS__", "auth"), ("Failure", "__FAILURE__", "refused")],
          prompts=audio(tts("Saisissez votre numéro de carte, suivi de dièse.")),
          resultData=value(card), numberOfDigitsMin=lit("15", "int"),
          numberOfDigitsMax=lit("19", "int"), interDigitTimeout=lit(dur(5), "dur"),
          noEntryTimeout=lit(dur(15), "dur"), verification=False,
          verificationPrompts=audio(tts("")), includeTerminatingDtmfInResultData=false(),
          acceptJustStar=false(), acceptJustPound=false())
    t.act("auth", "DataAction", "Authorize Payment", paths=data_paths("check", "refused"),
          **data_action_fields("pay", [("cardNumber", card), ("amount", Lit("0", "int"))],
                               [("approved", ok)]))
    t.act("check", "DecisionAction", "Approved?", expression=value(ok),
          paths=[("Yes", "__YES__", "thanks"), ("No", "__NO__", "refused")])
    t.act("thanks", "PlayAudioAction", "Paiement accepté", nxt="end",
          prompts=audio(tts("Paiement accepté.")))
    t.act("refused", "PlayAudioAction", "Paiement refusé", nxt="agent",
          prompts=audio(tts("Paiement refusé.")))
    t.act("agent", "TransferPureMatchAction", "Vers Secure Payments",
          paths=[("Failure", "__FAILURE__", "end")],
          **transfer_acd([queue_lit("secure_pay")], [skill_lit("billing")], "fr"))
    t.act("end", "DisconnectAction", "Return to caller")
    return d.document("start")


FLOW_BUILDERS = {
    "fr_main": flow_fr_main, "de_main": flow_de_main, "jp_main": flow_jp_main,
    "ennl_main": flow_ennl_main, "closed": flow_closed, "holiday": flow_holiday,
    "emergency": flow_emergency, "claims_call": flow_claims_call,
    "claims_msg": flow_claims_msg, "inq_std": flow_inq_std, "inq_vip": flow_inq_vip,
    "chat": flow_chat, "common": flow_common, "bot": flow_bot, "wf": flow_wf,
    "outbound": flow_outbound, "email": flow_email, "survey": flow_survey,
    "secure": flow_secure,
}


# --------------------------------------------------------------------------------------
# Flow entities (GET /api/v2/flows)
# --------------------------------------------------------------------------------------

EPOCH_BASE_MS = 1762940700000  # 2025-11-12T09:45:00Z


def version_of(key, index):
    f = FLOWS[key]
    v = f["version"]
    created = EPOCH_BASE_MS + index * 86400000 * 11
    published = f"2026-{1 + index % 11:02d}-{3 + index:02d}T10:{index:02d}:00.000Z"
    return {"id": v, "name": v, "commitVersion": f"{v}-{index + 1}",
            "configurationVersion": "1.0", "type": "PUBLISH", "secure": f["type"] == "SECURECALL",
            "debug": False, "createdBy": ref(USERS, EDITOR),
            "configurationUri": f"{FLOW_URI}/{f['id']}/versions/{v}/configuration",
            "dateCreated": created, "dateCheckedIn": created + 3600000,
            "datePublished": published,
            "selfUri": f"{FLOW_URI}/{f['id']}/versions/{v}"}


def flow_entity(key, index):
    f = FLOWS[key]
    e = {"id": f["id"], "name": f["name"], "description": f["description"],
         "division": f["division"], "type": f["type"], "active": f["version"] is not None,
         "system": False, "deleted": False, "virtualAgentEnabled": False,
         "supportedLanguages": [{"language": lang.lower(), "isDefault": i == 0}
                                for i, lang in enumerate(f["languages"])],
         "selfUri": f"{FLOW_URI}/{f['id']}"}
    if f["version"] is None:
        e["savedVersion"] = {"id": "1.0", "name": "1.0", "type": "SAVE", "secure": False,
                             "debug": False, "createdBy": ref(USERS, EDITOR),
                             "dateCreated": EPOCH_BASE_MS, "dateSaved": EPOCH_BASE_MS + 60000,
                             "selfUri": f"{FLOW_URI}/{f['id']}/versions/1.0"}
        e["lockedUser"] = {"id": EDITOR, "name": "Élodie Martin", "selfUri": f"{USERS}/{EDITOR}"}
        e["currentOperation"] = {"id": U("operation", key), "complete": True,
                                 "actionName": "SAVE", "actionStatus": "SUCCESS"}
        return e
    e["publishedVersion"] = version_of(key, index)
    e["checkedInVersion"] = version_of(key, index)
    e["publishedBy"] = {"id": EDITOR, "name": "Élodie Martin", "selfUri": f"{USERS}/{EDITOR}"}
    if f["type"] == "COMMONMODULE":
        e["compatibleFlowTypes"] = ["INBOUNDCALL"]
    return e


# --------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------

README = """# Sample org: Veloria Assurance (fictional)

A raw gcdocs snapshot (the folder layout of docs/internals.md, section 1) of a
contact centre that does not exist: Veloria Assurance, a multilingual insurer
with French, German, Japanese, English and Dutch lines. `gcdocs demo` reads it
through the same snapshot replay the live extraction uses.

Everything here is invented. The JSON shapes follow the Genesys Cloud Platform
API and Architect's flow-document format; no name, text or id comes from a real
organization or a real flow. Phone numbers use fictional or reserved ranges.

The data is hostile on purpose: names with quotes, brackets, pipes, `#`,
slashes, colons, HTML, emoji, French, German and Japanese text, names that
differ only in case, one name shared by a queue, a skill and two flows, a
near-300-character name, `end`, `CON`, `NO`, `null`, `~`, `yes`, `1.10`,
`a: b`, `# x`, a leading space, a trailing dot and multi-line descriptions.

Shapes that no public flow file showed, so the sample had to choose them
(a parser should also accept other spellings): the action types
`EvaluateScheduleGroupAction` (paths `__OPEN__` without a target, then
`__CLOSED__`, `__HOLIDAY__`, `__EMERGENCY__`), `CallCommonModuleAction`,
`TransferFlowAction` (`flowId`, `flowName`), `SetWrapupCodeAction`,
`TransferToNumberAction`, `TransferToUserAction`, `TransferToGroupAction`,
`TransferToVoicemailAction`, `AbortSurveyInviteAction` and the container
`CommonModuleTask`; the value types `sgr` (schedule group), `emg` (emergency
group) and `grp` (group); the manifest kinds `scheduleGroup`,
`emergencyGroup`, `commonModuleFlow`, `secureCallFlow`, `languageSkill` and
`group`; and menu digits `"*"` and `"#"` as strings (0-9 are numbers, as in
the public files).

Do not edit these files by hand. They are generated by

    python3 examples/tools/make_sample_org.py

which rewrites this folder byte for byte; `python3 examples/tools/check_sample_org.py`
checks that every reference resolves and every flow graph is well formed.
"""


def by_name(items):
    return sorted(items, key=lambda o: (o["name"].lower(), o["name"], o["id"]))


def by_id(items):
    return sorted(items, key=lambda o: o["id"])


def dump(obj):
    return json.dumps(obj, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def files():
    """Every file of the snapshot: relative path -> text."""
    out = {
        # In the field order gcdocs itself writes (src/snapshot/mod.rs, `Meta`).
        "snapshot.json": json.dumps({"format": 1, "capturedAt": CAPTURED, "source": "sample",
                                     "region": "eu-west-1", "flowVersion": "published"},
                                    indent=2) + "\n",
        "gaps.json": dump([]),
        "organization.json": dump(ORGANIZATION),
        "flows.json": dump({"entities": by_id(flow_entity(k, i)
                                              for i, k in enumerate(FLOWS))}),
        "queues.json": dump({"entities": by_name(QUEUES.values())}),
        "skills.json": dump({"entities": by_name(SKILLS.values())}),
        "languages.json": dump({"entities": by_name(LANGUAGES.values())}),
        "wrapupcodes.json": dump({"entities": by_name(WRAPS.values())}),
        "trunks.json": dump({"entities": by_name(TRUNKS.values())}),
        "trunkbasesettings.json": dump({"entities": by_name(TRUNKBASES.values())}),
        "sites.json": dump({"entities": by_name(SITES.values())}),
        "ivrs.json": dump({"entities": by_name(IVRS.values())}),
        "schedules.json": dump({"entities": by_name(SCHEDULES.values())}),
        "schedulegroups.json": dump({"entities": by_name(SGROUPS.values())}),
        "emergencygroups.json": dump({"entities": [EMERGENCY]}),
        "prompts.json": dump({"entities": by_id(PROMPTS.values())}),
        "datatables.json": dump({"entities": by_id(DATATABLES.values())}),
        "dataactions.json": dump({"entities": by_name(DATAACTIONS.values())}),
        "README.md": README,
    }
    for key, (_, _, _, wraps) in QUEUE_DEFS.items():
        codes = by_name(WRAPS[w] for w in wraps)
        out[f"queue-wrapupcodes/{QUEUES[key]['id']}.json"] = dump({"entities": codes})
    for key, build in FLOW_BUILDERS.items():
        f = FLOWS[key]
        out[f"flow-documents/{f['id']}/{f['version']}.json"] = dump(build())
    return out


ORGANIZATION = {
    "id": U("organization", "Veloria Assurance"),
    "name": "Veloria Assurance (sample)",
    "defaultLanguage": "fr",
    "defaultCountryCode": "FR",
    "thirdPartyOrgName": "veloria-sample",
    "thirdPartyURI": "https://veloria.sample.invalid",
    "domain": "veloria-sample",
    "version": 42,
    "state": "active",
    "defaultSiteId": SITES["paris"]["id"],
    "supportURI": "https://support.veloria.sample.invalid",
    "voicemailEnabled": True,
    "productPlatform": "GenesysCloud",
    "features": {"purecloud": True, "realtimeCIC": False, "webchat": True,
                 "messaging": True, "workitems": False},
    "selfUri": f"/api/v2/organizations/{U('organization', 'Veloria Assurance')}",
}


def main(argv):
    root = Path(argv[1]) if len(argv) > 1 else (
        Path(__file__).resolve().parent.parent / "sample-org")
    if root.exists():
        shutil.rmtree(root)
    for rel, text in sorted(files().items()):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
