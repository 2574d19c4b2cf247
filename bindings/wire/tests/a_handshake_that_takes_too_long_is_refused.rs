//! A connection that has not ended its handshake within the server's timeout is refused (and
//! told so); an established one is never refused by the deadline.

mod support;

use aorta_wire::handshake::{HandshakeError, HANDSHAKE_TIMEOUT_MS_DEFAULT};
use support::*;

#[test]
fn a_silent_connection_is_refused_after_the_timeout() {
    let mut server = server(KEY, 2);
    assert!(server.check_deadline(HANDSHAKE_TIMEOUT_MS_DEFAULT).is_ok());
    let refusal = server
        .check_deadline(HANDSHAKE_TIMEOUT_MS_DEFAULT + 1)
        .unwrap_err();
    assert!(matches!(refusal.error, HandshakeError::TimedOut { .. }));
    let (_, hello) = client(KEY, "svc", 1);
    assert!(server.handle(&hello).is_err(), "refused for good");
}

#[test]
fn a_connection_that_stops_before_its_proof_is_refused() {
    let mut server = server(KEY, 2);
    let (_, hello) = client(KEY, "svc", 1);
    server.handle(&hello).unwrap();
    assert!(server
        .check_deadline(HANDSHAKE_TIMEOUT_MS_DEFAULT + 1)
        .is_err());
}

#[test]
fn an_established_connection_has_no_deadline() {
    let mut server = server(KEY, 2);
    let (mut client, hello) = client(KEY, "svc", 1);
    let challenge = server.handle(&hello).unwrap().unwrap();
    let proof = client.handle(&challenge).unwrap().unwrap();
    server.handle(&proof).unwrap();
    assert!(server.check_deadline(u64::MAX).is_ok());
    assert!(server.authenticated().is_some());
}
