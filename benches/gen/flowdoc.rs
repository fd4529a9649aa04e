//! Flow list entities and flow documents in Architect's JSON shape
//! (`../shared/flow-documents.md`, section 3): containers with flat action lists linked by
//! `nextAction` and `paths`, menus whose choices jump to tasks, sub-menus and back to the
//! main menu, decisions, switches, loops, data actions, data-table lookups, schedule-group
//! evaluation and transfers to many queues, with the `manifest` of every resource used.
//!
//! Most flows get a budget of 8 to 60 actions; one flow in 200 (at least one from 100
//! flows up) gets hundreds, and the first of those [`LARGEST_FLOW_BUDGET`]. Menus' "repeat"
//! and "back" choices and the branches of schedule checks come on top of the budget, so
//! flows end up about a quarter larger (the largest near 750 actions and menu choices).

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::objects::{FlowIdent, Objects};
use super::{Counts, Dice, Ref, date_time, entity_ref};

/// The action budget of the largest generated flow.
pub const LARGEST_FLOW_BUDGET: usize = 600;

/// The flows list and the documents of the published flows.
#[derive(Debug, Clone, Default)]
pub struct Flows {
    /// `flows.json` entities.
    pub entities: Vec<Value>,
    /// Documents by (flow id, published version id).
    pub documents: BTreeMap<(String, String), Value>,
}

/// Writes the flow list and documents for every flow identity in `objects`.
pub fn generate(counts: &Counts, objects: &Objects, seed: u64) -> Flows {
    let mut dice = Dice::new(seed, "flows");
    let mut flows = Flows::default();
    let mut first_large = true;
    for (i, ident) in objects.flows.iter().enumerate() {
        let large = i % 200 == 57 || (counts.flows < 200 && counts.flows >= 100 && i == 50);
        let size = if large && first_large {
            first_large = false;
            LARGEST_FLOW_BUDGET
        } else if large {
            dice.int(250..=500)
        } else {
            dice.int(8..=25) + dice.int(0..=35)
        };
        let version = format!("{}.0", dice.int(1..=40));
        let published = i % 31 != 30;
        flows
            .entities
            .push(flow_entity(&mut dice, objects, ident, &version, published));
        if published {
            let doc = Builder::new(&mut dice, objects, ident, large).document(size);
            flows.documents.insert((ident.r.id.clone(), version), doc);
        }
    }
    flows
}

fn flow_entity(
    dice: &mut Dice,
    objects: &Objects,
    ident: &FlowIdent,
    version: &str,
    published: bool,
) -> Value {
    let self_uri = format!("/api/v2/flows/{}", ident.r.id);
    let version_of = |dice: &mut Dice, kind: &str| {
        json!({"id": version, "name": ident.r.name, "commitVersion": version,
               "configurationVersion": version, "type": kind, "secure": false, "debug": false,
               "datePublished": date_time(dice),
               "configurationUri": format!("{self_uri}/versions/{version}/configuration"),
               "selfUri": format!("{self_uri}/versions/{version}")})
    };
    let mut flow = json!({
        "id": ident.r.id, "name": ident.r.name,
        "division": entity_ref(dice.pick(&objects.divisions), "/api/v2/authorization/divisions"),
        "description": format!("{} routing for {}", ident.flow_type, ident.r.name),
        "type": ident.flow_type.to_uppercase(), "active": true, "system": false, "deleted": false,
    });
    if published {
        flow["publishedVersion"] = version_of(dice, "PUBLISH");
    }
    flow["checkedInVersion"] = version_of(dice, "CHECKIN");
    flow["supportedLanguages"] = json!([{"language": "fr-fr", "isDefault": true}]);
    flow["selfUri"] = json!(self_uri);
    flow
}

/// How a chain of actions ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// Falls through to the enclosing action's continuation.
    Open,
    /// Ends with a terminal action (disconnect, jump back to a menu, end of task).
    Terminal,
    /// Ends with a transfer to a queue, then a terminal action on failure.
    Transfer,
}

/// A flow variable the expressions refer to.
struct Variable {
    id: String,
    name: &'static str,
    ty: &'static str,
}

