//! Continuation tokens (`query::token`): `Token::decode(Token::encode(t)) == t` for every valid
//! token, the text is URL-safe and within `QUERY_TOKEN_BYTES_MAX` (the worst case included);
//! every truncation, every flipped character and arbitrary text is refused with a typed error and
//! never a panic; and a token is refused for a query other than its own.

use aorta_engine::limits::{QUERY_TOKEN_BYTES_MAX, SHARDS_MAX, TABLE_KEY_BYTES_MAX};
use aorta_engine::query::{Query, Scope, ShardResume, TagSelector, Token, TokenError};
use proptest::prelude::*;

fn resume() -> impl Strategy<Value = ShardResume> {
    prop_oneof![
        1 => Just(ShardResume::Start),
        1 => Just(ShardResume::Done),
        // Keys from a small alphabet share prefixes, as a query's keys do.
        4 => prop::collection::vec(prop::sample::select(vec![0u8, 1, b'g', b'a', b'b', 0xFF]), 1..12)
            .prop_map(ShardResume::After),
        1 => prop::collection::vec(any::<u8>(), 1..=TABLE_KEY_BYTES_MAX).prop_map(ShardResume::After),
    ]
}

fn token() -> impl Strategy<Value = Token> {
    (1..=8usize)
        .prop_flat_map(|shards| {
            (
                any::<u64>(),
                prop::collection::vec(any::<u64>(), shards),
                prop::collection::vec(resume(), shards),
            )
        })
        .prop_filter_map(
            "not every shard done",
            |(fingerprint, positions, resume)| Token::new(fingerprint, positions, resume).ok(),
        )
}

fn is_url_safe(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn tokens_round_trip(token in token()) {
        let text = token.encode();
        prop_assert!(is_url_safe(&text));
        prop_assert!(text.len() <= QUERY_TOKEN_BYTES_MAX);
        prop_assert_eq!(Token::decode(&text).unwrap(), token);
    }

    #[test]
    fn damage_is_refused(token in token(), at in any::<prop::sample::Index>(), to in any::<prop::sample::Index>()) {
        let text = token.encode();
        let cut = at.index(text.len());
        prop_assert!(Token::decode(&text[..cut]).is_err(), "a token cut at {} was accepted", cut);
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        let mut bytes = text.clone().into_bytes();
        let replacement = ALPHABET[to.index(ALPHABET.len())];
        prop_assume!(bytes[cut] != replacement);
        bytes[cut] = replacement;
        let damaged = String::from_utf8(bytes).unwrap();
        // A changed character is a changed byte (or non-canonical trailing bits): never accepted.
        prop_assert!(Token::decode(&damaged).is_err(), "{} accepted", damaged);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "[A-Za-z0-9_=+/-]{0,200}|\\PC{0,50}") {
        if let Ok(token) = Token::decode(&text) {
            prop_assert_eq!(token.encode(), text);
        }
    }

    /// A body with the right CRC but arbitrary fields reaches the checks behind the checksum.
    #[test]
    fn resealed_garbage_never_panics_and_is_canonical(body in prop::collection::vec(
        prop_oneof![3 => prop::sample::select(vec![0u8, 1, 2, 3]), 1 => any::<u8>()], 0..80,
    )) {
        use base64::Engine as _;
        let mut bytes = body.clone();
        if let Some(first) = bytes.first_mut() { *first = 1; }
        let crc = crc32c::crc32c(&bytes);
        bytes.extend_from_slice(&crc.to_le_bytes());
        let text = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&bytes);
        if let Ok(token) = Token::decode(&text) {
            prop_assert_eq!(token.encode(), text);
        }
    }
}

#[test]
fn the_worst_case_token_fits_its_limit() {
    // Every shard resumes after a longest key that shares nothing with its neighbour's.
    let resume: Vec<ShardResume> = (0..SHARDS_MAX)
        .map(|shard| ShardResume::After(vec![shard as u8 % 2; TABLE_KEY_BYTES_MAX]))
        .collect();
    let token = Token::new(7, vec![u64::MAX; SHARDS_MAX], resume).unwrap();
    let text = token.encode();
    assert!(text.len() <= QUERY_TOKEN_BYTES_MAX);
    assert_eq!(Token::decode(&text).unwrap(), token);
    let too_long = "A".repeat(QUERY_TOKEN_BYTES_MAX + 1);
    assert_eq!(
        Token::decode(&too_long),
        Err(TokenError::TooLong {
            len: QUERY_TOKEN_BYTES_MAX + 1,
            max: QUERY_TOKEN_BYTES_MAX
        })
    );
}

#[test]
fn nearby_keys_make_a_short_token() {
    let key = |name: &str| format!("gteam\0db\0tenants\0t1\0\x01{name}").into_bytes();
    let resume = (0..16)
        .map(|i| ShardResume::After(key(&format!("task-{i:04}"))))
        .collect();
    let token = Token::new(1, (0..16).collect(), resume).unwrap();
    assert!(token.encode().len() < 600, "{}", token.encode().len());
}

