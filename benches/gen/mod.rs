//! The seeded synthetic organization used by the benchmarks: every object list of the
//! snapshot layout (docs/internals.md, section 1) in realistic proportions, and a flow
//! document per published flow in Architect's own JSON shape.
//!
//! One seed gives one organization, byte for byte: every random choice comes from one
//! `fastrand::Rng` per part, seeded from the options, and every map keeps insertion order.
//! The proportions are those of a large contact centre: at 2,000 flows there are 3,000
//! queues, 800 skills, 1,000 wrap-up codes, 600 IVRs and a few very large flows.

pub mod flowdoc;
pub mod objects;
pub mod standin;

use serde_json::{Value, json};

use gcdocs::snapshot::{FORMAT, FlowVersion, List, Meta, Snapshot, Source};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Number of flows (every other count follows from it).
    pub flows: usize,
    /// The seed: the same seed and size give byte-identical output.
    pub seed: u64,
}

/// How many objects of each kind an organization of `flows` flows holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Flows.
    pub flows: usize,
    /// Queues (1.5 per flow).
    pub queues: usize,
    /// Skills.
    pub skills: usize,
    /// Routing languages.
    pub languages: usize,
    /// Wrap-up codes.
    pub wrapup_codes: usize,
    /// Trunks.
    pub trunks: usize,
    /// Trunk base settings.
    pub trunk_bases: usize,
    /// Telephony sites.
    pub sites: usize,
    /// IVR routing configurations.
    pub ivrs: usize,
    /// Schedules.
    pub schedules: usize,
    /// Schedule groups.
    pub schedule_groups: usize,
    /// Emergency groups.
    pub emergency_groups: usize,
    /// User prompts.
    pub prompts: usize,
    /// Data tables.
    pub data_tables: usize,
    /// Data actions.
    pub data_actions: usize,
}

impl Counts {
    /// The proportions of a large organization, scaled to `flows`.
    pub fn for_flows(flows: usize) -> Counts {
        let at_least = |n: usize, min: usize| n.max(min);
        Counts {
            flows,
            queues: at_least(flows * 3 / 2, 2),
            skills: at_least(flows * 2 / 5, 2),
            languages: 8 + flows / 200,
            wrapup_codes: at_least(flows / 2, 2),
            trunks: at_least(flows / 100, 2),
            trunk_bases: at_least(flows / 200, 1),
            sites: at_least(flows / 200, 1),
            ivrs: at_least(flows * 3 / 10, 1),
            schedules: at_least(flows / 5, 2),
            schedule_groups: at_least(flows / 10, 1),
            emergency_groups: at_least(flows / 100, 1),
            prompts: at_least(flows * 3 / 5, 2),
            data_tables: at_least(flows / 20, 1),
            data_actions: at_least(flows / 10, 2),
        }
    }

    /// Objects of every kind together.
    pub fn total(&self) -> usize {
        self.flows
            + self.queues
            + self.skills
            + self.languages
            + self.wrapup_codes
            + self.trunks
            + self.trunk_bases
            + self.sites
            + self.ivrs
            + self.schedules
            + self.schedule_groups
            + self.emergency_groups
            + self.prompts
            + self.data_tables
            + self.data_actions
    }
}

/// A reference to one generated object: its id and name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    /// The object's id.
    pub id: String,
    /// The object's name.
    pub name: String,
}

/// The generated organization: the API's list entities plus the flow documents.
#[derive(Debug, Clone)]
pub struct SynthOrg {
    /// The sizes it was generated with.
    pub counts: Counts,
    /// The snapshot, ready to save.
    pub snapshot: Snapshot,
}

/// Generates the organization for `options`.
pub fn generate(options: &Options) -> SynthOrg {
    let counts = Counts::for_flows(options.flows);
    let mut objects = objects::Objects::generate(&counts, options.seed);
    let flows = flowdoc::generate(&counts, &objects, options.seed);
    let mut snapshot = Snapshot {
        meta: Meta {
            format: FORMAT,
            captured_at: Some("2026-11-30T02:00:00Z".into()),
            source: Source::Live,
            region: Some("eu-west-1".into()),
            flow_version: FlowVersion::Published,
        },
        organization: Some(objects.organization.clone()),
        ..Snapshot::default()
    };
    for (list, entities) in objects.lists.drain(..) {
        snapshot.lists.insert(list, entities);
    }
    snapshot.lists.insert(List::Flows, flows.entities);
    snapshot.queue_wrapup_codes = objects.queue_wrapup_codes.clone();
    snapshot.flow_documents = flows.documents;
    SynthOrg { counts, snapshot }
}

