//! File names for pages: from the name, stable, safe on every filesystem, and suffixed from
//! the id only when two names of one folder would give the same file (case-insensitively).

use std::collections::{BTreeMap, BTreeSet};

/// The longest slug, in bytes, before `.md`.
pub const MAX_BYTES: usize = 100;

const RESERVED: [&str; 4] = ["con", "prn", "aux", "nul"];

/// The slug of one name, before collisions are considered.
///
/// Letters and digits of any script are kept (lower-cased), `.` and `_` are kept, every other
/// run of characters becomes one `-`. Leading and trailing `-`, `.` are trimmed, Windows device
/// names get a `_` suffix, and the result is cut to [`MAX_BYTES`] on a character boundary.
pub fn base(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() || c == '_' || c == '.' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut slug = trim(&out).to_string();
    if slug.is_empty() {
        slug = "unnamed".to_string();
    }
    if is_reserved(&slug) {
        slug.push('_');
    }
    cut(&slug, MAX_BYTES)
}

fn trim(s: &str) -> &str {
    s.trim_matches(|c| c == '-' || c == '.')
}

/// Windows reserves these names with any extension (`con.md`, `com1.tar.md`).
fn is_reserved(slug: &str) -> bool {
    let stem = slug.split('.').next().unwrap_or(slug);
    if RESERVED.contains(&stem) {
        return true;
    }
    let digits = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '¹', '²', '³'];
    ["com", "lpt"].iter().any(|prefix| {
        stem.strip_prefix(prefix).is_some_and(|rest| {
            let mut chars = rest.chars();
            matches!((chars.next(), chars.next()), (Some(d), None) if digits.contains(&d))
        })
    })
}

/// Cuts to at most `max` bytes on a character boundary and re-trims the end.
fn cut(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let cut = trim(&s[..end]);
    if is_reserved(cut) {
        format!("{cut}_")
    } else {
        cut.to_string()
    }
}

/// The id part of a suffix: the id's letters and digits, lower-cased.
fn id_part(id: &str) -> String {
    id.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Slugs for every object of one folder, keyed by id. `items` is `(id, name)`.
///
/// Names whose base slugs collide all get an id suffix (`claims-3f2a9c1d`), so no slug depends
/// on which object came first. A suffixed slug that still collides takes more of the id, and
/// as a last resort a counter; items are considered in (base slug, id) order.
pub fn assign(items: &[(String, String)]) -> BTreeMap<String, String> {
    let mut groups: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for (id, name) in items {
        groups.entry(base(name)).or_default().push(id);
    }
    let mut taken: BTreeSet<String> = groups
        .iter()
        .filter(|(_, ids)| ids.len() == 1)
        .map(|(slug, _)| slug.clone())
        .collect();
    let mut out = BTreeMap::new();
    for (slug, mut ids) in groups {
        if ids.len() == 1 {
            out.insert(ids[0].to_string(), slug);
            continue;
        }
        ids.sort_unstable();
        for id in ids {
            let unique = suffixed(&slug, id, &taken);
            taken.insert(unique.clone());
            out.insert(id.to_string(), unique);
        }
    }
    out
}

fn suffixed(slug: &str, id: &str, taken: &BTreeSet<String>) -> String {
    let part = id_part(id);
    let part = if part.is_empty() {
        "x".to_string()
    } else {
        part
    };
    let lengths = [8, 12, 16, part.len()];
    for len in lengths {
        let tail = &part[..len.min(part.len())];
        let candidate = join(slug, tail);
        if !taken.contains(&candidate) {
            return candidate;
        }
    }
    (2..)
        .map(|n| join(slug, &format!("{part}-{n}")))
        .find(|c| !taken.contains(c))
        .expect("an unbounded counter always finds a free slug")
}

fn join(slug: &str, tail: &str) -> String {
    let room = MAX_BYTES.saturating_sub(tail.len() + 1);
    format!("{}-{tail}", cut(slug, room))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_names_give_safe_slugs() {
        let cases = [
            ("Claims FR", "claims-fr"),
            ("a/b\\c", "a-b-c"),
            ("../etc/passwd", "etc-passwd"),
            ("CON", "con_"),
            ("con.txt", "con.txt_"),
            ("Com1", "com1_"),
            ("LPT9", "lpt9_"),
            ("COM10", "com10"),
            ("trailing. ", "trailing"),
            ("name...", "name"),
            ("  spaced  ", "spaced"),
            ("Réclamations – Schäden", "réclamations-schäden"),
            ("ÉCOLE ÜBER", "école-über"),
            ("請求 🎉", "請求"),
            ("", "unnamed"),
            ("🎉", "unnamed"),
            ("1.10", "1.10"),
            ("a|b:c*d?e\"f<g>h", "a-b-c-d-e-f-g-h"),
        ];
        for (name, slug) in cases {
            assert_eq!(base(name), slug, "{name:?}");
        }
    }

    #[test]
    fn long_names_are_cut_on_a_character_boundary() {
        let name = "é".repeat(300);
        let slug = base(&name);
        assert!(slug.len() <= MAX_BYTES);
        assert_eq!(slug, "é".repeat(50));
        let odd = format!("a{}", "é".repeat(300));
        assert_eq!(base(&odd).len(), 99);
    }

    #[test]
    fn collisions_are_suffixed_from_the_id_case_insensitively() {
        let items = vec![
            ("3F2A9C1D-0000".to_string(), "Claims".to_string()),
            ("b7".to_string(), "claims".to_string()),
            ("c9".to_string(), "Billing".to_string()),
        ];
        let slugs = assign(&items);
        assert_eq!(slugs["3F2A9C1D-0000"], "claims-3f2a9c1d");
        assert_eq!(slugs["b7"], "claims-b7");
        assert_eq!(slugs["c9"], "billing");
    }

    #[test]
    fn suffixed_slugs_never_steal_a_plain_one() {
        let items = vec![
            ("ab".to_string(), "x".to_string()),
            ("cd".to_string(), "X".to_string()),
            ("ef".to_string(), "x-ab".to_string()),
        ];
        let slugs = assign(&items);
        assert_eq!(slugs["ef"], "x-ab");
        assert_eq!(slugs["ab"], "x-ab-2");
        assert_eq!(slugs["cd"], "x-cd");
        let long = "n".repeat(150);
        let items = vec![("1".to_string(), long.clone()), ("2".to_string(), long)];
        let slugs = assign(&items);
        assert_eq!(slugs["1"].len(), MAX_BYTES);
        assert!(slugs["1"].ends_with("-1"));
    }
}