struct Builder<'a> {
    dice: &'a mut Dice,
    objects: &'a Objects,
    ident: &'a FlowIdent,
    large: bool,
    tracking: u64,
    containers: Vec<Value>,
    actions: Vec<Value>,
    main_menu: Option<Ref>,
    tasks: Vec<Ref>,
    variables: Vec<Variable>,
    manifest: Vec<(&'static str, Ref, Vec<Value>)>,
}

impl<'a> Builder<'a> {
    fn new(dice: &'a mut Dice, objects: &'a Objects, ident: &'a FlowIdent, large: bool) -> Self {
        let variables = [
            ("Flow.CustomerTier", "StringVariable"),
            ("Flow.PolicyId", "StringVariable"),
            ("Flow.Attempts", "IntegerVariable"),
            ("Flow.IsVip", "BoolVariable"),
            ("Flow.TargetQueue", "QueueVariable"),
        ]
        .into_iter()
        .map(|(name, ty)| Variable {
            id: dice.guid(),
            name,
            ty,
        })
        .collect();
        Builder {
            dice,
            objects,
            ident,
            large,
            tracking: 1,
            containers: Vec::new(),
            actions: Vec::new(),
            main_menu: None,
            tasks: Vec::new(),
            variables,
            manifest: Vec::new(),
        }
    }

    fn document(mut self, size: usize) -> Value {
        let start = match self.ident.flow_type {
            "inboundcall" | "outboundcall" => self.call_flow(size),
            "inqueuecall" => self.in_queue_flow(size),
            _ => self.task_flow(size),
        };
        let variables: Vec<Value> = self.variables.iter().map(variable_json).collect();
        let manifest = self.manifest_json();
        let ident = self.ident;
        let mut doc = json!({
            "name": ident.r.name,
            "description": format!("{} routing for {}", ident.flow_type, ident.r.name),
            "type": ident.flow_type,
            "defaultLanguage": "fr-FR",
            "supportedLanguages": ["fr-FR"],
            "supportedLanguageOptions": [{"language": "fr-FR", "languageSkill": emp("lac")}],
            "initialSequence": start,
            "flowSequenceItemList": self.containers,
            "variables": variables,
            "manifest": manifest,
            "errorHandling": {"handlingType": "disconnect", "audio": audio_value("Technical difficulties", None)},
            "defaultSettings": {},
            "uiMetaData": {"state": []},
            "flowMetaData": {"flowDocumentVersion": "1.0", "minimumServerVersion": "1.0", "ttsDataVersion": "1"},
            "nextTrackingNumber": self.tracking,
        });
        if ident.flow_type == "inqueuecall" {
            doc["inQueueCallFlowSettings"] = json!({"holdMusic": emp("pmt")});
        }
        doc
    }

    /// A start task (schedule check, lookups), then a tree of menus and tasks.
    fn call_flow(&mut self, size: usize) -> String {
        let menu = Ref {
            id: self.dice.guid(),
            name: "Main Menu".into(),
        };
        self.main_menu = Some(menu.clone());
        let start_budget = 6.min(size / 3).max(2);
        let start = self.start_task(start_budget);
        self.menu(&menu, 0, size.saturating_sub(start_budget));
        start
    }

    fn start_task(&mut self, budget: usize) -> String {
        let id = self.dice.guid();
        let mut chain = Vec::new();
        chain.push(self.set_attributes());
        chain.push(self.schedule_group_evaluation(budget));
        if budget > 4 {
            chain.push(self.data_table_lookup(2));
        }
        let menu = self
            .main_menu
            .clone()
            .expect("call flows set the main menu first");
        chain.push(self.jump_to_menu(&menu));
        let first = self.link(chain);
        self.finish_task(&id, "Routing start", "Task", first);
        id
    }