#[test]
fn invalid_tokens_cannot_be_made() {
    assert_eq!(
        Token::new(0, vec![1], vec![ShardResume::Start, ShardResume::Done]),
        Err(TokenError::Lengths {
            positions: 1,
            resume: 2
        })
    );
    assert_eq!(
        Token::new(0, vec![], vec![]),
        Err(TokenError::ShardCount {
            count: 0,
            max: SHARDS_MAX
        })
    );
    assert_eq!(
        Token::new(0, vec![1, 2], vec![ShardResume::Done; 2]),
        Err(TokenError::NothingToResume)
    );
    assert!(matches!(
        Token::new(0, vec![1], vec![ShardResume::After(vec![])]),
        Err(TokenError::ResumeKeyLength {
            shard: 0,
            len: 0,
            ..
        })
    ));
    assert!(matches!(
        Token::new(
            0,
            vec![1],
            vec![ShardResume::After(vec![1; TABLE_KEY_BYTES_MAX + 1])]
        ),
        Err(TokenError::ResumeKeyLength { shard: 0, .. })
    ));
}

#[test]
fn specific_damage_gets_specific_errors() {
    let token = Token::new(5, vec![9], vec![ShardResume::Start]).unwrap();
    let text = token.encode();
    assert!(matches!(
        Token::decode("a+b/"),
        Err(TokenError::NotBase64(_))
    ));
    assert!(matches!(
        Token::decode(&format!("{text}=")),
        Err(TokenError::NotBase64(_))
    ));
    assert!(matches!(
        Token::decode("AAAA"),
        Err(TokenError::TooShort { len: 3, .. })
    ));
    let mut flipped = text.clone().into_bytes();
    flipped[3] = if flipped[3] == b'A' { b'B' } else { b'A' };
    assert!(matches!(
        Token::decode(std::str::from_utf8(&flipped).unwrap()),
        Err(TokenError::Checksum { .. })
    ));
    let reseal = |body: &[u8]| {
        use base64::Engine as _;
        let mut bytes = body.to_vec();
        bytes.extend_from_slice(&crc32c::crc32c(body).to_le_bytes());
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    };
    let mut body = vec![2u8];
    body.extend_from_slice(&5u64.to_le_bytes());
    body.extend_from_slice(&1u16.to_le_bytes());
    body.extend_from_slice(&9u64.to_le_bytes());
    body.push(0);
    assert_eq!(
        Token::decode(&reseal(&body)),
        Err(TokenError::Version {
            found: 2,
            supported: 1
        })
    );
    body[0] = 1;
    assert_eq!(Token::decode(&reseal(&body)).unwrap(), token);
    *body.last_mut().unwrap() = 7;
    assert_eq!(
        Token::decode(&reseal(&body)),
        Err(TokenError::ResumeKind { shard: 0, tag: 7 })
    );
    // After "ab", a key written as shared 1 + "bc" is "abc", whose shortest form shares 2.
    let mut two = vec![1u8];
    two.extend_from_slice(&5u64.to_le_bytes());
    two.extend_from_slice(&2u16.to_le_bytes());
    two.extend_from_slice(&[0; 16]);
    two.extend_from_slice(&[1, 0, 0, 2, 0, b'a', b'b']);
    let mut not_canonical = two.clone();
    not_canonical.extend_from_slice(&[1, 1, 0, 2, 0, b'b', b'c']);
    assert_eq!(
        Token::decode(&reseal(&not_canonical)),
        Err(TokenError::NotCanonical { shard: 1 })
    );
    let mut too_shared = two.clone();
    too_shared.extend_from_slice(&[1, 3, 0, 1, 0, b'c']);
    assert_eq!(
        Token::decode(&reseal(&too_shared)),
        Err(TokenError::SharedPrefix {
            shard: 1,
            shared: 3,
            previous: 2
        })
    );
    let mut trailing = two.clone();
    trailing.extend_from_slice(&[2, 0]);
    assert_eq!(
        Token::decode(&reseal(&trailing)),
        Err(TokenError::TrailingBytes { offset: 35, len: 1 })
    );
    let mut truncated = two;
    truncated.extend_from_slice(&[1, 0, 0, 9, 0, b'x']);
    assert!(matches!(
        Token::decode(&reseal(&truncated)),
        Err(TokenError::Truncated { .. })
    ));
}

#[test]
fn a_token_belongs_to_its_query() {
    let query = Query {
        namespace: "/apps".into(),
        scope: Scope::Subtree,
        kind: Some("Pod".into()),
        selector: Some(TagSelector::parse("team=db").unwrap()),
        page_size: 100,
    };
    let token = Token::new(
        query.fingerprint(),
        vec![3, 4],
        vec![ShardResume::Start, ShardResume::Done],
    )
    .unwrap();
    let decoded = Token::decode(&token.encode()).unwrap();
    decoded.check_query(&query).unwrap();
    let next_page = Query {
        page_size: 10,
        ..query.clone()
    };
    decoded.check_query(&next_page).unwrap();
    let other = Query {
        selector: Some(TagSelector::parse("team=web").unwrap()),
        ..query.clone()
    };
    assert!(matches!(
        decoded.check_query(&other),
        Err(TokenError::OtherQuery { .. })
    ));
}
