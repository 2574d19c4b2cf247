//! A client whose key is not the cluster's is refused with `AuthenticationFailed`, and is told so
//! in a `HandshakeRefused` before the server closes; a server whose key is not the client's is
//! caught by the client (its welcome's proof is wrong).

mod support;

use aorta_wire::handshake::{ClusterKey, HandshakeError};
use aorta_wire::wire;
use support::*;

#[test]
fn the_server_refuses_a_client_with_another_key() {
    let mut server = server(KEY, 2);
    let (mut client, hello) = client(OTHER_KEY, "svc", 1);
    let challenge = server.handle(&hello).unwrap().unwrap();
    let proof = client.handle(&challenge).unwrap().unwrap();
    let refusal = server.handle(&through_a_frame(&proof)).unwrap_err();
    assert_eq!(refusal.error, HandshakeError::AuthenticationFailed);
    let wire::Message::HandshakeRefused(refused) = through_a_frame(&refusal.message) else {
        panic!("the refusal is a HandshakeRefused");
    };
    assert_eq!(refused.error.code, wire::ErrorCode::AuthenticationFailed);
    assert!(server.authenticated().is_none());
    assert!(server.authorize(&a_request()).is_err());

    // The client learns why from the refusal.
    let error = client.handle(&refusal.message).unwrap_err();
    assert!(matches!(
        error,
        HandshakeError::Refused {
            code: wire::ErrorCode::AuthenticationFailed,
            ..
        }
    ));
    assert!(client.session().is_none());
}

#[test]
fn the_client_refuses_a_server_with_another_key() {
    let mut server = server(OTHER_KEY, 2);
    let (mut client, hello) = client(KEY, "svc", 1);
    let challenge = server.handle(&hello).unwrap().unwrap();
    let proof = client.handle(&challenge).unwrap().unwrap();
    // The server (wrong key) refuses the proof; a forged welcome fails the client's check too.
    assert!(server.handle(&proof).is_err());
    let forged = wire::Message::Welcome(Box::new(wire::Welcome {
        version: 1,
        principal: "svc".into(),
        mac: vec![0; 32],
        cluster_id: 1,
        frame_bytes_max: 8 << 20,
        heartbeat_interval_ms: 5000,
        requests_in_flight_max: 0,
        request_bytes_in_flight_max: 0,
    }));
    assert_eq!(
        client.handle(&forged),
        Err(HandshakeError::ServerAuthenticationFailed)
    );
    assert!(client.session().is_none());
}

#[test]
fn a_proof_of_the_wrong_length_is_refused() {
    let mut server = server(KEY, 2);
    let (_, hello) = client(KEY, "svc", 1);
    server.handle(&hello).unwrap();
    let short = wire::Message::Proof(Box::new(wire::Proof { mac: vec![0; 31] }));
    let refusal = server.handle(&short).unwrap_err();
    assert!(matches!(refusal.error, HandshakeError::FieldLength { .. }));
}

#[test]
fn a_short_cluster_key_is_refused() {
    assert!(matches!(
        ClusterKey::new(b"short"),
        Err(HandshakeError::KeyLength { len: 5, .. })
    ));
    assert_eq!(
        format!("{:?}", ClusterKey::new(KEY).unwrap()),
        format!("ClusterKey({} bytes)", KEY.len()),
        "the key's Debug hides its bytes"
    );
}