    fn menu(&mut self, menu: &Ref, depth: usize, budget: usize) {
        let max_choices = if self.large { 9 } else { 6 };
        let choices = self.dice.int(3..=max_choices);
        let share = budget / choices;
        let mut list = Vec::new();
        for digit in 1..=choices {
            let action = self.menu_choice(menu, depth, share, digit);
            let name = action["name"].as_str().unwrap_or("Choice").to_string();
            list.push(menu_choice_json(self.dice.guid(), &name, digit, action));
        }
        let repeat = self.jump_to_menu(menu);
        list.push(menu_choice_json(self.dice.guid(), "Repeat menu", 9, repeat));
        if depth > 0 {
            let main = self
                .main_menu
                .clone()
                .expect("menus exist only in call flows");
            let back = self.jump_to_menu(&main);
            list.push(menu_choice_json(
                self.dice.guid(),
                "Back to main menu",
                0,
                back,
            ));
        }
        let tracking = self.next_tracking();
        let prompts = self.prompts_value();
        self.containers.push(json!({
            "trackingId": tracking, "id": menu.id, "name": menu.name,
            "uiMetaData": {"collapsed": false}, "__type": "Menu",
            "extensionDialingDelay": emp("dur"), "invalidSpeechRecPromptsList": [],
            "menuChoiceList": list,
            "promptRepeatCount": lit("3", "int", None), "promptRepeatDelay": lit("5", "dur", None),
            "prompts": prompts,
        }));
    }

    fn menu_choice(&mut self, menu: &Ref, depth: usize, share: usize, digit: usize) -> Value {
        let max_depth = if self.large { 3 } else { 2 };
        if depth < max_depth && share >= 30 && self.dice.chance(45) {
            let sub = Ref {
                id: self.dice.guid(),
                name: format!("{} {digit}", menu.name.replace("Main Menu", "Menu")),
            };
            self.menu(&sub, depth + 1, share.saturating_sub(1));
            return self.jump_to_menu(&sub);
        }
        if share >= 4 {
            let task = self.task(share, End::Transfer);
            let tracking = self.next_tracking();
            return json!({"taskReference": task.id, "trackingId": tracking, "id": self.dice.guid(),
                          "name": task.name, "uiMetaData": {"collapsed": false}, "__type": "TaskAction"});
        }
        self.transfer(None)
    }

    /// Call-less flows (workflows, messaging, bots): a main task calling a few others.
    fn task_flow(&mut self, size: usize) -> String {
        let parts = (size / 25).max(1);
        let mut first = None;
        for i in 0..parts {
            let end = match self.ident.flow_type {
                "workflow" | "commonmodule" | "bot" => End::Terminal,
                _ => End::Transfer,
            };
            let task = self.task(size / parts, end);
            if i == 0 {
                first = Some(task.id.clone());
            }
        }
        first.expect("a task flow has at least one task")
    }

    /// In-queue flows: the main loop task playing waits and offering transfers.
    fn in_queue_flow(&mut self, size: usize) -> String {
        let id = self.dice.guid();
        let mut chain = vec![self.estimated_wait_time(), self.hold_music()];
        let first_len = chain.len();
        let budget = size.saturating_sub(first_len + 1);
        let rest = self.chain_actions(budget, 1, End::Open);
        chain.extend(rest);
        let first = self.link(chain);
        self.finish_task(&id, "In-Queue Task", "LoopTask", first);
        id
    }

    fn task(&mut self, budget: usize, end: End) -> Ref {
        let task = Ref {
            id: self.dice.guid(),
            name: format!("{} {}", self.dice.pick(&TASK_NAMES), self.tasks.len() + 1),
        };
        self.tasks.push(task.clone());
        let saved = std::mem::take(&mut self.actions);
        let chain = self.chain_actions(budget.max(2), 0, end);
        let first = self.link(chain);
        self.finish_task(&task.id, &task.name, "Task", first);
        self.actions = saved;
        task
    }

    fn finish_task(&mut self, id: &str, name: &str, ty: &str, first: Option<String>) {
        let tracking = self.next_tracking();
        let actions = std::mem::take(&mut self.actions);
        self.containers.push(json!({
            "startAction": first, "trackingId": tracking, "id": id, "name": name,
            "uiMetaData": {"collapsed": false}, "__type": ty,
            "paths": [{"label": "Default", "outputId": "__DEFAULT__"}],
            "actionList": actions, "variables": [],
        }));
    }

    /// Up to `budget` actions in a row (nested branches count), ending as `end` says.
    fn chain_actions(&mut self, budget: usize, depth: usize, end: End) -> Vec<Value> {
        let reserve = match end {
            End::Open => 0,
            End::Terminal => 1,
            End::Transfer => 2,
        };
        let mut chain = Vec::new();
        let mut left = budget.saturating_sub(reserve);
        while left > 0 {
            let (action, used) = self.step(left, depth);
            left = left.saturating_sub(used);
            chain.push(action);
        }
        if end == End::Transfer {
            chain.push(self.transfer(None));
        }
        if end != End::Open {
            chain.push(self.terminal());
        }
        chain
    }

