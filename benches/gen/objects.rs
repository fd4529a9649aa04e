//! The synthetic organization's objects other than flow documents: queues, skills,
//! wrap-up codes, telephony, schedules, prompts, data tables and data actions, each in the
//! API's list-entity shape, plus the flow identities (id, name, type) the documents use.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::{Counts, Dice, Ref, date_time, entity_ref, object_name};
use gcdocs::snapshot::List;

/// A flow's identity, chosen before its document is written so objects can point at it.
#[derive(Debug, Clone)]
pub struct FlowIdent {
    /// Id and name.
    pub r: Ref,
    /// Flow type as the document spells it (`inboundcall`, ...).
    pub flow_type: &'static str,
}

/// A data action with the category flows show it under.
#[derive(Debug, Clone)]
pub struct DataActionRef {
    /// Id and name.
    pub r: Ref,
    /// Category name.
    pub category: String,
}

/// Everything but the flow documents, plus the references flows pick from.
#[derive(Debug, Clone)]
pub struct Objects {
    /// `organization.json`.
    pub organization: Value,
    /// Each list file's entities, in file order (flows are added later).
    pub lists: Vec<(List, Vec<Value>)>,
    /// Wrap-up codes per queue id.
    pub queue_wrapup_codes: BTreeMap<String, Vec<Value>>,
    /// Divisions objects belong to.
    pub divisions: Vec<Ref>,
    /// Every flow's identity, in generation order.
    pub flows: Vec<FlowIdent>,
    /// Queues.
    pub queues: Vec<Ref>,
    /// Skills.
    pub skills: Vec<Ref>,
    /// Languages.
    pub languages: Vec<Ref>,
    /// User prompts.
    pub prompts: Vec<Ref>,
    /// Data actions.
    pub data_actions: Vec<DataActionRef>,
    /// Data tables.
    pub data_tables: Vec<Ref>,
    /// Schedule groups.
    pub schedule_groups: Vec<Ref>,
    /// Emergency groups.
    pub emergency_groups: Vec<Ref>,
}

/// Flow types and how often each occurs in an organization, in percent.
const FLOW_TYPES: [(&str, u32); 9] = [
    ("inboundcall", 45),
    ("inqueuecall", 14),
    ("workflow", 10),
    ("inboundshortmessage", 10),
    ("inboundchat", 5),
    ("commonmodule", 5),
    ("bot", 4),
    ("outboundcall", 4),
    ("inboundemail", 3),
];

impl Objects {
    /// Generates every object list for `counts`.
    pub fn generate(counts: &Counts, seed: u64) -> Objects {
        let mut dice = Dice::new(seed, "objects");
        let divisions = ["Home", "Retail", "Commercial", "Shared Services"]
            .iter()
            .map(|name| Ref {
                id: dice.guid(),
                name: (*name).to_string(),
            })
            .collect();
        let organization = json!({
            "id": dice.guid(), "name": "Assurances Synthétiques", "defaultLanguage": "fr",
            "defaultCountryCode": "FR", "thirdPartyOrgName": "synthetic-bench", "domain": "synthetic",
            "version": 42, "state": "active", "voicemailEnabled": true,
            "productPlatform": "GenesysCloud", "selfUri": "/api/v2/organizations/me"
        });
        let mut objects = Objects {
            organization,
            lists: Vec::new(),
            queue_wrapup_codes: BTreeMap::new(),
            divisions,
            flows: Vec::new(),
            queues: Vec::new(),
            skills: Vec::new(),
            languages: Vec::new(),
            prompts: Vec::new(),
            data_actions: Vec::new(),
            data_tables: Vec::new(),
            schedule_groups: Vec::new(),
            emergency_groups: Vec::new(),
        };
        objects.flows = flow_idents(&mut dice, counts.flows);
        objects.routing(&mut dice, counts);
        objects.telephony(&mut dice, counts);
        objects.architect(&mut dice, counts);
        objects.integrations(&mut dice, counts);
        objects
    }

    fn division(&self, dice: &mut Dice) -> Value {
        entity_ref(
            dice.pick(&self.divisions),
            "/api/v2/authorization/divisions",
        )
    }

    fn refs(dice: &mut Dice, n: usize, prefix: &str) -> Vec<Ref> {
        (0..n)
            .map(|i| Ref {
                id: dice.guid(),
                name: object_name(dice, prefix, i),
            })
            .collect()
    }

