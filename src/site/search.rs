//! The search index: elasticlunr-rs over titles, headings, the names of used objects and body
//! text, written as `search-index.js` (a script that assigns a global, so it loads from
//! file:// too). Small by design: integer document refs plus a URL table, words cut at a
//! set length, no code, script or style text, and empty trie fields dropped.

use std::io::Write as _;

use elasticlunr::{IndexBuilder, Language, Pipeline};
use serde_json::{Map, Value, json};

/// The fields indexed, in the order documents give them, with the boost the browser applies.
pub const FIELDS: [(&str, u32); 4] = [("title", 4), ("uses", 3), ("headings", 2), ("body", 1)];

/// One document of the index.
#[derive(Debug, Clone, Default)]
pub struct SearchDoc {
    /// Site path of the page.
    pub url: String,
    /// Title shown in results.
    pub title: String,
    /// Kind or section shown beside the title.
    pub kind: String,
    /// Heading texts, space-separated.
    pub headings: String,
    /// Names of the objects the page uses, space-separated.
    pub uses: String,
    /// Body text.
    pub body: String,
}

/// The index file and its sizes.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    /// The contents of `search-index.js`.
    pub script: String,
    /// Gzipped size in bytes.
    pub gzipped: usize,
}

/// Our tokenizer for elasticlunr: lower case, split at anything that is not a letter or digit
/// of any script, words cut to `max_len` characters; no stemming, so the browser side can
/// split a query the same way.
struct Words {
    max_len: usize,
}

impl Language for Words {
    fn name(&self) -> String {
        "Words".into()
    }

    fn code(&self) -> String {
        "words".into()
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        tokenize(text, self.max_len)
    }

    fn make_pipeline(&self) -> Pipeline {
        Pipeline { queue: Vec::new() }
    }
}

/// Splits text into index words (see [`Words`]).
pub fn tokenize(text: &str, max_len: usize) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().chars().take(max_len).collect())
        .collect()
}

/// Builds the index of `docs` (document ref = position in `docs`).
pub fn build(docs: &[SearchDoc], max_len: usize) -> SearchIndex {
    let names: Vec<&str> = FIELDS.iter().map(|(name, _)| *name).collect();
    let mut index = IndexBuilder::with_language(Box::new(Words { max_len }))
        .save_docs(false)
        .add_fields(&names)
        .set_ref("ref")
        .build();
    for (number, doc) in docs.iter().enumerate() {
        index.add_doc(
            &number.to_string(),
            [&doc.title, &doc.uses, &doc.headings, &doc.body],
        );
    }
    let full: Value =
        serde_json::from_str(&index.to_json()).expect("elasticlunr writes valid JSON");
    let table: Vec<Value> = docs
        .iter()
        .map(|d| json!([d.url, d.title, d.kind]))
        .collect();
    let boosts: Map<String, Value> = FIELDS
        .iter()
        .map(|(n, b)| ((*n).to_string(), json!(b)))
        .collect();
    let payload = json!({
        "version": 1,
        "maxLen": max_len,
        "boosts": boosts,
        "docs": table,
        "index": compact_fields(&full["index"]),
    });
    let script = format!("window.gcdocsSearch = {payload};\n");
    let gzipped = gzip_len(script.as_bytes());
    SearchIndex { script, gzipped }
}

fn compact_fields(fields: &Value) -> Value {
    let Some(fields) = fields.as_object() else {
        return json!({});
    };
    let compacted: Map<String, Value> = fields
        .iter()
        .map(|(name, field)| (name.clone(), compact_node(&field["root"])))
        .collect();
    Value::Object(compacted)
}

/// A trie node without its `df` (the browser counts `docs`) and without empty `docs`;
/// term frequencies rounded to two decimals.
fn compact_node(node: &Value) -> Value {
    let mut out = Map::new();
    let Some(map) = node.as_object() else {
        return Value::Object(out);
    };
    for (key, value) in map {
        match key.as_str() {
            "df" => {}
            "docs" => {
                let docs: Map<String, Value> = value
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(doc, tf)| (doc.clone(), json!(round2(tf["tf"].as_f64().unwrap_or(1.0)))))
                    .collect();
                if !docs.is_empty() {
                    out.insert("$".into(), Value::Object(docs));
                }
            }
            child => {
                out.insert(child.to_string(), compact_node(value));
            }
        }
    }
    Value::Object(out)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let written = encoder.write_all(bytes).and_then(|()| encoder.finish());
    written.map_or(bytes.len(), |v| v.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizer_splits_any_script_and_cuts_long_words() {
        assert_eq!(
            tokenize("Claims-FR Réclamations 請求 <script>", 6),
            vec!["claims", "fr", "réclam", "請求", "script"]
        );
    }

    #[test]
    fn index_has_integer_refs_and_url_table() {
        let docs = vec![SearchDoc {
            url: "flows/a.html".into(),
            title: "Main IVR".into(),
            kind: "Flow".into(),
            uses: "Claims-FR".into(),
            ..SearchDoc::default()
        }];
        let index = build(&docs, 24);
        let json = index
            .script
            .strip_prefix("window.gcdocsSearch = ")
            .expect("prefix");
        let value: Value =
            serde_json::from_str(json.trim_end().trim_end_matches(';')).expect("json");
        assert_eq!(value["docs"], json!([["flows/a.html", "Main IVR", "Flow"]]));
        assert_eq!(value["index"]["uses"]["f"]["r"]["$"], json!({"0": 1.0}));
        assert!(value["index"]["title"]["m"]["a"]["i"]["n"]["$"].is_object());
    }
}
