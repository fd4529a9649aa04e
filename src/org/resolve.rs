//! Resolves the references of flows and objects against the org (by id first, then by
//! exact name, then by case-insensitive name when unique) and builds the reverse index.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{FlowRef, Link, Org, Place, Ref, Referrer, Resolution, Usage};
use crate::flow::{FlowGraph, Target};
use crate::kind::ObjectKind;

/// Names and ids of every object of one kind.
#[derive(Default)]
struct KindIndex {
    ids: BTreeSet<String>,
    exact: HashMap<String, Vec<String>>,
    folded: HashMap<String, Vec<String>>,
}

/// Lookup tables for every kind that has pages: resolves a reference by id; a reference
/// without an id (or, where ids are not the org's, one whose id is unknown) by exact name,
/// then by case-insensitive name when that is unique.
#[derive(Default)]
pub struct Resolver {
    kinds: HashMap<ObjectKind, KindIndex>,
    /// Match a reference whose id is unknown by its name (export folders only).
    names_for_unknown_ids: bool,
}

impl Resolver {
    /// Indexes every object and flow of the org.
    pub fn new(org: &Org) -> Resolver {
        let mut resolver = Resolver {
            names_for_unknown_ids: org.names_for_unknown_ids,
            ..Resolver::default()
        };
        for objects in org.objects.values() {
            for o in objects {
                resolver.add(&o.kind, &o.id, &o.name);
            }
        }
        for f in &org.flows {
            resolver.add(&ObjectKind::Flow, &f.id, &f.name);
        }
        resolver
    }

    fn add(&mut self, kind: &ObjectKind, id: &str, name: &str) {
        let index = self.kinds.entry(kind.clone()).or_default();
        index.ids.insert(id.to_string());
        index
            .exact
            .entry(name.to_string())
            .or_default()
            .push(id.to_string());
        index
            .folded
            .entry(name.to_lowercase())
            .or_default()
            .push(id.to_string());
    }

    /// Resolves one reference of `kind` by id, then exact name, then unique folded name.
    pub fn resolve(&self, kind: &ObjectKind, id: Option<&str>, name: &str) -> Resolution {
        let Some(index) = self.kinds.get(kind) else {
            return Resolution::Unresolved;
        };
        if let Some(id) = id.filter(|id| !id.is_empty()) {
            if index.ids.contains(id) {
                return Resolution::Found(id.to_string());
            }
            // An object the run could not see (another division, deleted) is not replaced
            // by one that happens to share its name.
            if !self.names_for_unknown_ids {
                return Resolution::Unresolved;
            }
        }
        let unique = |ids: Option<&Vec<String>>| match ids.map(Vec::as_slice) {
            Some([only]) => Some(only.clone()),
            _ => None,
        };
        if let Some(ids) = index.exact.get(name) {
            return unique(Some(ids)).map_or(Resolution::Unresolved, Resolution::Found);
        }
        unique(index.folded.get(&name.to_lowercase()))
            .map_or(Resolution::Unresolved, Resolution::Found)
    }

    fn resolve_ref(&self, r: &mut Ref) {
        if r.resolution != Resolution::Dynamic {
            r.resolution = self.resolve(&r.kind, r.id.as_deref(), &r.name);
        }
    }
}

/// Reference-only kinds that name a documented kind.
fn page_kind(kind: &ObjectKind) -> ObjectKind {
    match kind {
        ObjectKind::LanguageSkill => ObjectKind::Language,
        other => other.clone(),
    }
}

/// Resolves every link and flow reference and fills the reverse index.
pub(super) fn link(org: &mut Org) {
    let resolver = Resolver::new(org);
    for objects in org.objects.values_mut() {
        for o in objects.iter_mut() {
            for l in &mut o.links {
                resolver.resolve_ref(&mut l.target);
            }
        }
    }
    add_trunk_sites(org);
    for f in &mut org.flows {
        let Some(graph) = &f.graph else { continue };
        f.references = graph
            .references
            .iter()
            .map(|reference| {
                let mut target = Ref {
                    kind: page_kind(&reference.kind),
                    id: reference.id.clone(),
                    name: reference.name.clone(),
                    resolution: if reference.dynamic {
                        Resolution::Dynamic
                    } else {
                        Resolution::Unresolved
                    },
                };
                resolver.resolve_ref(&mut target);
                FlowRef {
                    reference: reference.clone(),
                    target,
                }
            })
            .collect();
    }
    org.referrers = referrers(org);
    org.usages = usages(org, &resolver);
}