    fn routing(&mut self, dice: &mut Dice, counts: &Counts) {
        self.skills = Objects::refs(dice, counts.skills, "");
        let skills = self
            .skills
            .iter()
            .map(|s| {
                json!({"id": s.id, "name": s.name, "dateModified": date_time(dice), "state": "active",
                       "version": "1", "selfUri": format!("/api/v2/routing/skills/{}", s.id)})
            })
            .collect();
        let language_names = ["French", "German", "English", "Spanish", "Italian", "Dutch"];
        self.languages = (0..counts.languages)
            .map(|i| Ref {
                id: dice.guid(),
                name: format!("{} {i}", language_names[i % language_names.len()]),
            })
            .collect();
        let languages = self
            .languages
            .iter()
            .map(|l| {
                json!({"id": l.id, "name": l.name, "dateModified": date_time(dice), "state": "active",
                       "version": "1", "selfUri": format!("/api/v2/routing/languages/{}", l.id)})
            })
            .collect();
        let codes = Objects::refs(dice, counts.wrapup_codes, "Outcome ");
        let code_entities: Vec<Value> = codes.iter().map(|c| self.wrapup_code(dice, c)).collect();
        self.queues = Objects::refs(dice, counts.queues, "");
        let queues = self.queues.clone();
        let queue_entities = queues
            .iter()
            .map(|q| {
                let picked: Vec<Value> = (0..dice.int(2..=5))
                    .map(|_| dice.pick(&code_entities).clone())
                    .collect();
                self.queue_wrapup_codes.insert(q.id.clone(), picked);
                self.queue(dice, q)
            })
            .collect();
        self.lists.push((List::Queues, queue_entities));
        self.lists.push((List::Skills, skills));
        self.lists.push((List::Languages, languages));
        self.lists.push((List::WrapupCodes, code_entities));
    }

    fn wrapup_code(&self, dice: &mut Dice, code: &Ref) -> Value {
        json!({
            "id": code.id, "name": code.name, "division": self.division(dice),
            "description": "", "dateCreated": date_time(dice), "dateModified": date_time(dice),
            "createdBy": dice.guid(), "selfUri": format!("/api/v2/routing/wrapupcodes/{}", code.id)
        })
    }

    fn queue(&self, dice: &mut Dice, q: &Ref) -> Value {
        let in_queue: Vec<&FlowIdent> = self
            .flows
            .iter()
            .filter(|f| f.flow_type == "inqueuecall")
            .collect();
        let mut queue = json!({
            "id": q.id, "name": q.name, "division": self.division(dice),
            "description": format!("Calls and messages for {}", q.name),
            "dateCreated": date_time(dice), "dateModified": date_time(dice),
            "memberCount": dice.int(0..=80), "userMemberCount": dice.int(0..=40),
            "joinedMemberCount": dice.int(0..=30),
            "mediaSettings": {
                "call": {"alertingTimeoutSeconds": 8, "serviceLevel": {"percentage": 0.8, "durationMs": 20000}},
                "message": {"alertingTimeoutSeconds": 30, "serviceLevel": {"percentage": 0.8, "durationMs": 60000}}
            },
            "acwSettings": {"wrapupPrompt": "MANDATORY_TIMEOUT", "timeoutMs": 30000},
            "skillEvaluationMethod": dice.pick(&["NONE", "BEST", "ALL"]),
            "scoringMethod": "TimestampAndPriority",
            "callingPartyName": "Assurances Synthétiques",
            "selfUri": format!("/api/v2/routing/queues/{}", q.id)
        });
        if !in_queue.is_empty() && dice.chance(60) {
            let flow = dice.pick(&in_queue);
            queue["queueFlow"] = entity_ref(&flow.r, "/api/v2/flows");
        }
        queue
    }