    /// Links a chain by `nextAction`, moves it into the current container, returns its start.
    fn link(&mut self, mut chain: Vec<Value>) -> Option<String> {
        let ids: Vec<Value> = chain.iter().map(|a| a["id"].clone()).collect();
        for (action, next) in chain.iter_mut().zip(ids.iter().skip(1)) {
            action["nextAction"] = next.clone();
        }
        let first = ids.first().and_then(Value::as_str).map(str::to_string);
        self.actions.extend(chain);
        first
    }

    /// A branch: its own chain, linked, returning where it starts (none when empty).
    fn branch(&mut self, budget: usize, depth: usize) -> Option<String> {
        if budget == 0 {
            return None;
        }
        let end = if self.dice.chance(35) {
            End::Transfer
        } else {
            End::Open
        };
        let chain = self.chain_actions(
            budget.max(if end == End::Open { 1 } else { 3 }),
            depth + 1,
            end,
        );
        self.link(chain)
    }

    /// One action and how much of the budget it used, nested branches included.
    fn step(&mut self, left: usize, depth: usize) -> (Value, usize) {
        let can_branch = depth < if self.large { 4 } else { 3 } && left >= 4;
        let weights: [u32; 11] = if can_branch {
            [18, 12, 8, 5, 12, 5, 10, 4, 3, 3, 10]
        } else {
            [18, 12, 8, 5, 0, 0, 0, 0, 0, 0, 6]
        };
        let share = |dice: &mut Dice| dice.int(1..=(left / 3).max(1));
        match self.dice.weighted(&weights) {
            0 => (self.play_audio(), 1),
            1 => (self.update_data(), 1),
            2 => (self.set_attributes(), 1),
            3 => (self.collect_input(), 1),
            4 => {
                let (yes, no) = (share(self.dice), share(self.dice) / 2);
                (self.decision(yes, no, depth), 1 + yes + no)
            }
            5 => {
                let cases = self.dice.int(2..=4).min(left - 1);
                let each = ((left - 1) / 3 / cases).max(1);
                (self.switch(cases, each, depth), 1 + cases * each)
            }
            6 => {
                let fail = share(self.dice);
                (self.data_action(fail, depth), 1 + fail)
            }
            7 => (self.data_table_lookup(depth), 2),
            8 => {
                let body = share(self.dice);
                (self.loop_action(body, depth), 1 + body)
            }
            9 => (
                self.schedule_group_evaluation(left.min(6)),
                1 + left.min(6) / 3 * 3,
            ),
            _ => (self.transfer(None), 1),
        }
    }
}

const TASK_NAMES: [&str; 12] = [
    "Identify caller",
    "Claims intake",
    "Billing enquiry",
    "Policy lookup",
    "Callback offer",
    "Overflow",
    "VIP handling",
    "Payment by phone",
    "Complaint",
    "Roadside assistance",
    "Renewal quote",
    "After hours",
];

