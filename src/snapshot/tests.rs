use super::*;
use serde_json::json;

fn small() -> Snapshot {
    let mut s = Snapshot {
        meta: Meta {
            format: FORMAT,
            captured_at: Some("2026-11-30T02:00:00Z".into()),
            ..Meta::default()
        },
        organization: Some(json!({"id": "org-1", "name": "Assurances Étoile"})),
        ..Snapshot::default()
    };
    s.lists.insert(
        List::Flows,
        vec![json!({"id": "f1", "name": "Main", "publishedVersion": {"id": "2.0"}})],
    );
    s.lists.insert(
        List::Queues,
        vec![json!({"id": "q1", "name": "Claims | FR"})],
    );
    s.queue_wrapup_codes
        .insert("q1".into(), vec![json!({"id": "w1", "name": "Done"})]);
    s.flow_documents.insert(
        ("f1".into(), "2.0".into()),
        json!({"name": "Main", "type": "inboundcall"}),
    );
    s
}

#[test]
fn save_then_load_gives_the_same_snapshot() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("snap");
    let snapshot = small();
    snapshot.save(&path).expect("save");
    let back = Snapshot::load(&path).expect("load");
    assert_eq!(back, snapshot);
    let doc = back
        .document_for(&back.list(List::Flows)[0])
        .expect("document found");
    assert_eq!(doc["type"], "inboundcall");
}

#[test]
fn a_second_save_replaces_the_first_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("snap");
    let mut snapshot = small();
    snapshot.save(&path).expect("first save");
    snapshot.flow_documents.clear();
    snapshot.save(&path).expect("second save");
    assert!(!path.join("flow-documents").exists());
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
}

#[test]
fn a_malformed_file_becomes_a_gap_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("snap");
    small().save(&path).expect("save");
    std::fs::write(path.join("queues.json"), "{\"entities\": [").expect("corrupt");
    let back = Snapshot::load(&path).expect("still loads");
    assert!(back.list(List::Queues).is_empty());
    assert_eq!(back.list(List::Flows).len(), 1);
    assert_eq!(back.gaps.len(), 1);
    assert_eq!(back.gaps[0].kind, ObjectKind::Queue);
    assert_eq!(back.gaps[0].endpoint, "queues.json");
    assert!(
        back.gaps[0].message.contains("queues.json"),
        "{}",
        back.gaps[0].message
    );
}

#[test]
fn a_folder_without_snapshot_json_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let err = Snapshot::load(dir.path()).expect_err("not a snapshot");
    assert!(
        err.to_string().contains("snapshot.json is missing"),
        "{err}"
    );
}