    fn telephony(&mut self, dice: &mut Dice, counts: &Counts) {
        let sites = Objects::refs(dice, counts.sites, "Site ");
        let site_entities = sites
            .iter()
            .map(|s| {
                json!({"id": s.id, "name": s.name, "division": self.division(dice), "version": 3,
                       "state": "active", "mediaModel": "Cloud", "coreSite": false,
                       "mediaRegions": ["eu-west-1", "eu-central-1"],
                       "selfUri": format!("/api/v2/telephony/providers/edges/sites/{}", s.id)})
            })
            .collect();
        let bases = Objects::refs(dice, counts.trunk_bases, "BYOC ");
        let base_entities = bases
            .iter()
            .map(|b| {
                json!({"id": b.id, "name": b.name, "division": self.division(dice), "version": 5,
                       "state": "active", "trunkType": "EXTERNAL", "managed": false,
                       "site": entity_ref(dice.pick(&sites), "/api/v2/telephony/providers/edges/sites"),
                       "properties": {"trunk_enabled": {"value": {"instance": true}}},
                       "selfUri": format!("/api/v2/telephony/providers/edges/trunkbasesettings/{}", b.id)})
            })
            .collect();
        let trunks = Objects::refs(dice, counts.trunks, "Trunk ");
        let trunk_entities = trunks
            .iter()
            .map(|t| {
                json!({"id": t.id, "name": t.name, "division": self.division(dice), "version": 2,
                       "state": "active", "trunkType": "EXTERNAL", "inService": true, "enabled": true,
                       "trunkBase": entity_ref(dice.pick(&bases), "/api/v2/telephony/providers/edges/trunkbasesettings"),
                       "connectedStatus": {"connected": true, "connectedStateTime": date_time(dice)},
                       "family": 2, "selfUri": format!("/api/v2/telephony/providers/edges/trunks/{}", t.id)})
            })
            .collect();
        self.lists.push((List::Trunks, trunk_entities));
        self.lists.push((List::TrunkBaseSettings, base_entities));
        self.lists.push((List::Sites, site_entities));
    }

    fn architect(&mut self, dice: &mut Dice, counts: &Counts) {
        let schedules = Objects::refs(dice, counts.schedules, "Hours ");
        let schedule_entities = schedules
            .iter()
            .map(|s| {
                let rule = dice.pick(&["FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "FREQ=WEEKLY;BYDAY=SA", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25"]);
                json!({"id": s.id, "name": s.name, "division": self.division(dice), "version": 1,
                       "state": "active", "start": "2026-01-05T08:00:00.000", "end": "2026-01-05T18:00:00.000",
                       "rrule": rule, "selfUri": format!("/api/v2/architect/schedules/{}", s.id)})
            })
            .collect();
        self.schedule_groups = Objects::refs(dice, counts.schedule_groups, "Opening ");
        let group_entities = self
            .schedule_groups
            .clone()
            .iter()
            .map(|g| {
                let pick = |dice: &mut Dice| {
                    entity_ref(dice.pick(&schedules), "/api/v2/architect/schedules")
                };
                json!({"id": g.id, "name": g.name, "division": self.division(dice), "version": 4,
                       "state": "active", "timeZone": "Europe/Paris",
                       "openSchedules": [pick(dice), pick(dice)], "closedSchedules": [pick(dice)],
                       "holidaySchedules": [pick(dice)],
                       "selfUri": format!("/api/v2/architect/schedulegroups/{}", g.id)})
            })
            .collect();
        self.emergency_groups = Objects::refs(dice, counts.emergency_groups, "Emergency ");
        let inbound: Vec<Ref> = self
            .flows
            .iter()
            .filter(|f| f.flow_type == "inboundcall")
            .map(|f| f.r.clone())
            .collect();
        let ivr_refs = Objects::refs(dice, counts.ivrs, "Call route ");
        let ivr_entities: Vec<Value> = ivr_refs
            .iter()
            .enumerate()
            .map(|(i, r)| self.ivr(dice, r, i, &inbound))
            .collect();
        let emergency_entities = self
            .emergency_groups
            .clone()
            .iter()
            .map(|g| {
                let calls: Vec<Value> = inbound
                    .iter()
                    .take(1)
                    .map(|f| {
                        json!({"emergencyFlow": entity_ref(f, "/api/v2/flows"),
                           "ivrs": [entity_ref(dice.pick(&ivr_refs), "/api/v2/architect/ivrs")]})
                    })
                    .collect();
                json!({"id": g.id, "name": g.name, "division": self.division(dice), "version": 1,
                       "state": "active", "enabled": false, "emergencyCallFlows": calls,
                       "selfUri": format!("/api/v2/architect/emergencygroups/{}", g.id)})
            })
            .collect();
        self.lists.push((List::Ivrs, ivr_entities));
        self.lists.push((List::Schedules, schedule_entities));
        self.lists.push((List::ScheduleGroups, group_entities));
        self.lists.push((List::EmergencyGroups, emergency_entities));
        self.prompts(dice, counts);
    }