/// A trunk's site is the site of its trunk base settings.
fn add_trunk_sites(org: &mut Org) {
    let sites: HashMap<String, Ref> = org
        .objects_of(&ObjectKind::TrunkBase)
        .iter()
        .filter_map(|base| {
            let site = base.links.iter().find(|l| l.role == "Site")?;
            Some((base.id.clone(), site.target.clone()))
        })
        .collect();
    if let Some(trunks) = org.objects.get_mut(&ObjectKind::Trunk) {
        for trunk in trunks {
            let base = trunk
                .links
                .iter()
                .find(|l| l.target.kind == ObjectKind::TrunkBase)
                .and_then(|l| l.target.found().map(str::to_string));
            if let Some(site) = base.and_then(|b| sites.get(&b)) {
                trunk.links.push(Link {
                    role: "Site".into(),
                    target: site.clone(),
                });
            }
        }
    }
}

fn referrers(org: &Org) -> BTreeMap<(ObjectKind, String), Vec<Referrer>> {
    let mut out: BTreeMap<_, Vec<Referrer>> = BTreeMap::new();
    for o in org.objects.values().flatten() {
        for l in &o.links {
            if let Some(id) = l.target.found() {
                out.entry((l.target.kind.clone(), id.to_string()))
                    .or_default()
                    .push(Referrer {
                        from: (o.kind.clone(), o.id.clone()),
                        role: l.role.clone(),
                    });
            }
        }
    }
    for list in out.values_mut() {
        list.sort();
        list.dedup();
    }
    out
}

/// Where each node id of a graph sits: containers, actions, then menu choices (which win
/// over the actions behind them).
pub fn places_of(graph: &FlowGraph) -> HashMap<&str, Place> {
    let mut out = HashMap::new();
    for (c, container) in graph.containers.iter().enumerate() {
        out.insert(container.id.as_str(), Place::Container { container: c });
        for (a, action) in container.actions.iter().enumerate() {
            out.insert(
                action.id.as_str(),
                Place::Action {
                    container: c,
                    action: a,
                },
            );
        }
    }
    for (c, container) in graph.containers.iter().enumerate() {
        let choices = container.menu.iter().flat_map(|m| m.choices.iter());
        for (i, choice) in choices.enumerate() {
            let place = Place::Choice {
                container: c,
                choice: i,
            };
            for id in choice.id.iter().chain(choice.action.iter()) {
                out.insert(id.as_str(), place);
            }
        }
    }
    out
}

fn usages(org: &Org, resolver: &Resolver) -> BTreeMap<(ObjectKind, String), Vec<Usage>> {
    let mut out: BTreeMap<_, BTreeSet<Usage>> = BTreeMap::new();
    for f in &org.flows {
        let Some(graph) = &f.graph else { continue };
        let places = places_of(graph);
        for r in &f.references {
            let Some(id) = r.target.found() else { continue };
            let key = (r.target.kind.clone(), id.to_string());
            let entry = out.entry(key).or_default();
            if r.reference.used_by.is_empty() {
                entry.insert(usage(&f.id, Place::Flow));
            }
            for node in &r.reference.used_by {
                let place = places.get(node.as_str()).copied().unwrap_or(Place::Flow);
                entry.insert(usage(&f.id, place));
            }
        }
        let edges = graph.edges.iter().map(|e| {
            let place = places.get(e.from.as_str()).copied().unwrap_or(Place::Flow);
            (place, &e.to)
        });
        for (place, target) in flow_targets(graph).into_iter().chain(edges) {
            if let Target::Flow { id, name } = target {
                if let Resolution::Found(to) =
                    resolver.resolve(&ObjectKind::Flow, id.as_deref(), name)
                {
                    out.entry((ObjectKind::Flow, to))
                        .or_default()
                        .insert(usage(&f.id, place));
                }
            }
        }
    }
    out.into_iter()
        .map(|(k, v)| (k, v.into_iter().collect()))
        .collect()
}

fn usage(flow: &str, place: Place) -> Usage {
    Usage {
        flow: flow.to_string(),
        place,
    }
}

/// Every output and menu choice target of a graph, with the place it leaves from.
fn flow_targets(graph: &FlowGraph) -> Vec<(Place, &Target)> {
    let mut out = Vec::new();
    for (c, container) in graph.containers.iter().enumerate() {
        for (a, action) in container.actions.iter().enumerate() {
            let place = Place::Action {
                container: c,
                action: a,
            };
            out.extend(action.outputs.iter().map(|o| (place, &o.target)));
        }
        let choices = container.menu.iter().flat_map(|m| m.choices.iter());
        for (i, choice) in choices.enumerate() {
            let place = Place::Choice {
                container: c,
                choice: i,
            };
            out.push((place, &choice.target));
        }
    }
    out
}
