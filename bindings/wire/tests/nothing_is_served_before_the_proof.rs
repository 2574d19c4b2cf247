//! Until the client's proof is accepted, the server refuses everything but the next step of the
//! handshake, with `Unauthenticated`, and stays refused: a request before the hello, a request
//! between the challenge and the proof, a subscription on another stream (the gate), or a
//! message out of turn.

mod support;

use aorta_wire::handshake::HandshakeError;
use aorta_wire::wire;
use support::*;

fn is_unauthenticated(error: &HandshakeError) -> bool {
    matches!(error, HandshakeError::Unauthenticated { .. })
}

#[test]
fn a_request_before_the_hello_is_refused() {
    let mut server = server(KEY, 2);
    let refusal = server.handle(&a_request()).unwrap_err();
    assert!(is_unauthenticated(&refusal.error), "{:?}", refusal.error);
    let wire::Message::HandshakeRefused(refused) = &refusal.message else {
        panic!("a HandshakeRefused to send before closing");
    };
    assert_eq!(refused.error.code, wire::ErrorCode::Unauthenticated);
    // Failed for good: even a proper hello now is refused.
    let (_, hello) = client(KEY, "svc", 1);
    assert_eq!(
        server.handle(&hello).unwrap_err().error,
        HandshakeError::Failed
    );
}

#[test]
fn a_request_instead_of_the_proof_is_refused() {
    let mut server = server(KEY, 2);
    let (mut client, hello) = client(KEY, "svc", 1);
    let challenge = server.handle(&hello).unwrap().unwrap();
    let proof = client.handle(&challenge).unwrap().unwrap();
    let refusal = server.handle(&a_request()).unwrap_err();
    assert!(is_unauthenticated(&refusal.error));
    assert!(
        server.handle(&proof).is_err(),
        "no proof is taken after a refusal"
    );
    assert!(server.authenticated().is_none());
}

#[test]
fn the_gate_refuses_other_streams_until_the_proof() {
    let mut server = server(KEY, 2);
    let (mut client, hello) = client(KEY, "svc", 1);
    let challenge = server.handle(&hello).unwrap().unwrap();
    let subscribe = wire::Message::Subscribe(Box::default());
    let refusal = server.authorize(&subscribe).unwrap_err();
    assert!(is_unauthenticated(&refusal.error));
    // The gate's refusal ends the handshake too.
    let proof = client.handle(&challenge).unwrap().unwrap();
    assert!(server.handle(&proof).is_err());
}

#[test]
fn steps_out_of_turn_are_refused() {
    let mut server = server(KEY, 2);
    let early_proof = wire::Message::Proof(Box::new(wire::Proof { mac: vec![0; 32] }));
    assert!(matches!(
        server.handle(&early_proof).unwrap_err().error,
        HandshakeError::Unexpected { .. }
    ));

    let mut server = support::server(KEY, 2);
    let (_, hello) = client(KEY, "svc", 1);
    server.handle(&hello).unwrap();
    assert!(matches!(
        server.handle(&hello).unwrap_err().error,
        HandshakeError::Unexpected { .. }
    ));

    let mut server = support::server(KEY, 2);
    let ping = wire::Message::Ping(Box::new(wire::Ping { sequence: 1 }));
    assert!(is_unauthenticated(&server.handle(&ping).unwrap_err().error));
}

#[test]
fn after_the_handshake_the_control_stream_carries_only_heartbeats() {
    let mut server = server(KEY, 2);
    let (mut client, hello) = client(KEY, "svc", 1);
    let challenge = server.handle(&hello).unwrap().unwrap();
    let proof = client.handle(&challenge).unwrap().unwrap();
    server.handle(&proof).unwrap();
    assert!(matches!(
        server.handle(&a_request()).unwrap_err().error,
        HandshakeError::Unexpected { .. }
    ));
}