/// The action builders, one per Architect action type.
impl Builder<'_> {
    fn next_tracking(&mut self) -> u64 {
        self.tracking += 1;
        self.tracking
    }

    fn base(&mut self, ty: &str, name: &str) -> Map<String, Value> {
        let mut action = Map::new();
        action.insert("trackingId".into(), json!(self.next_tracking()));
        action.insert("id".into(), json!(self.dice.guid()));
        action.insert("name".into(), json!(name));
        action.insert("uiMetaData".into(), json!({"collapsed": false}));
        action.insert("__type".into(), json!(ty));
        action
    }

    /// Records that the action `action` uses `r` of manifest kind `kind`.
    fn uses(&mut self, kind: &'static str, r: &Ref, action: &Map<String, Value>, display: &str) {
        let context = json!({"actionName": display, "id": action["id"], "name": action["name"]});
        match self
            .manifest
            .iter_mut()
            .find(|(k, used, _)| *k == kind && used.id == r.id)
        {
            Some((_, _, contexts)) => contexts.push(context),
            None => self.manifest.push((kind, r.clone(), vec![context])),
        }
    }

    fn manifest_json(&self) -> Value {
        let mut out = Map::new();
        for (kind, r, contexts) in &self.manifest {
            let list = out.entry(*kind).or_insert_with(|| json!([]));
            if let Some(list) = list.as_array_mut() {
                list.push(json!({"id": r.id, "name": r.name, "context": contexts}));
            }
        }
        out.entry("language")
            .or_insert_with(|| json!([{"id": "fr-FR"}]));
        Value::Object(out)
    }

    fn variable(&mut self, i: usize) -> (String, String, &'static str) {
        let v = &self.variables[i % self.variables.len()];
        (v.id.clone(), v.name.to_string(), v.ty)
    }

    fn prompts_value(&mut self) -> Value {
        let prompt = self.dice.pick(&self.objects.prompts).clone();
        json!({"bargeInExpression": lit("true", "bln", None), "flushExpression": lit("false", "bln", None),
               "defaultAudio": audio_value(&prompt.name, Some(&prompt.id)), "cases": []})
    }

    fn play_audio(&mut self) -> Value {
        let prompt = self.dice.pick(&self.objects.prompts).clone();
        let mut a = self.base("PlayAudioAction", &format!("Play {}", prompt.name));
        self.uses("userPrompt", &prompt, &a, "Play Audio");
        a.insert("prompts".into(), json!({
            "bargeInExpression": lit("true", "bln", None), "flushExpression": lit("false", "bln", None),
            "defaultAudio": audio_value(&prompt.name, Some(&prompt.id)), "cases": []}));
        Value::Object(a)
    }

    fn update_data(&mut self) -> Value {
        let n = self.dice.int(0..=9);
        let (id, name, ty) = self.variable(n);
        let mut a = self.base("UpdateVariableAction", "Update Data");
        let value = format!("\"tier-{}\"", self.dice.int(1..=5));
        a.insert(
            "variables".into(),
            json!([{"expression": lit(&value, "str", None),
                                             "variable": var_ref(&name, ty, &id)}]),
        );
        Value::Object(a)
    }

    fn set_attributes(&mut self) -> Value {
        let (id, name, ty) = self.variable(1);
        let mut a = self.base("SetAttributesAction", "Set Participant Data");
        a.insert(
            "variables".into(),
            json!([{"expression": var_ref(&name, ty, &id),
                                             "variable": lit("PolicyId", "str", None)}]),
        );
        Value::Object(a)
    }

    fn collect_input(&mut self) -> Value {
        let (id, name, _) = self.variable(1);
        let mut a = self.base("CollectInputAction", "Collect policy number");
        a.insert("verification".into(), json!(false));
        a.insert("noEntryTimeout".into(), lit("5", "dur", None));
        a.insert("numberOfDigitsMax".into(), lit("10", "int", None));
        a.insert("numberOfDigitsMin".into(), lit("6", "int", None));
        a.insert("prompts".into(), self.prompts_value());
        a.insert("resultData".into(), var_ref(&name, "str", &id));
        a.insert(
            "paths".into(),
            json!([
            {"label": "Success", "outputId": "__SUCCESS__"},
            {"label": "Failure", "outputId": "__FAILURE__"}]),
        );
        Value::Object(a)
    }

    fn estimated_wait_time(&mut self) -> Value {
        let mut a = self.base("PlayEstimatedWaitTimeAction", "Play Estimated Wait Time");
        a.insert(
            "estimatedWaitTime".into(),
            lit("Call.EstimatedWaitTime", "dur", None),
        );
        a.insert("prompts".into(), self.prompts_value());
        a.insert("playbackMode".into(), json!("About"));
        Value::Object(a)
    }

    fn hold_music(&mut self) -> Value {
        let prompt = self.dice.pick(&self.objects.prompts).clone();
        let mut a = self.base("HoldMusicAction", "Hold Music");
        self.uses("userPrompt", &prompt, &a, "Hold Music");
        a.insert("duration".into(), lit("30", "dur", None));
        a.insert("playForDuration".into(), json!(true));
        a.insert("prompt".into(), lit(&prompt.name, "pmt", Some(&prompt.id)));
        a.insert("bargeInExpression".into(), lit("false", "bln", None));
        Value::Object(a)
    }

    fn path(&mut self, label: &str, output: &str, budget: usize, depth: usize) -> Value {
        let mut path = json!({"label": label, "outputId": output});
        if let Some(next) = self.branch(budget, depth) {
            path["nextActionId"] = json!(next);
        }
        path
    }

    fn decision(&mut self, yes: usize, no: usize, depth: usize) -> Value {
        let (id, name, ty) = self.variable(3);
        let tier = self
            .dice
            .pick(&["Gold", "Silver", "Platinum", "Bronze"])
            .to_string();
        let mut a = self.base("DecisionAction", &format!("Is {tier}?"));
        a.insert(
            "expression".into(),
            json!({
            "config": {"AreEqual": {"pos": 0, "operands": [
                {"ref": {"pos": 0, "text": name, "type": ty, "val": id}},
                {"lit": {"pos": 0, "text": format!("\"{tier}\""), "type": "str"}}]}},
            "text": format!("{name} == \"{tier}\""), "type": "bln",
            "uiMetaData": {"mode": 1}, "metaData": {}, "version": 2}),
        );
        let paths = vec![
            self.path("Yes", "__YES__", yes, depth),
            self.path("No", "__NO__", no, depth),
        ];
        a.insert("paths".into(), json!(paths));
        Value::Object(a)
    }

    fn switch(&mut self, cases: usize, each: usize, depth: usize) -> Value {
        let (id, name, ty) = self.variable(0);
        let mut a = self.base("SwitchAction", &format!("Route by {name}"));
        a.insert("switchStyle".into(), json!(0));
        a.insert(
            "expression".into(),
            json!({"text": "", "type": "any", "uiMetaData": {"mode": 0}, "version": 2}),
        );
        let mut case_list = Vec::new();
        let mut paths = Vec::new();
        for n in 1..=cases {
            let reference = self.dice.guid();
            let label = format!("Case {n}");
            case_list.push(json!({"name": label, "referenceId": reference, "value": {
                "config": {"AreEqual": {"pos": 0, "operands": [
                    {"ref": {"pos": 0, "text": name, "type": ty, "val": id}},
                    {"lit": {"pos": 0, "text": format!("\"segment-{n}\""), "type": "str"}}]}},
                "text": format!("{name} == \"segment-{n}\""), "type": "bln",
                "uiMetaData": {"mode": 1}, "metaData": {}, "version": 2}}));
            let mut path = self.path(&label, &reference, each, depth);
            path["localizedLabel"] = json!(label);
            paths.push(path);
        }
        paths.push(json!({"label": "Default", "outputId": "__DEFAULT__"}));
        a.insert("cases".into(), json!(case_list));
        a.insert("paths".into(), json!(paths));
        Value::Object(a)
    }

    fn data_action(&mut self, fail: usize, depth: usize) -> Value {
        let action = self.dice.pick(&self.objects.data_actions).clone();
        let mut a = self.base("DataAction", &format!("Call {}", action.r.name));
        self.uses("dataAction", &action.r, &a, "Call Data Action");
        let (id, name, ty) = self.variable(1);
        a.insert("actionName".into(), json!(action.r.name));
        a.insert("actionId".into(), json!(action.r.id));
        a.insert(
            "category".into(),
            json!({"id": action.category, "name": action.category}),
        );
        a.insert("useSuggestedTimeout".into(), json!(true));
        a.insert(
            "inputs".into(),
            json!([{"name": "policyId", "value": var_ref(&name, ty, &id)}]),
        );
        a.insert("outputs".into(), json!([{"name": "tier", "value": var_ref("Flow.CustomerTier", "str", &self.variables[0].id)}]));
        a.insert("timeout".into(), lit("10", "dur", None));
        let failure = self.path("Failure", "__FAILURE__", fail, depth);
        a.insert(
            "paths".into(),
            json!([
            {"label": "Success", "outputId": "__SUCCESS__"}, failure,
            {"label": "Timeout", "outputId": "__TIMEOUT__"}]),
        );
        Value::Object(a)
    }

    fn data_table_lookup(&mut self, depth: usize) -> Value {
        let table = self.dice.pick(&self.objects.data_tables).clone();
        let mut a = self.base("DataTableLookupAction", "Data Table Lookup");
        self.uses("dataTable", &table, &a, "Data Table Lookup");
        a.insert("datatableId".into(), json!(table.id));
        a.insert("datatableName".into(), json!(table.name));
        a.insert("lookupKeyValue".into(), lit("Call.Ani", "str", None));
        a.insert("outputs".into(), json!([]));
        let found = self.path("Found", "__FOUND__", 1, depth);
        a.insert(
            "paths".into(),
            json!([found,
            {"label": "Not Found", "outputId": "__NOTFOUND__"},
            {"label": "Failure", "outputId": "__FAILURE__"}]),
        );
        Value::Object(a)
    }

    fn loop_action(&mut self, body: usize, depth: usize) -> Value {
        let (id, name, _) = self.variable(2);
        let mut a = self.base("LoopAction", "Retry lookup");
        a.insert("currentIndex".into(), var_ref(&name, "int", &id));
        a.insert("loopCount".into(), lit("3", "int", None));
        let mut path = json!({"label": "Loop", "outputId": "__LOOP__"});
        let chain = self.chain_actions(body.max(1), depth + 1, End::Open);
        if let Some(next) = self.link(chain) {
            path["nextActionId"] = json!(next);
        }
        a.insert("path".into(), path);
        Value::Object(a)
    }

    /// `evaluateScheduleGroup`. No public file shows its JSON type, so the key names here
    /// follow the pattern of the other actions; the flow parser treats unknown types generically.
    fn schedule_group_evaluation(&mut self, budget: usize) -> Value {
        let group = self.dice.pick(&self.objects.schedule_groups).clone();
        let emergency = self.dice.pick(&self.objects.emergency_groups).clone();
        let mut a = self.base("EvaluateScheduleGroupAction", "Evaluate Schedule Group");
        self.uses("scheduleGroup", &group, &a, "Evaluate Schedule Group");
        self.uses("emergencyGroup", &emergency, &a, "Evaluate Schedule Group");
        a.insert(
            "scheduleGroup".into(),
            lit(&group.name, "scg", Some(&group.id)),
        );
        a.insert(
            "emergencyGroup".into(),
            lit(&emergency.name, "emg", Some(&emergency.id)),
        );
        let each = (budget / 3).max(1);
        let mut paths = vec![json!({"label": "Open", "outputId": "__OPEN__"})];
        for (label, output) in [
            ("Closed", "__CLOSED__"),
            ("Holiday", "__HOLIDAY__"),
            ("Emergency", "__EMERGENCY__"),
        ] {
            let mut chain = vec![self.play_audio()];
            if each > 1 {
                chain.push(self.transfer(None));
            }
            chain.push(self.disconnect());
            let next = self.link(chain);
            paths.push(json!({"label": label, "outputId": output, "nextActionId": next}));
        }
        a.insert("paths".into(), json!(paths));
        Value::Object(a)
    }

    /// `TransferPureMatchAction` to one queue (or, now and then, a queue held in a variable).
    fn transfer(&mut self, queue: Option<Ref>) -> Value {
        let queue = queue.unwrap_or_else(|| self.dice.pick(&self.objects.queues).clone());
        let dynamic = self.dice.chance(4);
        let name = if dynamic {
            "Transfer to ACD".to_string()
        } else {
            format!("Transfer to {}", queue.name)
        };
        let mut a = self.base("TransferPureMatchAction", &name);
        let queue_value = if dynamic {
            let v = &self.variables[4];
            var_ref(v.name, "que", &v.id)
        } else {
            self.uses("queue", &queue, &a, "Transfer to ACD");
            lit(&queue.name, "que", Some(&queue.id))
        };
        let mut skills = Vec::new();
        if self.dice.chance(40) {
            let skill = self.dice.pick(&self.objects.skills).clone();
            self.uses("acdSkill", &skill, &a, "Transfer to ACD");
            skills.push(lit(&skill.name, "skl", Some(&skill.id)));
        }
        a.insert("useDefaultHandling".into(), json!(true));
        a.insert("priority".into(), lit("0", "int", None));
        a.insert("languageSkill".into(), emp("lac"));
        a.insert("queues".into(), json!([queue_value]));
        a.insert("skills".into(), json!(skills));
        a.insert("preTransferAudio".into(), self.prompts_value());
        a.insert(
            "paths".into(),
            json!([{"label": "Failure", "outputId": "__FAILURE__"}]),
        );
        Value::Object(a)
    }

    fn disconnect(&mut self) -> Value {
        Value::Object(self.base("DisconnectAction", "Disconnect"))
    }

    fn jump_to_menu(&mut self, menu: &Ref) -> Value {
        let mut a = self.base("TransferMenuAction", &format!("Jump to {}", menu.name));
        a.insert("menuReference".into(), json!(menu.id));
        a.insert("menuName".into(), json!(menu.name));
        Value::Object(a)
    }

    fn terminal(&mut self) -> Value {
        match self.ident.flow_type {
            "workflow" => Value::Object(self.base("EndWorkflowAction", "End Workflow")),
            "commonmodule" | "bot" => {
                let mut a = self.base("EndTaskAction", "End Task");
                a.insert("pathReference".into(), json!("__DEFAULT__"));
                a.insert("pathName".into(), json!("Default"));
                Value::Object(a)
            }
            _ => match self.main_menu.clone() {
                Some(menu) if self.dice.chance(30) => self.jump_to_menu(&menu),
                _ if self.tasks.len() > 1 && self.dice.chance(10) => {
                    let task = self.tasks[self.dice.int(0..=self.tasks.len() - 2)].clone();
                    let mut a = self.base("TransferTaskAction", &format!("Jump to {}", task.name));
                    a.insert("taskReference".into(), json!(task.id));
                    a.insert("taskName".into(), json!(task.name));
                    a.insert("inputs".into(), json!([]));
                    Value::Object(a)
                }
                _ => self.disconnect(),
            },
        }
    }
}

