//! A client and a server that hold the same cluster key complete the handshake through real
//! frames: the server learns the principal and the version, the client the server's limits, each
//! has checked the other's proof, the key never crossed the wire, and heartbeats flow after.

mod support;

use aorta_engine::filter::Principal;
use aorta_wire::frame::FRAME_BYTES_DEFAULT;
use aorta_wire::handshake::{Authenticated, PROTOCOL_VERSION};
use aorta_wire::wire;
use support::*;

#[test]
fn both_sides_end_established() {
    let mut server = server(KEY, 2);
    let (mut client, hello) = client(KEY, "svc-web@apps", 1);
    let mut wire_bytes = frames(std::slice::from_ref(&hello));

    let challenge = server.handle(&through_a_frame(&hello)).unwrap().unwrap();
    wire_bytes.extend(frames(std::slice::from_ref(&challenge)));
    let proof = client
        .handle(&through_a_frame(&challenge))
        .unwrap()
        .unwrap();
    wire_bytes.extend(frames(std::slice::from_ref(&proof)));
    let welcome = server.handle(&through_a_frame(&proof)).unwrap().unwrap();
    wire_bytes.extend(frames(std::slice::from_ref(&welcome)));
    assert_eq!(client.handle(&through_a_frame(&welcome)).unwrap(), None);

    assert_eq!(
        server.authenticated(),
        Some(&Authenticated {
            principal: Principal::named("svc-web@apps").unwrap(),
            version: PROTOCOL_VERSION,
        })
    );
    let session = client.session().expect("the client is established");
    assert_eq!(session.version, PROTOCOL_VERSION);
    assert_eq!(session.principal, "svc-web@apps");
    assert_eq!(session.cluster_id, 0xc1a5);
    assert_eq!(session.frame_bytes_max, FRAME_BYTES_DEFAULT);
    assert!(
        !wire_bytes.windows(KEY.len()).any(|window| window == KEY),
        "the key never crosses the wire"
    );

    // Now requests pass the gate, and the control stream carries heartbeats.
    assert!(server.authorize(&a_request()).is_ok());
    let ping = wire::Message::Ping(Box::new(wire::Ping { sequence: 9 }));
    let pong = wire::Message::Pong(Box::new(wire::Pong { sequence: 9 }));
    assert_eq!(server.handle(&ping).unwrap(), Some(pong.clone()));
    assert_eq!(client.handle(&ping).unwrap(), Some(pong.clone()));
    assert_eq!(server.handle(&pong).unwrap(), None);
}

#[test]
fn root_is_a_principal_like_any_other_with_the_cluster_key() {
    let mut server = server(KEY, 2);
    let (mut client, hello) = client(KEY, "root", 1);
    let challenge = server.handle(&hello).unwrap().unwrap();
    let proof = client.handle(&challenge).unwrap().unwrap();
    let welcome = server.handle(&proof).unwrap().unwrap();
    client.handle(&welcome).unwrap();
    assert_eq!(server.authenticated().unwrap().principal, Principal::Root);
}
