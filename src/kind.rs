//! The object kinds gcdocs documents, with the one word each is known by everywhere:
//! front matter, gaps, summaries, folder names and URLs (see docs/internals.md, section 3).

use std::fmt;

/// A kind of configuration object a flow can use or a page can describe.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ObjectKind {
    /// An Architect flow of any type.
    Flow,
    /// An ACD queue.
    Queue,
    /// An ACD skill.
    Skill,
    /// A routing language.
    Language,
    /// A wrap-up code.
    WrapupCode,
    /// A SIP or other trunk.
    Trunk,
    /// Trunk base settings.
    TrunkBase,
    /// A telephony site.
    Site,
    /// An IVR routing configuration (call route): DIDs to flows.
    Ivr,
    /// A schedule.
    Schedule,
    /// A schedule group.
    ScheduleGroup,
    /// An emergency group.
    EmergencyGroup,
    /// A user prompt.
    Prompt,
    /// A data table.
    DataTable,
    /// A data action.
    DataAction,
    /// A user (reference only).
    User,
    /// A group (reference only).
    Group,
    /// A phone number (reference only).
    PhoneNumber,
    /// A script (reference only).
    Script,
    /// A system prompt (reference only).
    SystemPrompt,
    /// A language skill (reference only).
    LanguageSkill,
    /// Any other kind, by its kebab-case word (`contact-list`, `knowledge-base`, ...).
    Other(String),
}

/// The kinds that get a page and a folder of their own, in navigation order.
pub const DOCUMENTED: [ObjectKind; 15] = [
    ObjectKind::Flow,
    ObjectKind::Queue,
    ObjectKind::Skill,
    ObjectKind::Language,
    ObjectKind::WrapupCode,
    ObjectKind::Trunk,
    ObjectKind::TrunkBase,
    ObjectKind::Site,
    ObjectKind::Ivr,
    ObjectKind::Schedule,
    ObjectKind::ScheduleGroup,
    ObjectKind::EmergencyGroup,
    ObjectKind::Prompt,
    ObjectKind::DataTable,
    ObjectKind::DataAction,
];

impl ObjectKind {
    /// The kind's word (`wrapup-code`).
    pub fn as_str(&self) -> &str {
        match self {
            ObjectKind::Flow => "flow",
            ObjectKind::Queue => "queue",
            ObjectKind::Skill => "skill",
            ObjectKind::Language => "language",
            ObjectKind::WrapupCode => "wrapup-code",
            ObjectKind::Trunk => "trunk",
            ObjectKind::TrunkBase => "trunk-base",
            ObjectKind::Site => "site",
            ObjectKind::Ivr => "ivr",
            ObjectKind::Schedule => "schedule",
            ObjectKind::ScheduleGroup => "schedule-group",
            ObjectKind::EmergencyGroup => "emergency-group",
            ObjectKind::Prompt => "prompt",
            ObjectKind::DataTable => "data-table",
            ObjectKind::DataAction => "data-action",
            ObjectKind::User => "user",
            ObjectKind::Group => "group",
            ObjectKind::PhoneNumber => "phone-number",
            ObjectKind::Script => "script",
            ObjectKind::SystemPrompt => "system-prompt",
            ObjectKind::LanguageSkill => "language-skill",
            ObjectKind::Other(word) => word,
        }
    }

    /// Reads a kind's word; any word not listed becomes [`ObjectKind::Other`].
    pub fn parse(word: &str) -> ObjectKind {
        let all = DOCUMENTED.iter().cloned().chain([
            ObjectKind::User,
            ObjectKind::Group,
            ObjectKind::PhoneNumber,
            ObjectKind::Script,
            ObjectKind::SystemPrompt,
            ObjectKind::LanguageSkill,
        ]);
        all.into_iter()
            .find(|k| k.as_str() == word)
            .unwrap_or_else(|| ObjectKind::Other(word.to_string()))
    }

    /// The content-tree folder of this kind's pages (`wrapup-codes`).
    pub fn dir(&self) -> String {
        match self {
            ObjectKind::Flow => "flows".into(),
            ObjectKind::Queue => "queues".into(),
            ObjectKind::Skill => "skills".into(),
            ObjectKind::Language => "languages".into(),
            ObjectKind::WrapupCode => "wrapup-codes".into(),
            ObjectKind::Trunk => "trunks".into(),
            ObjectKind::TrunkBase => "trunk-bases".into(),
            ObjectKind::Site => "sites".into(),
            ObjectKind::Ivr => "ivrs".into(),
            ObjectKind::Schedule => "schedules".into(),
            ObjectKind::ScheduleGroup => "schedule-groups".into(),
            ObjectKind::EmergencyGroup => "emergency-groups".into(),
            ObjectKind::Prompt => "prompts".into(),
            ObjectKind::DataTable => "data-tables".into(),
            ObjectKind::DataAction => "data-actions".into(),
            other => format!("{}s", other.as_str()),
        }
    }

    /// Singular title for headings (`Wrap-up code`).
    pub fn title(&self) -> String {
        match self {
            ObjectKind::Flow => "Flow".into(),
            ObjectKind::Queue => "Queue".into(),
            ObjectKind::Skill => "Skill".into(),
            ObjectKind::Language => "Language".into(),
            ObjectKind::WrapupCode => "Wrap-up code".into(),
            ObjectKind::Trunk => "Trunk".into(),
            ObjectKind::TrunkBase => "Trunk base settings".into(),
            ObjectKind::Site => "Site".into(),
            ObjectKind::Ivr => "IVR route".into(),
            ObjectKind::Schedule => "Schedule".into(),
            ObjectKind::ScheduleGroup => "Schedule group".into(),
            ObjectKind::EmergencyGroup => "Emergency group".into(),
            ObjectKind::Prompt => "Prompt".into(),
            ObjectKind::DataTable => "Data table".into(),
            ObjectKind::DataAction => "Data action".into(),
            ObjectKind::User => "User".into(),
            ObjectKind::Group => "Group".into(),
            ObjectKind::PhoneNumber => "Phone number".into(),
            ObjectKind::Script => "Script".into(),
            ObjectKind::SystemPrompt => "System prompt".into(),
            ObjectKind::LanguageSkill => "Language skill".into(),
            ObjectKind::Other(word) => {
                let words: Vec<String> = word
                    .split('-')
                    .enumerate()
                    .map(|(i, w)| match w {
                        "tts" | "stt" | "nlu" | "acd" | "ivr" | "sms" => w.to_uppercase(),
                        _ if i == 0 => {
                            let mut chars = w.chars();
                            chars.next().map_or_else(String::new, |c| {
                                c.to_uppercase().chain(chars).collect()
                            })
                        }
                        _ => w.to_string(),
                    })
                    .collect();
                words.join(" ")
            }
        }
    }

    /// Plural title for indexes and navigation (`Wrap-up codes`).
    pub fn plural_title(&self) -> String {
        match self {
            ObjectKind::TrunkBase => "Trunk base settings".into(),
            ObjectKind::Ivr => "IVR routes".into(),
            other => format!("{}s", other.title()),
        }
    }
}

impl fmt::Display for ObjectKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for ObjectKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for ObjectKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let word = String::deserialize(d)?;
        Ok(ObjectKind::parse(&word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        for kind in DOCUMENTED {
            assert_eq!(ObjectKind::parse(kind.as_str()), kind);
        }
        assert_eq!(ObjectKind::parse("contact-list").title(), "Contact list");
        assert_eq!(ObjectKind::parse("tts-voice").plural_title(), "TTS voices");
        assert_eq!(ObjectKind::WrapupCode.dir(), "wrapup-codes");
    }
}