/// A source of ids, names and choices for one part of the organization.
pub struct Dice {
    rng: fastrand::Rng,
}

impl Dice {
    /// A generator for `part`, independent of every other part for the same seed.
    pub fn new(seed: u64, part: &str) -> Dice {
        let salt = part.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        Dice {
            rng: fastrand::Rng::with_seed(seed ^ salt),
        }
    }

    /// A GUID-shaped id, as the API uses.
    pub fn guid(&mut self) -> String {
        let a = self.rng.u64(..);
        let b = self.rng.u64(..);
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            a >> 32,
            (a >> 16) & 0xffff,
            a & 0x0fff,
            0x8000 | (b >> 48) & 0x3fff,
            b & 0xffff_ffff_ffff
        )
    }

    /// A number in `range`.
    pub fn int(&mut self, range: std::ops::RangeInclusive<usize>) -> usize {
        self.rng.usize(range)
    }

    /// True with probability `percent` in 100.
    pub fn chance(&mut self, percent: u8) -> bool {
        self.rng.u8(0..100) < percent
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.rng.usize(..items.len())]
    }

    /// An index chosen by `weights`.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut roll = self.rng.u32(0..total);
        for (i, w) in weights.iter().enumerate() {
            if roll < *w {
                return i;
            }
            roll -= w;
        }
        weights.len() - 1
    }
}

/// Words real organizations name their routing objects with.
pub const DEPARTMENTS: [&str; 24] = [
    "Claims",
    "Billing",
    "Sales",
    "Renewals",
    "Support",
    "Technical",
    "Collections",
    "Retention",
    "Onboarding",
    "Fraud",
    "Complaints",
    "Payments",
    "Roadside",
    "Travel",
    "Health",
    "Home",
    "Motor",
    "Pet",
    "Life",
    "Pensions",
    "Mortgages",
    "Cards",
    "Loans",
    "Savings",
];

/// Market suffixes, in the way queue names carry them.
pub const MARKETS: [&str; 12] = [
    "FR", "DE", "UK", "ES", "IT", "NL", "BE-FR", "BE-NL", "CH-DE", "JP", "US", "CA-FR",
];

/// Names that test every layer: accents, scripts, quotes, pipes, brackets, emoji.
pub const UNUSUAL: [&str; 10] = [
    "Réclamations Île-de-France",
    "Kündigung & Widerruf",
    "請求・お支払い",
    "\"VIP\" | Gold <24/7>",
    "Back-office: niveau #2",
    "end",
    "Claims/Motor (FR)",
    "Überweisung…",
    "CON",
    "Priorité 🚑 urgences",
];

/// A realistic, unique name: `<department> <tier> <market> <n>`, now and then unusual.
pub fn object_name(dice: &mut Dice, prefix: &str, n: usize) -> String {
    if n % 97 == 13 {
        return format!("{prefix}{} {n}", dice.pick(&UNUSUAL));
    }
    let tier = dice.pick(&["", "Premium ", "Standard ", "Overflow ", "Callback "]);
    format!(
        "{prefix}{} {tier}{} {n:04}",
        dice.pick(&DEPARTMENTS),
        dice.pick(&MARKETS)
    )
}

/// `{id, name, selfUri}` as every reference in an API response.
pub fn entity_ref(r: &Ref, path: &str) -> Value {
    json!({"id": r.id, "name": r.name, "selfUri": format!("{path}/{}", r.id)})
}

/// A date-time inside 2025–2026, in the API's format.
pub fn date_time(dice: &mut Dice) -> String {
    format!(
        "202{}-{:02}-{:02}T{:02}:{:02}:{:02}.000Z",
        dice.int(5..=6),
        dice.int(1..=12),
        dice.int(1..=28),
        dice.int(0..=23),
        dice.int(0..=59),
        dice.int(0..=59)
    )
}
