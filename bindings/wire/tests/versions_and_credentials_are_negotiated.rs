//! The server picks protocol version 1 when the client offers it, refuses a client that offers no
//! version it speaks (`UnsupportedVersion`), refuses credential kinds and tokens it does not serve
//! yet, and refuses an invalid principal name; a client refuses a version it did not offer.

mod support;

use aorta_wire::handshake::{HandshakeError, PROTOCOL_VERSION};
use aorta_wire::wire;
use support::*;

fn hello(versions: Vec<u16>, principal: &str, token: Option<Vec<u8>>) -> wire::Message {
    wire::Message::ClientHello(Box::new(wire::ClientHello {
        versions,
        principal: principal.into(),
        credential: wire::CredentialKind::ClusterKey,
        client_nonce: vec![1; 32],
        token,
    }))
}

#[test]
fn the_server_picks_version_1_among_those_offered() {
    let mut server = server(KEY, 2);
    let Some(wire::Message::Challenge(challenge)) =
        server.handle(&hello(vec![7, 1, 3], "svc", None)).unwrap()
    else {
        panic!("a challenge");
    };
    assert_eq!(challenge.version, PROTOCOL_VERSION);
}

#[test]
fn no_common_version_is_refused() {
    let refusal = server(KEY, 2)
        .handle(&hello(vec![2, 3], "svc", None))
        .unwrap_err();
    assert!(matches!(
        refusal.error,
        HandshakeError::UnsupportedVersion { .. }
    ));
    assert_eq!(refusal.error.code(), wire::ErrorCode::UnsupportedVersion);
}

#[test]
fn tokens_are_not_served_yet() {
    let refusal = server(KEY, 2)
        .handle(&hello(vec![1], "svc", Some(vec![1, 2, 3])))
        .unwrap_err();
    assert!(matches!(refusal.error, HandshakeError::Token));
    assert_eq!(refusal.error.code(), wire::ErrorCode::AuthenticationFailed);
}

#[test]
fn an_invalid_principal_is_refused() {
    for bad in ["", "a b", "ünï", &"x".repeat(129)] {
        let refusal = server(KEY, 2)
            .handle(&hello(vec![1], bad, None))
            .unwrap_err();
        assert!(
            matches!(refusal.error, HandshakeError::Principal(_)),
            "{bad:?}"
        );
    }
    assert!(aorta_wire::handshake::ClientHandshake::start(
        aorta_wire::handshake::ClusterKey::new(KEY).unwrap(),
        "a b",
        [0; 32]
    )
    .is_err());
}

#[test]
fn the_client_refuses_a_version_it_did_not_offer() {
    let (mut client, _) = client(KEY, "svc", 1);
    let challenge = wire::Message::Challenge(Box::new(wire::Challenge {
        version: 2,
        server_nonce: vec![2; 32],
    }));
    assert!(matches!(
        client.handle(&challenge),
        Err(HandshakeError::UnsupportedVersion { .. })
    ));
}