    fn prompts(&mut self, dice: &mut Dice, counts: &Counts) {
        // Prompt names are identifiers in Architect: no spaces.
        self.prompts = Objects::refs(dice, counts.prompts, "Prompt ")
            .into_iter()
            .map(|p| Ref {
                name: p.name.replace(' ', "_"),
                ..p
            })
            .collect();
        let prompt_entities = self
            .prompts
            .iter()
            .map(|p| {
                let text = format!("Bienvenue chez Assurances Synthétiques, {}.", p.name);
                json!({"id": p.id, "name": p.name, "description": "",
                       "resources": [{"id": "fr-fr", "promptId": p.id, "language": "fr-fr",
                                      "ttsString": text, "text": text, "uploadStatus": "transcoded",
                                      "languageDefault": true, "durationSeconds": 3.2}],
                       "selfUri": format!("/api/v2/architect/prompts/{}", p.id)})
            })
            .collect();
        self.lists.push((List::Prompts, prompt_entities));
    }

    fn ivr(&self, dice: &mut Dice, r: &Ref, n: usize, inbound: &[Ref]) -> Value {
        let mut ivr = json!({
            "id": r.id, "name": r.name, "division": self.division(dice), "version": 2,
            "state": "active", "dnis": [format!("+3319{:07}", n * 3), format!("+3319{:07}", n * 3 + 1)],
            "selfUri": format!("/api/v2/architect/ivrs/{}", r.id)
        });
        if !inbound.is_empty() {
            let flow = |dice: &mut Dice| entity_ref(dice.pick(inbound), "/api/v2/flows");
            ivr["openHoursFlow"] = flow(dice);
            ivr["closedHoursFlow"] = flow(dice);
            ivr["holidayHoursFlow"] = flow(dice);
            ivr["scheduleGroup"] = entity_ref(
                dice.pick(&self.schedule_groups),
                "/api/v2/architect/schedulegroups",
            );
        }
        ivr
    }

    fn integrations(&mut self, dice: &mut Dice, counts: &Counts) {
        self.data_tables = Objects::refs(dice, counts.data_tables, "Lookup ");
        let table_entities = self
            .data_tables
            .iter()
            .map(|t| {
                json!({"id": t.id, "name": t.name, "division": self.division(dice),
                       "description": "Key-value lookup maintained by the routing team",
                       "schema": {"$schema": "http://json-schema.org/draft-04/schema#", "type": "object",
                                  "properties": {"key": {"title": "Phone", "type": "string"},
                                                 "Queue": {"title": "Queue", "type": "string"},
                                                 "Blocked": {"title": "Blocked", "type": "boolean"}},
                                  "required": ["key"]},
                       "selfUri": format!("/api/v2/flows/datatables/{}", t.id)})
            })
            .collect();
        let categories = [
            "Salesforce CRM",
            "Policy API",
            "Genesys Cloud Data Actions",
            "Payments Gateway",
        ];
        let integration_ids: Vec<String> = categories.iter().map(|_| dice.guid()).collect();
        self.data_actions = Objects::refs(dice, counts.data_actions, "Get ")
            .into_iter()
            .map(|r| DataActionRef {
                r,
                category: (*dice.pick(&categories)).to_string(),
            })
            .collect();
        let action_entities = self
            .data_actions
            .iter()
            .map(|a| {
                let i = categories
                    .iter()
                    .position(|c| *c == a.category)
                    .unwrap_or(0);
                json!({"id": a.r.id, "name": a.r.name, "integrationId": integration_ids[i],
                       "category": a.category, "version": dice.int(1..=9), "secure": false,
                       "selfUri": format!("/api/v2/integrations/actions/{}", a.r.id)})
            })
            .collect();
        self.lists.push((List::DataTables, table_entities));
        self.lists.push((List::DataActions, action_entities));
    }
}

fn flow_idents(dice: &mut Dice, n: usize) -> Vec<FlowIdent> {
    let weights: Vec<u32> = FLOW_TYPES.iter().map(|(_, w)| *w).collect();
    (0..n)
        .map(|i| {
            // The first flows cover every type so even a tiny org has one of each.
            let t = if i < FLOW_TYPES.len() {
                i
            } else {
                dice.weighted(&weights)
            };
            let flow_type = FLOW_TYPES[t].0;
            let name = super::object_name(dice, "", i);
            FlowIdent {
                r: Ref {
                    id: dice.guid(),
                    name: format!("{name} {}", type_word(flow_type)),
                },
                flow_type,
            }
        })
        .collect()
}

fn type_word(flow_type: &str) -> &'static str {
    match flow_type {
        "inboundcall" => "IVR",
        "inqueuecall" => "In-Queue",
        "workflow" => "Workflow",
        "inboundshortmessage" => "Messaging",
        "inboundchat" => "Chat",
        "commonmodule" => "Module",
        "bot" => "Bot",
        "outboundcall" => "Outbound",
        _ => "Email",
    }
}
