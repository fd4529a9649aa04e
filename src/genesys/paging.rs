//! Reading a whole list endpoint: explicit `pageSize` and `pageNumber`, stopping on
//! `pageCount`, a missing `nextUri` or an empty page (never on a short page), a page that
//! does not advance stopped after one repeat, the count checked against `total`, and the
//! 10,000-result ceiling reported as what is missing.

use serde_json::Value;

use super::Error;
use super::client::Client;

/// The most results a Genesys listing returns, whatever the page size.
pub(crate) const RESULT_CEILING: usize = 10_000;

/// One list endpoint read to the end (or as far as it could be read).
#[derive(Debug, Default)]
pub(crate) struct Listing {
    /// Every entity, in the order the pages gave them.
    pub(crate) entities: Vec<Value>,
    /// Why the list is incomplete, when it is (a repeating page, the result ceiling).
    pub(crate) incomplete: Option<String>,
    /// A mismatch between what was collected and `total`.
    pub(crate) warning: Option<String>,
}

/// Reads every page of `path` at `page_size`, with `query` (only what was asked for) in
/// front of the paging parameters.
pub(crate) async fn list_all(
    client: &Client,
    path: &str,
    query: &str,
    page_size: u32,
) -> Result<Listing, Error> {
    let mut listing = Listing::default();
    let mut total = None;
    let mut previous: Option<(Option<u64>, Vec<String>)> = None;
    let mut page: u64 = 1;
    loop {
        let endpoint = format!("{path}?{query}pageSize={page_size}&pageNumber={page}");
        let body = match client.get(&endpoint).await {
            Ok(body) => body,
            Err(Error::Status { status: 400, .. })
                if page > 1 && listing.entities.len() >= RESULT_CEILING =>
            {
                listing.incomplete = Some(ceiling_message(listing.entities.len(), total));
                return Ok(listing);
            }
            Err(e) => return Err(e),
        };
        let Some(entities) = body.get("entities").and_then(Value::as_array) else {
            return Err(Error::Shape {
                endpoint,
                message: "the response has no `entities` array".into(),
            });
        };
        total = body.get("total").and_then(Value::as_u64).or(total);
        if entities.is_empty() {
            break;
        }
        let this = (
            body.get("pageNumber").and_then(Value::as_u64),
            ids(entities),
        );
        if previous.as_ref().is_some_and(|p| repeats(p, &this)) {
            listing.incomplete = Some(format!(
                "page {page} of {path} repeats page {}; listing stopped with {} of {} read",
                page - 1,
                listing.entities.len(),
                total.map_or("an unknown number".to_string(), |t| t.to_string()),
            ));
            return Ok(listing);
        }
        listing.entities.extend(entities.iter().cloned());
        if is_last(&body, page) {
            break;
        }
        previous = Some(this);
        page += 1;
    }
    check_total(path, &mut listing, total);
    Ok(listing)
}

/// The last page: `pageCount` reached or no `nextUri`.
fn is_last(body: &Value, page: u64) -> bool {
    let count_reached = body
        .get("pageCount")
        .and_then(Value::as_u64)
        .is_some_and(|count| page >= count);
    let no_next = body
        .get("nextUri")
        .and_then(Value::as_str)
        .is_none_or(str::is_empty);
    count_reached || no_next
}

/// A page repeats the one before when it reports the same page number or the same ids.
fn repeats(previous: &(Option<u64>, Vec<String>), this: &(Option<u64>, Vec<String>)) -> bool {
    let same_number = previous.0.is_some() && previous.0 == this.0;
    same_number || previous.1 == this.1
}

/// Entity ids, or the whole entity for the rare listing without ids.
fn ids(entities: &[Value]) -> Vec<String> {
    entities
        .iter()
        .map(|e| match e.get("id").and_then(Value::as_str) {
            Some(id) => id.to_string(),
            None => e.to_string(),
        })
        .collect()
}

fn check_total(path: &str, listing: &mut Listing, total: Option<u64>) {
    let Some(total) = total else { return };
    let got = listing.entities.len() as u64;
    if got == total {
        return;
    }
    if total as usize > RESULT_CEILING && got as usize >= RESULT_CEILING {
        listing.incomplete = Some(ceiling_message(listing.entities.len(), Some(total)));
        return;
    }
    let warning = format!("{path}: read {got} entities but the API reported a total of {total}");
    tracing::warn!("{warning}");
    listing.warning = Some(warning);
}

fn ceiling_message(got: usize, total: Option<u64>) -> String {
    format!(
        "the API returns at most {RESULT_CEILING} results per listing: {got} of {} read, {} \
         not documented",
        total.map_or("more".to_string(), |t| t.to_string()),
        total.map_or("the rest".to_string(), |t| {
            t.saturating_sub(got as u64).to_string()
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_short_page_is_not_the_last_page() {
        let short =
            json!({"entities": [{"id": "a"}], "pageCount": 3, "nextUri": "/x?pageNumber=2"});
        assert!(!is_last(&short, 1));
        assert!(is_last(&short, 3), "pageCount reached");
        let no_next = json!({"entities": [{"id": "a"}], "pageCount": 3});
        assert!(is_last(&no_next, 1), "no nextUri");
        let null_next = json!({"entities": [{"id": "a"}], "nextUri": null});
        assert!(is_last(&null_next, 1));
    }

    #[test]
    fn a_repeat_is_the_same_page_number_or_the_same_ids() {
        let one = (Some(1), vec!["a".to_string()]);
        assert!(repeats(&one, &(Some(1), vec!["b".to_string()])));
        assert!(repeats(&one, &(Some(2), vec!["a".to_string()])));
        assert!(!repeats(&one, &(Some(2), vec!["b".to_string()])));
        assert!(!repeats(
            &(None, vec!["a".into()]),
            &(None, vec!["b".into()])
        ));
    }

    #[test]
    fn the_ceiling_message_says_how_many_are_missing() {
        assert_eq!(
            ceiling_message(10_000, Some(12_345)),
            "the API returns at most 10000 results per listing: 10000 of 12345 read, 2345 not \
             documented"
        );
        assert_eq!(
            ceiling_message(10_000, None),
            "the API returns at most 10000 results per listing: 10000 of more read, the rest \
             not documented"
        );
    }
}