fn menu_choice_json(id: String, name: &str, digit: usize, action: Value) -> Value {
    json!({"globalDtmf": false, "speechRecTerms": {"fr-FR": []}, "id": id, "name": name,
           "action": action, "digit": digit})
}

fn variable_json(v: &Variable) -> Value {
    json!({"id": v.id, "isCollection": false, "isInternal": false, "isOutput": false,
           "isInput": false, "isSecure": false, "version": "1", "__type": v.ty, "name": v.name,
           "initialValue": emp("str")})
}

/// A literal value: `{config: {lit}, text, type, ...}`, with the resource id when it names one.
fn lit(text: &str, ty: &str, val: Option<&str>) -> Value {
    let mut literal = json!({"pos": 0, "text": text, "type": ty});
    if let Some(val) = val {
        literal["val"] = json!(val);
    }
    json!({"config": {"lit": literal}, "text": text, "type": ty,
           "uiMetaData": {"mode": 0}, "metaData": {}, "version": 2})
}

/// An empty value of type `ty`.
fn emp(ty: &str) -> Value {
    json!({"config": {"emp": {"pos": 0, "text": "", "type": ty}}, "text": "", "type": ty,
           "uiMetaData": {"mode": 0}, "metaData": {}, "version": 2})
}

/// A reference to a flow variable.
fn var_ref(name: &str, ty: &str, id: &str) -> Value {
    json!({"config": {"ref": {"pos": 0, "text": name, "type": ty, "val": id}}, "text": name,
           "type": ty, "uiMetaData": {"mode": 1}, "metaData": {}, "version": 2})
}

/// Audio playing one user prompt (or text to speech when `id` is none).
fn audio_value(name: &str, id: Option<&str>) -> Value {
    let (inner, text) = match id {
        Some(id) => (
            json!({"ToAudio": {"pos": 0, "operands": [{"lit": {"pos": 0, "text": name, "type": "pmt", "val": id}}]}}),
            format!("AudioPlaybackOptions(ToAudio(Prompt.{name}), true)"),
        ),
        None => (
            json!({"ToAudioTTS": {"pos": 0, "operands": [{"lit": {"pos": 0, "text": name, "type": "str"}}]}}),
            format!("AudioPlaybackOptions(ToAudioTTS(\"{name}\"), true)"),
        ),
    };
    json!({"config": {"AudioPlaybackOptions": {"pos": 0, "text": text, "operands": [inner]}},
           "text": text, "type": "aud", "uiMetaData": {"mode": 1}, "metaData": {}})
}
