//! The whole organization as one model: every object, plus the reverse index of who uses
//! what, from which flow node. Built from a [`Snapshot`]; no I/O.
//!
//! [`Org::build`] parses each flow document and hands the graphs to [`Org::assemble`], which
//! reads every object list, resolves the references flows and objects make to each other,
//! and indexes them backwards (usages, referrers, entry points).

mod assemble;
#[cfg(test)]
pub(crate) mod fixture;
mod resolve;
#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashMap};

pub use resolve::{Resolver, places_of};

use serde_json::Value;

use crate::flow::{FlowError, FlowGraph, Reference};
use crate::kind::ObjectKind;
use crate::snapshot::{Gap, List, Snapshot};

/// An object's identity: its kind and its Genesys id.
pub type ObjectKey = (ObjectKind, String);

/// The organization model.
#[derive(Debug, Clone, Default)]
pub struct Org {
    /// The organization's name, when `organization.json` was read.
    pub name: Option<String>,
    /// The organization's id, when read.
    pub id: Option<String>,
    /// Every object of every documented kind except flows, sorted by name, then id.
    pub objects: BTreeMap<ObjectKind, Vec<Object>>,
    /// Every flow, sorted by type, name, id.
    pub flows: Vec<Flow>,
    /// The kinds whose list was read (a kind missing here was not read at all).
    pub read: Vec<ObjectKind>,
    /// For each object, every flow node that uses it, in reading order per flow.
    pub usages: BTreeMap<ObjectKey, Vec<Usage>>,
    /// For each object, the other objects that point at it (a queue at its wrap-up codes).
    pub referrers: BTreeMap<ObjectKey, Vec<Referrer>>,
    /// What could not be read or parsed, from the snapshot and from flow parsing.
    pub gaps: Vec<Gap>,
    /// A reference whose id is not found may still be matched by name: true only for export
    /// folders, whose flows carry ids gcdocs made up.
    pub names_for_unknown_ids: bool,
    /// Position of every object in its kind's list (flows in `flows`), for lookups by id.
    positions: HashMap<ObjectKey, usize>,
}

/// One configuration object that is not a flow.
#[derive(Debug, Clone, PartialEq)]
pub struct Object {
    /// The object's kind.
    pub kind: ObjectKind,
    /// The object's Genesys id.
    pub id: String,
    /// The object's name.
    pub name: String,
    /// Its description, if any.
    pub description: Option<String>,
    /// The name of its division, if any.
    pub division: Option<String>,
    /// The entity exactly as the API returned it.
    pub raw: Value,
    /// The objects (and flows) this object points at, in a fixed order per kind.
    pub links: Vec<Link>,
}

/// A pointer from one object to another, with the role it plays (`In-queue flow (call)`).
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// What the target is to the object (`Wrap-up code`, `Open hours flow`).
    pub role: String,
    /// The target.
    pub target: Ref,
}

/// A reference to an object, resolved against the org where possible.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ref {
    /// The target's kind (after mapping reference-only kinds such as `language-skill`).
    pub kind: ObjectKind,
    /// The id as the source gave it.
    pub id: Option<String>,
    /// The name as the source gave it, or for a dynamic reference the expression text.
    pub name: String,
    /// What the reference points at.
    pub resolution: Resolution,
}

/// The outcome of resolving a reference.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Resolution {
    /// The object with this id exists in the org.
    Found(String),
    /// The object is chosen at run time; the name is an expression.
    Dynamic,
    /// No object of the org matches (deleted, not read, or a kind without pages).
    Unresolved,
}

impl Ref {
    /// The id of the object this reference resolved to.
    pub fn found(&self) -> Option<&str> {
        match &self.resolution {
            Resolution::Found(id) => Some(id),
            _ => None,
        }
    }
}

/// One flow with its parsed graph, or the reason it has none.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    /// The flow's Genesys id.
    pub id: String,
    /// The flow's name.
    pub name: String,
    /// The lower-case flow type (`inboundcall`).
    pub flow_type: String,
    /// The name of its division, if any.
    pub division: Option<String>,
    /// Its description, if any.
    pub description: Option<String>,
    /// The published version id, if published.
    pub published_version: Option<String>,
    /// The latest checked-in (or saved) version id, if any.
    pub latest_version: Option<String>,
    /// Supported language tags, sorted.
    pub languages: Vec<String>,
    /// The parsed graph, when a document was read and parsed.
    pub graph: Option<FlowGraph>,
    /// Why there is no graph (no published version, document missing, parse error).
    pub no_graph: Option<String>,
    /// The graph's references, each resolved against the org, in the graph's order.
    pub references: Vec<FlowRef>,
    /// The entity exactly as the API returned it.
    pub raw: Value,
}

/// One reference of a flow graph with its resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowRef {
    /// The reference as the flow parser found it.
    pub reference: Reference,
    /// Where it points in the org.
    pub target: Ref,
}

