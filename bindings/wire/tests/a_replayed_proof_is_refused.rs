//! A proof recorded on one connection is worthless on another: the server's fresh nonce is in the
//! transcript, so a replayed client proof fails; the client's fresh nonce is in the server's
//! proof, so a replayed welcome fails; and a proof made for another principal or as the other
//! side's proof fails too.

mod support;

use aorta_wire::handshake::HandshakeError;
use aorta_wire::wire;
use support::*;

#[test]
fn a_client_proof_replayed_with_another_server_nonce_is_refused() {
    // Connection A, observed by an attacker.
    let mut server_a = server(KEY, 0xa);
    let (mut client_a, hello_a) = client(KEY, "svc", 1);
    let challenge_a = server_a.handle(&hello_a).unwrap().unwrap();
    let recorded_proof = client_a.handle(&challenge_a).unwrap().unwrap();
    server_a.handle(&recorded_proof).unwrap();

    // Connection B: the attacker replays the hello (same client nonce) and the proof; the server
    // draws another nonce.
    let mut server_b = server(KEY, 0xb);
    server_b.handle(&hello_a).unwrap();
    let refusal = server_b.handle(&recorded_proof).unwrap_err();
    assert_eq!(refusal.error, HandshakeError::AuthenticationFailed);
    assert!(server_b.authenticated().is_none());
}

#[test]
fn a_welcome_replayed_to_a_client_with_another_nonce_is_refused() {
    let mut server_a = server(KEY, 0xa);
    let (mut client_a, hello_a) = client(KEY, "svc", 1);
    let challenge_a = server_a.handle(&hello_a).unwrap().unwrap();
    let proof_a = client_a.handle(&challenge_a).unwrap().unwrap();
    let recorded_welcome = server_a.handle(&proof_a).unwrap().unwrap();

    // A fake server replays connection A's challenge and welcome to a new client.
    let (mut client_b, _) = client(KEY, "svc", 2);
    client_b.handle(&challenge_a).unwrap();
    assert_eq!(
        client_b.handle(&recorded_welcome),
        Err(HandshakeError::ServerAuthenticationFailed)
    );
}

#[test]
fn a_proof_for_another_principal_is_refused() {
    let mut server = server(KEY, 2);
    let (_, hello_as_admin) = client(KEY, "admin", 1);
    server.handle(&hello_as_admin).unwrap();
    // The proof a client named `svc` makes for the same nonces does not pass for `admin`.
    let (mut client_svc, _) = client(KEY, "svc", 1);
    let challenge = wire::Message::Challenge(Box::new(wire::Challenge {
        version: 1,
        server_nonce: vec![2; 32],
    }));
    let proof_as_svc = client_svc.handle(&challenge).unwrap().unwrap();
    assert_eq!(
        server.handle(&proof_as_svc).unwrap_err().error,
        HandshakeError::AuthenticationFailed
    );
}

#[test]
fn the_servers_proof_does_not_pass_as_the_clients() {
    // The two proofs use different labels: a server's welcome mac, reflected as a client proof
    // on the same nonces, is refused.
    let mut server = support::server(KEY, 2);
    let (mut client, hello) = client(KEY, "svc", 1);
    let challenge = server.handle(&hello).unwrap().unwrap();
    let proof = client.handle(&challenge).unwrap().unwrap();
    let wire::Message::Welcome(welcome) = server.handle(&proof).unwrap().unwrap() else {
        panic!("a welcome");
    };
    let mut other = support::server(KEY, 2);
    other.handle(&hello).unwrap();
    let reflected = wire::Message::Proof(Box::new(wire::Proof { mac: welcome.mac }));
    assert_eq!(
        other.handle(&reflected).unwrap_err().error,
        HandshakeError::AuthenticationFailed
    );
}