/// Where inside a flow something is used. Indexes point into the flow's graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    /// Flow-level: a flow setting, or only the document's manifest names it.
    Flow,
    /// A container as a whole (`graph.containers[container]`).
    Container {
        /// Index of the container.
        container: usize,
    },
    /// One action (`graph.containers[container].actions[action]`).
    Action {
        /// Index of the container.
        container: usize,
        /// Index of the action inside the container.
        action: usize,
    },
    /// One menu choice (`graph.containers[container].menu.choices[choice]`).
    Choice {
        /// Index of the container.
        container: usize,
        /// Index of the choice inside the menu.
        choice: usize,
    },
}

/// One flow node that uses an object.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Usage {
    /// The id of the flow.
    pub flow: String,
    /// Where in the flow.
    pub place: Place,
}

/// An object that points at another object, with the role the target plays for it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Referrer {
    /// The object that points.
    pub from: ObjectKey,
    /// The link's role (`Wrap-up code`, `Open hours flow`).
    pub role: String,
}

/// One way into a flow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryPoint {
    /// An IVR route, queue or emergency group names the flow.
    Object(Referrer),
    /// Another flow transfers to or calls this flow from a node.
    Flow(Usage),
}

impl Org {
    /// Builds the model from a snapshot, parsing every flow document it holds.
    pub fn build(snapshot: &Snapshot) -> Org {
        let mut graphs = BTreeMap::new();
        for flow in snapshot.list(List::Flows) {
            let Some(id) = flow.get("id").and_then(Value::as_str) else {
                continue;
            };
            if let Some(doc) = snapshot.document_for(flow) {
                graphs.insert(id.to_string(), crate::flow::parse_document(doc));
            }
        }
        Org::assemble(snapshot, &graphs)
    }

    /// Builds the model from a snapshot and the already parsed flow documents, keyed by flow
    /// id. A flow without an entry has no document in the snapshot.
    pub fn assemble(
        snapshot: &Snapshot,
        graphs: &BTreeMap<String, Result<FlowGraph, FlowError>>,
    ) -> Org {
        let mut org = assemble::read(snapshot, graphs);
        for (kind, objects) in &org.objects {
            for (i, o) in objects.iter().enumerate() {
                org.positions.insert((kind.clone(), o.id.clone()), i);
            }
        }
        for (i, f) in org.flows.iter().enumerate() {
            org.positions.insert((ObjectKind::Flow, f.id.clone()), i);
        }
        // Export files carry no flow ids of their own (gcdocs names them from the file path),
        // so there a flow reference may be matched by name; elsewhere an id that is not found
        // stays unresolved rather than being pointed at a namesake.
        org.names_for_unknown_ids = snapshot.meta.source == crate::snapshot::Source::Export;
        resolve::link(&mut org);
        org
    }

    /// The objects of one kind, sorted by name (empty for flows and unread kinds).
    pub fn objects_of(&self, kind: &ObjectKind) -> &[Object] {
        self.objects.get(kind).map_or(&[], Vec::as_slice)
    }

    /// The object of this kind and id.
    pub fn object(&self, kind: &ObjectKind, id: &str) -> Option<&Object> {
        let at = *self.positions.get(&(kind.clone(), id.to_string()))?;
        self.objects_of(kind).get(at).filter(|o| o.id == id)
    }

    /// The flow with this id.
    pub fn flow(&self, id: &str) -> Option<&Flow> {
        let at = *self.positions.get(&(ObjectKind::Flow, id.to_string()))?;
        self.flows.get(at).filter(|f| f.id == id)
    }

    /// The name of any object or flow, when it exists.
    pub fn name_of(&self, kind: &ObjectKind, id: &str) -> Option<&str> {
        match kind {
            ObjectKind::Flow => self.flow(id).map(|f| f.name.as_str()),
            other => self.object(other, id).map(|o| o.name.as_str()),
        }
    }

    /// Every flow node that uses this object.
    pub fn usages_of(&self, kind: &ObjectKind, id: &str) -> &[Usage] {
        self.usages
            .get(&(kind.clone(), id.to_string()))
            .map_or(&[], Vec::as_slice)
    }

    /// Every object that points at this object.
    pub fn referrers_of(&self, kind: &ObjectKind, id: &str) -> &[Referrer] {
        self.referrers
            .get(&(kind.clone(), id.to_string()))
            .map_or(&[], Vec::as_slice)
    }

    /// The ways into a flow: IVR routes, queues and emergency groups that name it, then the
    /// flows that transfer to or call it.
    pub fn entry_points(&self, flow_id: &str) -> Vec<EntryPoint> {
        let objects = self.referrers_of(&ObjectKind::Flow, flow_id);
        let flows = self.usages_of(&ObjectKind::Flow, flow_id);
        objects
            .iter()
            .cloned()
            .map(EntryPoint::Object)
            .chain(flows.iter().cloned().map(EntryPoint::Flow))
            .collect()
    }

    /// Whether the list of this kind was read (flows included).
    pub fn was_read(&self, kind: &ObjectKind) -> bool {
        self.read.contains(kind)
    }
}
