// @generated from bindings/schema/*.fbs: do not edit.
// Regenerate: AORTA_WIRE_REGENERATE=1 cargo test -p aorta-wire --test generated_code_is_current
pub use root::*;

const _: () = ::planus::check_version_compatibility("planus-1.3.0");


/// The root namespace
/// 
/// Generated from these locations:
/// * File `bindings/schema/message.fbs`
#[no_implicit_prelude]
#[allow(clippy::needless_lifetimes)]
mod root {
/// The namespace `aorta`
/// 
/// Generated from these locations:
/// * File `bindings/schema/message.fbs`
pub mod aorta {
/// The namespace `aorta.wire`
/// 
/// Generated from these locations:
/// * File `bindings/schema/message.fbs`
/// * File `bindings/schema/handshake.fbs`
/// * File `bindings/schema/request.fbs`
/// * File `bindings/schema/response.fbs`
/// * File `bindings/schema/subscription.fbs`
/// * File `bindings/schema/reserved.fbs`
/// * File `bindings/schema/common.fbs`
/// * File `bindings/schema/error.fbs`
pub mod wire {
///  Every message of the protocol. Values are fixed forever: a new message takes a new value
///  (with a new protocol version), a retired one keeps its value unused.
/// 
/// Generated from these locations:
/// * Union `Message` in the file `bindings/schema/message.fbs:15`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize)]
pub enum Message{
    
        /// The variant of type `ClientHello` in the union `Message`
        ClientHello(::planus::alloc::boxed::Box<self::ClientHello>),
    
        /// The variant of type `Challenge` in the union `Message`
        Challenge(::planus::alloc::boxed::Box<self::Challenge>),
    
        /// The variant of type `Proof` in the union `Message`
        Proof(::planus::alloc::boxed::Box<self::Proof>),
    
        /// The variant of type `Welcome` in the union `Message`
        Welcome(::planus::alloc::boxed::Box<self::Welcome>),
    
        /// The variant of type `HandshakeRefused` in the union `Message`
        HandshakeRefused(::planus::alloc::boxed::Box<self::HandshakeRefused>),
    
        /// The variant of type `Ping` in the union `Message`
        Ping(::planus::alloc::boxed::Box<self::Ping>),
    
        /// The variant of type `Pong` in the union `Message`
        Pong(::planus::alloc::boxed::Box<self::Pong>),
    
        /// The variant of type `Request` in the union `Message`
        Request(::planus::alloc::boxed::Box<self::Request>),
    
        /// The variant of type `Response` in the union `Message`
        Response(::planus::alloc::boxed::Box<self::Response>),
    
        /// The variant of type `Subscribe` in the union `Message`
        Subscribe(::planus::alloc::boxed::Box<self::Subscribe>),
    
        /// The variant of type `Subscribed` in the union `Message`
        Subscribed(::planus::alloc::boxed::Box<self::Subscribed>),
    
        /// The variant of type `Events` in the union `Message`
        Events(::planus::alloc::boxed::Box<self::Events>),
    
        /// The variant of type `SubscriptionEnd` in the union `Message`
        SubscriptionEnd(::planus::alloc::boxed::Box<self::SubscriptionEnd>),
    
        /// The variant of type `PublishIntents` in the union `Message`
        PublishIntents(::planus::alloc::boxed::Box<self::PublishIntents>),
    
        /// The variant of type `IntentDeliveryMessage` in the union `Message`
        IntentDeliveryMessage(::planus::alloc::boxed::Box<self::IntentDeliveryMessage>),
    
        /// The variant of type `IntentAck` in the union `Message`
        IntentAck(::planus::alloc::boxed::Box<self::IntentAck>),
    
        /// The variant of type `NodeCommand` in the union `Message`
        NodeCommand(::planus::alloc::boxed::Box<self::NodeCommand>),
    
        /// The variant of type `NodeCommandReport` in the union `Message`
        NodeCommandReport(::planus::alloc::boxed::Box<self::NodeCommandReport>),
    
}


impl Message {
    /// Creates a [MessageBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> MessageBuilder<::planus::Uninitialized> {
        MessageBuilder(::planus::Uninitialized)
    }

    #[inline]
    pub fn create_client_hello(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::ClientHello>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(1, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_challenge(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Challenge>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(2, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_proof(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Proof>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(3, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_welcome(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Welcome>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(4, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_handshake_refused(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::HandshakeRefused>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(5, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_ping(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Ping>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(6, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_pong(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Pong>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(7, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_request(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Request>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(8, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_response(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Response>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(9, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_subscribe(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Subscribe>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(10, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_subscribed(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Subscribed>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(11, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_events(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Events>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(12, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_subscription_end(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::SubscriptionEnd>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(13, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_publish_intents(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::PublishIntents>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(14, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_intent_delivery_message(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::IntentDeliveryMessage>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(15, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_intent_ack(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::IntentAck>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(16, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_node_command(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::NodeCommand>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(17, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_node_command_report(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::NodeCommandReport>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(18, value.prepare(builder).downcast())
    }

    
}



impl ::planus::WriteAsUnion<Message> for Message {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Self> {
        match self {
            Self::ClientHello(value) => Self::create_client_hello(builder, value),
            Self::Challenge(value) => Self::create_challenge(builder, value),
            Self::Proof(value) => Self::create_proof(builder, value),
            Self::Welcome(value) => Self::create_welcome(builder, value),
            Self::HandshakeRefused(value) => Self::create_handshake_refused(builder, value),
            Self::Ping(value) => Self::create_ping(builder, value),
            Self::Pong(value) => Self::create_pong(builder, value),
            Self::Request(value) => Self::create_request(builder, value),
            Self::Response(value) => Self::create_response(builder, value),
            Self::Subscribe(value) => Self::create_subscribe(builder, value),
            Self::Subscribed(value) => Self::create_subscribed(builder, value),
            Self::Events(value) => Self::create_events(builder, value),
            Self::SubscriptionEnd(value) => Self::create_subscription_end(builder, value),
            Self::PublishIntents(value) => Self::create_publish_intents(builder, value),
            Self::IntentDeliveryMessage(value) => Self::create_intent_delivery_message(builder, value),
            Self::IntentAck(value) => Self::create_intent_ack(builder, value),
            Self::NodeCommand(value) => Self::create_node_command(builder, value),
            Self::NodeCommandReport(value) => Self::create_node_command_report(builder, value),
            
        }
    }
}


impl ::planus::WriteAsOptionalUnion<Message> for Message {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Self>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}

/// Builder for serializing an instance of the [Message] type.
///
/// Can be created using the [Message::builder] method.
#[derive(Debug)]
#[must_use]
pub struct MessageBuilder<T>(T);

impl MessageBuilder<::planus::Uninitialized> {
    /// Creates an instance of the [`ClientHello` variant](Message#variant.ClientHello).
    #[inline]
    pub fn client_hello<T>(
        self,
        value: T,
    ) -> MessageBuilder<::planus::Initialized<1, T>>
        where T: ::planus::WriteAsOffset<self::ClientHello> {
        MessageBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Challenge` variant](Message#variant.Challenge).
    #[inline]
    pub fn challenge<T>(
        self,
        value: T,
    ) -> MessageBuilder<::planus::Initialized<2, T>>
        where T: ::planus::WriteAsOffset<self::Challenge> {
        MessageBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Proof` variant](Message#variant.Proof).
    #[inline]
    pub fn proof<T>(
        self,
        value: T,
    ) -> MessageBuilder<::planus::Initialized<3, T>>
        where T: ::planus::WriteAsOffset<self::Proof> {
        MessageBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Welcome` variant](Message#variant.Welcome).
    #[inline]
    pub fn welcome<T>(
        self,
        value: T,
    ) -> MessageBuilder<::planus::Initialized<4, T>>
        where T: ::planus::WriteAsOffset<self::Welcome> {
        MessageBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`HandshakeRefused` variant](Message#variant.HandshakeRefused).
    #[inline]
    pub fn handshake_refused<T>(
        self,
        value: T,
    ) -> MessageBuilder<::planus::Initialized<5, T>>
        where T: ::planus::WriteAsOffset<self::HandshakeRefused> {
        MessageBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Ping` variant](Message#variant.Ping).
    #[inline]
    pub fn ping<T>(
        self,
        value: T,
    ) -> MessageBuilder<::planus::Initialized<6, T>>
        where T: ::planus::WriteAsOffset<self::Ping> {
        MessageBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Pong` variant](Message#variant.Pong).
    #[inline]
    pub fn pong<T>(
        self,
        value: T,
    ) -> MessageBuilder<::planus::Initialized<7, T>>
        where T: ::planus::WriteAsOffset<self::Pong> {
        MessageBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Request` variant](Message#variant.Request).
    #[inline]
    pub fn request<T>(
        self,
        value: T,
    ) -> MessageBuilder<::planus::Initialized<8, T>>
        where T: ::planus::WriteAsOffset<self::Request> {
        MessageBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Response` variant](Message#variant.Response).
    #[inline]
    pub fn response<T>(
        self,
        value: T,
    ) -> MessageBuilder<::planus::Initialized<9, T>>
        where T: ::planus::WriteAsOffset<self::Response> {
        MessageBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Subscribe` variant](Message#variant.Subscribe).
    #[inline]
    pub fn subscribe<T>(
        self,
        value: T,
    ) -> MessageBuilder<::planus::Initialized<10, T>>
        where T: ::planus::WriteAsOffset<self::Subscribe> {
        MessageBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Subscribed` variant](Message#variant.Subscribed).
    #[inline]
    pub fn subscribed<T>(
        self,
        value: T,
    ) -> MessageBuilder<::planus::Initialized<11, T>>
        where T: ::planus::WriteAsOffset<self::Subscribed> {
        MessageBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Events` variant](Message#variant.Events).
    #[inline]
    pub fn events<T>(
        self,
        value: T,
    ) -> MessageBuilder<::planus::Initialized<12, T>>
        where T: ::planus::WriteAsOffset<self::Events> {
        MessageBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`SubscriptionEnd` variant](Message#variant.SubscriptionEnd).
    #[inline]
    pub fn subscription_end<T>(
        self,
        value: T,
    ) -> MessageBuilder<::planus::Initialized<13, T>>
        where T: ::planus::WriteAsOffset<self::SubscriptionEnd> {
        MessageBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`PublishIntents` variant](Message#variant.PublishIntents).
    #[inline]
    pub fn publish_intents<T>(
        self,
        value: T,
    ) -> MessageBuilder<::planus::Initialized<14, T>>
        where T: ::planus::WriteAsOffset<self::PublishIntents> {
        MessageBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`IntentDeliveryMessage` variant](Message#variant.IntentDeliveryMessage).
    #[inline]
    pub fn intent_delivery_message<T>(
        self,
        value: T,
    ) -> MessageBuilder<::planus::Initialized<15, T>>
        where T: ::planus::WriteAsOffset<self::IntentDeliveryMessage> {
        MessageBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`IntentAck` variant](Message#variant.IntentAck).
    #[inline]
    pub fn intent_ack<T>(
        self,
        value: T,
    ) -> MessageBuilder<::planus::Initialized<16, T>>
        where T: ::planus::WriteAsOffset<self::IntentAck> {
        MessageBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`NodeCommand` variant](Message#variant.NodeCommand).
    #[inline]
    pub fn node_command<T>(
        self,
        value: T,
    ) -> MessageBuilder<::planus::Initialized<17, T>>
        where T: ::planus::WriteAsOffset<self::NodeCommand> {
        MessageBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`NodeCommandReport` variant](Message#variant.NodeCommandReport).
    #[inline]
    pub fn node_command_report<T>(
        self,
        value: T,
    ) -> MessageBuilder<::planus::Initialized<18, T>>
        where T: ::planus::WriteAsOffset<self::NodeCommandReport> {
        MessageBuilder(::planus::Initialized(value))
    }

    
}

impl<const N: u8, T> MessageBuilder<::planus::Initialized<N, T>> {
    /// Finish writing the builder to get an [UnionOffset](::planus::UnionOffset) to a serialized [Message].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Message>
        where Self: ::planus::WriteAsUnion<Message>
    {
        ::planus::WriteAsUnion::prepare(&self, builder)
    }
}

impl<T> ::planus::WriteAsUnion<Message> for MessageBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::ClientHello>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Message> {
        ::planus::UnionOffset::new(1, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Message> for MessageBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::ClientHello>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Message>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Message> for MessageBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::Challenge>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Message> {
        ::planus::UnionOffset::new(2, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Message> for MessageBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::Challenge>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Message>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Message> for MessageBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::Proof>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Message> {
        ::planus::UnionOffset::new(3, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Message> for MessageBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::Proof>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Message>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Message> for MessageBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::Welcome>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Message> {
        ::planus::UnionOffset::new(4, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Message> for MessageBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::Welcome>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Message>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Message> for MessageBuilder<::planus::Initialized<5, T>>
    where T: ::planus::WriteAsOffset<self::HandshakeRefused>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Message> {
        ::planus::UnionOffset::new(5, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Message> for MessageBuilder<::planus::Initialized<5, T>>
    where T: ::planus::WriteAsOffset<self::HandshakeRefused>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Message>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Message> for MessageBuilder<::planus::Initialized<6, T>>
    where T: ::planus::WriteAsOffset<self::Ping>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Message> {
        ::planus::UnionOffset::new(6, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Message> for MessageBuilder<::planus::Initialized<6, T>>
    where T: ::planus::WriteAsOffset<self::Ping>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Message>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Message> for MessageBuilder<::planus::Initialized<7, T>>
    where T: ::planus::WriteAsOffset<self::Pong>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Message> {
        ::planus::UnionOffset::new(7, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Message> for MessageBuilder<::planus::Initialized<7, T>>
    where T: ::planus::WriteAsOffset<self::Pong>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Message>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Message> for MessageBuilder<::planus::Initialized<8, T>>
    where T: ::planus::WriteAsOffset<self::Request>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Message> {
        ::planus::UnionOffset::new(8, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Message> for MessageBuilder<::planus::Initialized<8, T>>
    where T: ::planus::WriteAsOffset<self::Request>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Message>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Message> for MessageBuilder<::planus::Initialized<9, T>>
    where T: ::planus::WriteAsOffset<self::Response>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Message> {
        ::planus::UnionOffset::new(9, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Message> for MessageBuilder<::planus::Initialized<9, T>>
    where T: ::planus::WriteAsOffset<self::Response>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Message>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Message> for MessageBuilder<::planus::Initialized<10, T>>
    where T: ::planus::WriteAsOffset<self::Subscribe>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Message> {
        ::planus::UnionOffset::new(10, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Message> for MessageBuilder<::planus::Initialized<10, T>>
    where T: ::planus::WriteAsOffset<self::Subscribe>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Message>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Message> for MessageBuilder<::planus::Initialized<11, T>>
    where T: ::planus::WriteAsOffset<self::Subscribed>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Message> {
        ::planus::UnionOffset::new(11, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Message> for MessageBuilder<::planus::Initialized<11, T>>
    where T: ::planus::WriteAsOffset<self::Subscribed>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Message>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Message> for MessageBuilder<::planus::Initialized<12, T>>
    where T: ::planus::WriteAsOffset<self::Events>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Message> {
        ::planus::UnionOffset::new(12, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Message> for MessageBuilder<::planus::Initialized<12, T>>
    where T: ::planus::WriteAsOffset<self::Events>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Message>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Message> for MessageBuilder<::planus::Initialized<13, T>>
    where T: ::planus::WriteAsOffset<self::SubscriptionEnd>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Message> {
        ::planus::UnionOffset::new(13, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Message> for MessageBuilder<::planus::Initialized<13, T>>
    where T: ::planus::WriteAsOffset<self::SubscriptionEnd>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Message>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Message> for MessageBuilder<::planus::Initialized<14, T>>
    where T: ::planus::WriteAsOffset<self::PublishIntents>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Message> {
        ::planus::UnionOffset::new(14, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Message> for MessageBuilder<::planus::Initialized<14, T>>
    where T: ::planus::WriteAsOffset<self::PublishIntents>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Message>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Message> for MessageBuilder<::planus::Initialized<15, T>>
    where T: ::planus::WriteAsOffset<self::IntentDeliveryMessage>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Message> {
        ::planus::UnionOffset::new(15, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Message> for MessageBuilder<::planus::Initialized<15, T>>
    where T: ::planus::WriteAsOffset<self::IntentDeliveryMessage>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Message>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Message> for MessageBuilder<::planus::Initialized<16, T>>
    where T: ::planus::WriteAsOffset<self::IntentAck>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Message> {
        ::planus::UnionOffset::new(16, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Message> for MessageBuilder<::planus::Initialized<16, T>>
    where T: ::planus::WriteAsOffset<self::IntentAck>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Message>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Message> for MessageBuilder<::planus::Initialized<17, T>>
    where T: ::planus::WriteAsOffset<self::NodeCommand>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Message> {
        ::planus::UnionOffset::new(17, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Message> for MessageBuilder<::planus::Initialized<17, T>>
    where T: ::planus::WriteAsOffset<self::NodeCommand>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Message>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Message> for MessageBuilder<::planus::Initialized<18, T>>
    where T: ::planus::WriteAsOffset<self::NodeCommandReport>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Message> {
        ::planus::UnionOffset::new(18, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Message> for MessageBuilder<::planus::Initialized<18, T>>
    where T: ::planus::WriteAsOffset<self::NodeCommandReport>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Message>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}


/// Reference to a deserialized [Message].
#[derive(Copy, Clone, Debug)]
pub enum MessageRef<'a>{
    ClientHello(self::ClientHelloRef<'a>),
    Challenge(self::ChallengeRef<'a>),
    Proof(self::ProofRef<'a>),
    Welcome(self::WelcomeRef<'a>),
    HandshakeRefused(self::HandshakeRefusedRef<'a>),
    Ping(self::PingRef<'a>),
    Pong(self::PongRef<'a>),
    Request(self::RequestRef<'a>),
    Response(self::ResponseRef<'a>),
    Subscribe(self::SubscribeRef<'a>),
    Subscribed(self::SubscribedRef<'a>),
    Events(self::EventsRef<'a>),
    SubscriptionEnd(self::SubscriptionEndRef<'a>),
    PublishIntents(self::PublishIntentsRef<'a>),
    IntentDeliveryMessage(self::IntentDeliveryMessageRef<'a>),
    IntentAck(self::IntentAckRef<'a>),
    NodeCommand(self::NodeCommandRef<'a>),
    NodeCommandReport(self::NodeCommandReportRef<'a>),
    
}


impl<'a> ::core::convert::TryFrom<MessageRef<'a>> for Message {
    type Error = ::planus::Error;

    fn try_from(value: MessageRef<'a>) -> ::planus::Result<Self> {
        ::core::result::Result::Ok(match value {
            
                MessageRef::ClientHello(value) => Self::ClientHello(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                MessageRef::Challenge(value) => Self::Challenge(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                MessageRef::Proof(value) => Self::Proof(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                MessageRef::Welcome(value) => Self::Welcome(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                MessageRef::HandshakeRefused(value) => Self::HandshakeRefused(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                MessageRef::Ping(value) => Self::Ping(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                MessageRef::Pong(value) => Self::Pong(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                MessageRef::Request(value) => Self::Request(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                MessageRef::Response(value) => Self::Response(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                MessageRef::Subscribe(value) => Self::Subscribe(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                MessageRef::Subscribed(value) => Self::Subscribed(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                MessageRef::Events(value) => Self::Events(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                MessageRef::SubscriptionEnd(value) => Self::SubscriptionEnd(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                MessageRef::PublishIntents(value) => Self::PublishIntents(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                MessageRef::IntentDeliveryMessage(value) => Self::IntentDeliveryMessage(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                MessageRef::IntentAck(value) => Self::IntentAck(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                MessageRef::NodeCommand(value) => Self::NodeCommand(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                MessageRef::NodeCommandReport(value) => Self::NodeCommandReport(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
        })
    }
}



impl<'a> ::planus::TableReadUnion<'a> for MessageRef<'a> {
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, tag: u8, field_offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        match tag {
            1 => ::core::result::Result::Ok(Self::ClientHello(::planus::TableRead::from_buffer(buffer, field_offset)?)),2 => ::core::result::Result::Ok(Self::Challenge(::planus::TableRead::from_buffer(buffer, field_offset)?)),3 => ::core::result::Result::Ok(Self::Proof(::planus::TableRead::from_buffer(buffer, field_offset)?)),4 => ::core::result::Result::Ok(Self::Welcome(::planus::TableRead::from_buffer(buffer, field_offset)?)),5 => ::core::result::Result::Ok(Self::HandshakeRefused(::planus::TableRead::from_buffer(buffer, field_offset)?)),6 => ::core::result::Result::Ok(Self::Ping(::planus::TableRead::from_buffer(buffer, field_offset)?)),7 => ::core::result::Result::Ok(Self::Pong(::planus::TableRead::from_buffer(buffer, field_offset)?)),8 => ::core::result::Result::Ok(Self::Request(::planus::TableRead::from_buffer(buffer, field_offset)?)),9 => ::core::result::Result::Ok(Self::Response(::planus::TableRead::from_buffer(buffer, field_offset)?)),10 => ::core::result::Result::Ok(Self::Subscribe(::planus::TableRead::from_buffer(buffer, field_offset)?)),11 => ::core::result::Result::Ok(Self::Subscribed(::planus::TableRead::from_buffer(buffer, field_offset)?)),12 => ::core::result::Result::Ok(Self::Events(::planus::TableRead::from_buffer(buffer, field_offset)?)),13 => ::core::result::Result::Ok(Self::SubscriptionEnd(::planus::TableRead::from_buffer(buffer, field_offset)?)),14 => ::core::result::Result::Ok(Self::PublishIntents(::planus::TableRead::from_buffer(buffer, field_offset)?)),15 => ::core::result::Result::Ok(Self::IntentDeliveryMessage(::planus::TableRead::from_buffer(buffer, field_offset)?)),16 => ::core::result::Result::Ok(Self::IntentAck(::planus::TableRead::from_buffer(buffer, field_offset)?)),17 => ::core::result::Result::Ok(Self::NodeCommand(::planus::TableRead::from_buffer(buffer, field_offset)?)),18 => ::core::result::Result::Ok(Self::NodeCommandReport(::planus::TableRead::from_buffer(buffer, field_offset)?)),_ => ::core::result::Result::Err(::planus::errors::ErrorKind::UnknownUnionTag { tag }),
        }
    }
}



impl<'a> ::planus::VectorReadUnion<'a> for MessageRef<'a> {
    const VECTOR_NAME: &'static str = "[MessageRef]";
}


    
/// The table `Envelope` in the namespace `aorta.wire`
/// 
/// Generated from these locations:
/// * Table `Envelope` in the file `bindings/schema/message.fbs:36`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Envelope{
    
        /// The field `message` in the table `Envelope`
        pub message: self::Message,}



impl Envelope {
    /// Creates a [EnvelopeBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> EnvelopeBuilder<()> {
        EnvelopeBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_message: impl ::planus::WriteAsUnion<self::Message>,
        
    ) -> ::planus::Offset<Self> {let prepared_message = field_message.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<self::Message>>(1);table_writer.write_entry::<u8>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_message.offset());object_writer.write::<_, _, 1>(&prepared_message.tag());
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Envelope>> for Envelope {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Envelope> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Envelope>> for Envelope {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Envelope>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Envelope> for Envelope {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Envelope> {
        Envelope::create(
            builder,
        
            
            &self.message,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Envelope] type.
///
/// Can be created using the [Envelope::builder] method.
#[derive(Debug)]
#[must_use]
pub struct EnvelopeBuilder<State>(State);

impl<
    
> EnvelopeBuilder
<
    (
    
    )
>
{
    /// Setter for the [`message` field](Envelope#structfield.message).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn message<T0>(self, value: T0) -> EnvelopeBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsUnion<self::Message>
    {
        EnvelopeBuilder((
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
> EnvelopeBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Envelope].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Envelope>
        where Self: ::planus::WriteAsOffset<Envelope>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsUnion<self::Message>,
    
> ::planus::WriteAs<::planus::Offset<Envelope>> for EnvelopeBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<Envelope>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Envelope> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsUnion<self::Message>,
    
> ::planus::WriteAsOptional<::planus::Offset<Envelope>> for EnvelopeBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<Envelope>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Envelope>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsUnion<self::Message>,
    
> ::planus::WriteAsOffset<Envelope> for EnvelopeBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Envelope> {
        
        let (
            
                v0,
            
        ) = &self.0;Envelope::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [Envelope].
#[derive(Copy, Clone)]
pub struct EnvelopeRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> EnvelopeRef<'a> {
    
        /// Getter for the [`message` field](Envelope#structfield.message).
        #[inline]
        pub fn message(&self) -> ::planus::Result<self::MessageRef<'a>> {
            
            
              
              self.0.access_union_required(0, "Envelope", "message")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for EnvelopeRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("EnvelopeRef");
        f.field("message", &self.message());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<EnvelopeRef<'a>> for Envelope {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: EnvelopeRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            message: ::core::convert::TryInto::try_into(value.message()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for EnvelopeRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for EnvelopeRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[EnvelopeRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Envelope>> for Envelope {
    type Value = ::planus::Offset<Envelope>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Envelope>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for EnvelopeRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[EnvelopeRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  How a client proves who it is. Only the cluster key exists in version 1; per-principal tokens
///  will take a new value (a server refuses a kind it does not know with `AuthenticationFailed`).
/// 
/// Generated from these locations:
/// * Enum `CredentialKind` in the file `bindings/schema/handshake.fbs:10`
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]#[repr(u8)]pub enum CredentialKind {
    
        ///  Challenge-response with the shared cluster key (HMAC-SHA256).
        ClusterKey = 0,
    
}

impl CredentialKind {
    /// Array containing all valid variants of CredentialKind
    pub const ENUM_VALUES: [Self; 1] = [Self::ClusterKey,];
}

impl ::core::convert::TryFrom<u8> for CredentialKind {
    type Error = ::planus::errors::UnknownEnumTagKind;
    #[inline]
    fn try_from(value: u8) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTagKind> {
        #[allow(clippy::match_single_binding)]
        match value {
            0 => ::core::result::Result::Ok(CredentialKind::ClusterKey),
            

            _ => ::core::result::Result::Err(::planus::errors::UnknownEnumTagKind { tag: value as i128 }),
        }
    }
}

impl ::core::convert::From<CredentialKind> for u8 {
    #[inline]
    fn from(value: CredentialKind) -> Self {
        value as u8
    }
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for CredentialKind {
    const ALIGNMENT: usize = 1;
    const SIZE: usize = 1;
}

impl ::planus::WriteAsPrimitive<CredentialKind> for CredentialKind {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        (*self as u8).write(cursor, buffer_position);
    }
}

impl ::planus::WriteAs<CredentialKind> for CredentialKind {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> CredentialKind {
        *self
    }
}

impl ::planus::WriteAsDefault<CredentialKind, CredentialKind> for CredentialKind {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder, default: &CredentialKind) -> ::core::option::Option<CredentialKind> {
        if self == default {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(*self)
        }
    }
}

impl ::planus::WriteAsOptional<CredentialKind> for CredentialKind {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<CredentialKind> {
        ::core::option::Option::Some(*self)
    }
}

impl<'buf> ::planus::TableRead<'buf> for CredentialKind {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'buf>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let n: u8 = ::planus::TableRead::from_buffer(buffer, offset)?;
        ::core::result::Result::Ok(::core::convert::TryInto::try_into(n)?)
    }
}

impl<'buf> ::planus::VectorReadInner<'buf> for CredentialKind {
    type Error = ::planus::errors::UnknownEnumTag;
    const STRIDE: usize = 1;
    #[inline]
    unsafe fn from_buffer(
        buffer: ::planus::SliceWithStartOffset<'buf>,
        offset: usize,
    ) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTag> {let value = unsafe { *buffer.buffer.get_unchecked(offset) };let value: ::core::result::Result<Self, _> = ::core::convert::TryInto::try_into(value);
        value.map_err(|error_kind| error_kind.with_error_location(
            "CredentialKind",
            "VectorRead::from_buffer",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<CredentialKind> for CredentialKind {
    const STRIDE: usize = 1;

    type Value = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Self],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 1];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - i as u32,
                
            );
        }
    }
}

    
///  The client's first message: the protocol versions it speaks, who it is, and its nonce.
/// 
/// Generated from these locations:
/// * Table `ClientHello` in the file `bindings/schema/handshake.fbs:16`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct ClientHello{
    
        ///  Protocol versions the client speaks, any order; the server picks the highest it speaks too.
        pub versions: ::planus::alloc::vec::Vec<u16>,
        ///  The principal the connection acts as: 1 to 128 of `A-Z a-z 0-9 . _ - @`.
        pub principal: ::planus::alloc::string::String,
        /// The field `credential` in the table `ClientHello`
        pub credential: self::CredentialKind,
        ///  32 random bytes, fresh for each connection.
        pub client_nonce: ::planus::alloc::vec::Vec<u8>,
        ///  Reserved for per-principal tokens; absent in version 1.
        pub token: ::core::option::Option<::planus::alloc::vec::Vec<u8>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for ClientHello {
    fn default() -> Self {
        Self {
        versions: ::core::default::Default::default(),
        principal: ::core::default::Default::default(),
        credential: self::CredentialKind::ClusterKey,
        client_nonce: ::core::default::Default::default(),
        token: ::core::default::Default::default(),
        
        }
    }
}


impl ClientHello {
    /// Creates a [ClientHelloBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> ClientHelloBuilder<()> {
        ClientHelloBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_versions: impl ::planus::WriteAs<::planus::Offset<[u16]>>,
        field_principal: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_credential: impl ::planus::WriteAsDefault<self::CredentialKind, self::CredentialKind>,
        field_client_nonce: impl ::planus::WriteAs<::planus::Offset<[u8]>>,
        field_token: impl ::planus::WriteAsOptional<::planus::Offset<[u8]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_versions = field_versions.prepare(builder);let prepared_principal = field_principal.prepare(builder);let prepared_credential = field_credential.prepare(builder, &self::CredentialKind::ClusterKey);let prepared_client_nonce = field_client_nonce.prepare(builder);let prepared_token = field_token.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<14> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<[u16]>>(0);table_writer.write_entry::<::planus::Offset<str>>(1);table_writer.write_entry::<::planus::Offset<[u8]>>(3);if prepared_token.is_some() {table_writer.write_entry::<::planus::Offset<[u8]>>(4);}if prepared_credential.is_some() {table_writer.write_entry::<self::CredentialKind>(2);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_versions);object_writer.write::<_, _, 4>(&prepared_principal);object_writer.write::<_, _, 4>(&prepared_client_nonce);if let ::core::option::Option::Some(prepared_token) = prepared_token {object_writer.write::<_, _, 4>(&prepared_token);}if let ::core::option::Option::Some(prepared_credential) = prepared_credential {object_writer.write::<_, _, 1>(&prepared_credential);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<ClientHello>> for ClientHello {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ClientHello> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<ClientHello>> for ClientHello {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<ClientHello>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<ClientHello> for ClientHello {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ClientHello> {
        ClientHello::create(
            builder,
        
            
            &self.versions,
            
        
            
            &self.principal,
            
        
            
            self.credential,
            
        
            
            &self.client_nonce,
            
        
            
            &self.token,
            
        
        )
    }
}

/// Builder for serializing an instance of the [ClientHello] type.
///
/// Can be created using the [ClientHello::builder] method.
#[derive(Debug)]
#[must_use]
pub struct ClientHelloBuilder<State>(State);

impl<
    
> ClientHelloBuilder
<
    (
    
    )
>
{
    /// Setter for the [`versions` field](ClientHello#structfield.versions).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn versions<T0>(self, value: T0) -> ClientHelloBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<[u16]>>
    {
        ClientHelloBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> ClientHelloBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`principal` field](ClientHello#structfield.principal).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn principal<T1>(self, value: T1) -> ClientHelloBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;ClientHelloBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
> ClientHelloBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`credential` field](ClientHello#structfield.credential).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn credential<T2>(self, value: T2) -> ClientHelloBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsDefault<self::CredentialKind, self::CredentialKind>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;ClientHelloBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    
    /// Sets the [`credential` field](ClientHello#structfield.credential) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn credential_as_default(self) -> ClientHelloBuilder<(
        
            T0,
        
            T1,
        
        ::planus::DefaultValue,
    )>
    {
        self.credential(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> ClientHelloBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`client_nonce` field](ClientHello#structfield.client_nonce).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn client_nonce<T3>(self, value: T3) -> ClientHelloBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAs<::planus::Offset<[u8]>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;ClientHelloBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> ClientHelloBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )
>
{
    /// Setter for the [`token` field](ClientHello#structfield.token).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn token<T4>(self, value: T4) -> ClientHelloBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )>
    where T4: ::planus::WriteAsOptional<::planus::Offset<[u8]>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = self.0;ClientHelloBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
            value,
        ))
    }

    

    
    /// Sets the [`token` field](ClientHello#structfield.token) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn token_as_null(self) -> ClientHelloBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
        (),
    )>
    {
        self.token(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
> ClientHelloBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [ClientHello].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<ClientHello>
        where Self: ::planus::WriteAsOffset<ClientHello>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[u16]>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsDefault<self::CredentialKind, self::CredentialKind>,
    
        T3: ::planus::WriteAs<::planus::Offset<[u8]>>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<[u8]>>,
    
> ::planus::WriteAs<::planus::Offset<ClientHello>> for ClientHelloBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    type Prepared = ::planus::Offset<ClientHello>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ClientHello> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[u16]>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsDefault<self::CredentialKind, self::CredentialKind>,
    
        T3: ::planus::WriteAs<::planus::Offset<[u8]>>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<[u8]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<ClientHello>> for ClientHelloBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    type Prepared = ::planus::Offset<ClientHello>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<ClientHello>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[u16]>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsDefault<self::CredentialKind, self::CredentialKind>,
    
        T3: ::planus::WriteAs<::planus::Offset<[u8]>>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<[u8]>>,
    
> ::planus::WriteAsOffset<ClientHello> for ClientHelloBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ClientHello> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        ) = &self.0;ClientHello::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        )
    }
}

/// Reference to a deserialized [ClientHello].
#[derive(Copy, Clone)]
pub struct ClientHelloRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> ClientHelloRef<'a> {
    
        /// Getter for the [`versions` field](ClientHello#structfield.versions).
        #[inline]
        pub fn versions(&self) -> ::planus::Result<::planus::Vector<'a, u16>> {
            
            
              
              self.0.access_required(0, "ClientHello", "versions")
              
            
            
            
        }
    
        /// Getter for the [`principal` field](ClientHello#structfield.principal).
        #[inline]
        pub fn principal(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(1, "ClientHello", "principal")
              
            
            
            
        }
    
        /// Getter for the [`credential` field](ClientHello#structfield.credential).
        #[inline]
        pub fn credential(&self) -> ::planus::Result<self::CredentialKind> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(2, "ClientHello", "credential")
              
            
            ?.unwrap_or(self::CredentialKind::ClusterKey))
            
        }
    
        /// Getter for the [`client_nonce` field](ClientHello#structfield.client_nonce).
        #[inline]
        pub fn client_nonce(&self) -> ::planus::Result<&'a [u8]> {
            
            
              
              self.0.access_required(3, "ClientHello", "client_nonce")
              
            
            
            
        }
    
        /// Getter for the [`token` field](ClientHello#structfield.token).
        #[inline]
        pub fn token(&self) -> ::planus::Result<::core::option::Option<&'a [u8]>> {
            
            
              
              self.0.access(4, "ClientHello", "token")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for ClientHelloRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("ClientHelloRef");
        f.field("versions", &self.versions());f.field("principal", &self.principal());f.field("credential", &self.credential());f.field("client_nonce", &self.client_nonce());if let ::core::option::Option::Some(field_token) = self.token().transpose() {
                f.field("token", &field_token);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<ClientHelloRef<'a>> for ClientHello {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: ClientHelloRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            versions: value.versions()?.to_vec()?,principal: ::core::convert::Into::into(value.principal()?),credential: ::core::convert::TryInto::try_into(value.credential()?)?,client_nonce: value.client_nonce()?.to_vec(),token: value.token()?.map(|v| v.to_vec()),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for ClientHelloRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for ClientHelloRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[ClientHelloRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<ClientHello>> for ClientHello {
    type Value = ::planus::Offset<ClientHello>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<ClientHello>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for ClientHelloRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[ClientHelloRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  The server's answer to a `ClientHello`: the version it chose, and its nonce.
/// 
/// Generated from these locations:
/// * Table `Challenge` in the file `bindings/schema/handshake.fbs:29`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Challenge{
    
        /// The field `version` in the table `Challenge`
        pub version: u16,
        ///  32 random bytes, fresh for each connection.
        pub server_nonce: ::planus::alloc::vec::Vec<u8>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Challenge {
    fn default() -> Self {
        Self {
        version: 0,
        server_nonce: ::core::default::Default::default(),
        
        }
    }
}


impl Challenge {
    /// Creates a [ChallengeBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> ChallengeBuilder<()> {
        ChallengeBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_version: impl ::planus::WriteAsDefault<u16, u16>,
        field_server_nonce: impl ::planus::WriteAs<::planus::Offset<[u8]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_version = field_version.prepare(builder, &0);let prepared_server_nonce = field_server_nonce.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<[u8]>>(1);if prepared_version.is_some() {table_writer.write_entry::<u16>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_server_nonce);if let ::core::option::Option::Some(prepared_version) = prepared_version {object_writer.write::<_, _, 2>(&prepared_version);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Challenge>> for Challenge {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Challenge> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Challenge>> for Challenge {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Challenge>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Challenge> for Challenge {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Challenge> {
        Challenge::create(
            builder,
        
            
            self.version,
            
        
            
            &self.server_nonce,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Challenge] type.
///
/// Can be created using the [Challenge::builder] method.
#[derive(Debug)]
#[must_use]
pub struct ChallengeBuilder<State>(State);

impl<
    
> ChallengeBuilder
<
    (
    
    )
>
{
    /// Setter for the [`version` field](Challenge#structfield.version).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn version<T0>(self, value: T0) -> ChallengeBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u16, u16>
    {
        ChallengeBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`version` field](Challenge#structfield.version) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn version_as_default(self) -> ChallengeBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.version(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> ChallengeBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`server_nonce` field](Challenge#structfield.server_nonce).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn server_nonce<T1>(self, value: T1) -> ChallengeBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<[u8]>>
    {
        
        let (
            
                v0,
            
        ) = self.0;ChallengeBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
> ChallengeBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Challenge].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Challenge>
        where Self: ::planus::WriteAsOffset<Challenge>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAs<::planus::Offset<[u8]>>,
    
> ::planus::WriteAs<::planus::Offset<Challenge>> for ChallengeBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<Challenge>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Challenge> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAs<::planus::Offset<[u8]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<Challenge>> for ChallengeBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<Challenge>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Challenge>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAs<::planus::Offset<[u8]>>,
    
> ::planus::WriteAsOffset<Challenge> for ChallengeBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Challenge> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;Challenge::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [Challenge].
#[derive(Copy, Clone)]
pub struct ChallengeRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> ChallengeRef<'a> {
    
        /// Getter for the [`version` field](Challenge#structfield.version).
        #[inline]
        pub fn version(&self) -> ::planus::Result<u16> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "Challenge", "version")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`server_nonce` field](Challenge#structfield.server_nonce).
        #[inline]
        pub fn server_nonce(&self) -> ::planus::Result<&'a [u8]> {
            
            
              
              self.0.access_required(1, "Challenge", "server_nonce")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for ChallengeRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("ChallengeRef");
        f.field("version", &self.version());f.field("server_nonce", &self.server_nonce());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<ChallengeRef<'a>> for Challenge {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: ChallengeRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            version: ::core::convert::TryInto::try_into(value.version()?)?,server_nonce: value.server_nonce()?.to_vec(),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for ChallengeRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for ChallengeRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[ChallengeRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Challenge>> for Challenge {
    type Value = ::planus::Offset<Challenge>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Challenge>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for ChallengeRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[ChallengeRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  The client's proof that it knows the cluster key: HMAC-SHA256 over both nonces, the principal
///  and the version (docs/protocol.md). The key itself never crosses the wire.
/// 
/// Generated from these locations:
/// * Table `Proof` in the file `bindings/schema/handshake.fbs:37`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Proof{
    
        /// The field `mac` in the table `Proof`
        pub mac: ::planus::alloc::vec::Vec<u8>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Proof {
    fn default() -> Self {
        Self {
        mac: ::core::default::Default::default(),
        
        }
    }
}


impl Proof {
    /// Creates a [ProofBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> ProofBuilder<()> {
        ProofBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_mac: impl ::planus::WriteAs<::planus::Offset<[u8]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_mac = field_mac.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<[u8]>>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_mac);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Proof>> for Proof {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Proof> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Proof>> for Proof {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Proof>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Proof> for Proof {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Proof> {
        Proof::create(
            builder,
        
            
            &self.mac,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Proof] type.
///
/// Can be created using the [Proof::builder] method.
#[derive(Debug)]
#[must_use]
pub struct ProofBuilder<State>(State);

impl<
    
> ProofBuilder
<
    (
    
    )
>
{
    /// Setter for the [`mac` field](Proof#structfield.mac).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn mac<T0>(self, value: T0) -> ProofBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<[u8]>>
    {
        ProofBuilder((
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
> ProofBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Proof].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Proof>
        where Self: ::planus::WriteAsOffset<Proof>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[u8]>>,
    
> ::planus::WriteAs<::planus::Offset<Proof>> for ProofBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<Proof>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Proof> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[u8]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<Proof>> for ProofBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<Proof>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Proof>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[u8]>>,
    
> ::planus::WriteAsOffset<Proof> for ProofBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Proof> {
        
        let (
            
                v0,
            
        ) = &self.0;Proof::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [Proof].
#[derive(Copy, Clone)]
pub struct ProofRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> ProofRef<'a> {
    
        /// Getter for the [`mac` field](Proof#structfield.mac).
        #[inline]
        pub fn mac(&self) -> ::planus::Result<&'a [u8]> {
            
            
              
              self.0.access_required(0, "Proof", "mac")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for ProofRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("ProofRef");
        f.field("mac", &self.mac());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<ProofRef<'a>> for Proof {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: ProofRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            mac: value.mac()?.to_vec(),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for ProofRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for ProofRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[ProofRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Proof>> for Proof {
    type Value = ::planus::Offset<Proof>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Proof>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for ProofRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[ProofRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  The handshake succeeded. The server proves it knows the key too (`mac`, over another label),
///  and states its limits.
/// 
/// Generated from these locations:
/// * Table `Welcome` in the file `bindings/schema/handshake.fbs:43`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Welcome{
    
        /// The field `version` in the table `Welcome`
        pub version: u16,
        /// The field `principal` in the table `Welcome`
        pub principal: ::planus::alloc::string::String,
        /// The field `mac` in the table `Welcome`
        pub mac: ::planus::alloc::vec::Vec<u8>,
        /// The field `cluster_id` in the table `Welcome`
        pub cluster_id: u32,
        ///  The largest frame body the server accepts.
        pub frame_bytes_max: u32,
        ///  How often each side sends a `Ping` when the control stream is otherwise quiet.
        pub heartbeat_interval_ms: u32,
        ///  Requests the connection may have taken and not yet answered, over all its streams (beyond:
        ///  answered `Overloaded`); a client keeps its own under it. 0 (absent, an older server): not
        ///  stated.
        pub requests_in_flight_max: u32,
        ///  Bytes of requests the connection may hold (frames arriving and requests not yet answered;
        ///  beyond: the stream is reset `Overloaded`). 0 (absent, an older server): not stated.
        pub request_bytes_in_flight_max: u64,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Welcome {
    fn default() -> Self {
        Self {
        version: 0,
        principal: ::core::default::Default::default(),
        mac: ::core::default::Default::default(),
        cluster_id: 0,
        frame_bytes_max: 0,
        heartbeat_interval_ms: 0,
        requests_in_flight_max: 0,
        request_bytes_in_flight_max: 0,
        
        }
    }
}


impl Welcome {
    /// Creates a [WelcomeBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> WelcomeBuilder<()> {
        WelcomeBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_version: impl ::planus::WriteAsDefault<u16, u16>,
        field_principal: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_mac: impl ::planus::WriteAs<::planus::Offset<[u8]>>,
        field_cluster_id: impl ::planus::WriteAsDefault<u32, u32>,
        field_frame_bytes_max: impl ::planus::WriteAsDefault<u32, u32>,
        field_heartbeat_interval_ms: impl ::planus::WriteAsDefault<u32, u32>,
        field_requests_in_flight_max: impl ::planus::WriteAsDefault<u32, u32>,
        field_request_bytes_in_flight_max: impl ::planus::WriteAsDefault<u64, u64>,
        
    ) -> ::planus::Offset<Self> {let prepared_version = field_version.prepare(builder, &0);let prepared_principal = field_principal.prepare(builder);let prepared_mac = field_mac.prepare(builder);let prepared_cluster_id = field_cluster_id.prepare(builder, &0);let prepared_frame_bytes_max = field_frame_bytes_max.prepare(builder, &0);let prepared_heartbeat_interval_ms = field_heartbeat_interval_ms.prepare(builder, &0);let prepared_requests_in_flight_max = field_requests_in_flight_max.prepare(builder, &0);let prepared_request_bytes_in_flight_max = field_request_bytes_in_flight_max.prepare(builder, &0);

        let mut table_writer: ::planus::table_writer::TableWriter::<20> = ::core::default::Default::default();
        if prepared_request_bytes_in_flight_max.is_some() {table_writer.write_entry::<u64>(7);}table_writer.write_entry::<::planus::Offset<str>>(1);table_writer.write_entry::<::planus::Offset<[u8]>>(2);if prepared_cluster_id.is_some() {table_writer.write_entry::<u32>(3);}if prepared_frame_bytes_max.is_some() {table_writer.write_entry::<u32>(4);}if prepared_heartbeat_interval_ms.is_some() {table_writer.write_entry::<u32>(5);}if prepared_requests_in_flight_max.is_some() {table_writer.write_entry::<u32>(6);}if prepared_version.is_some() {table_writer.write_entry::<u16>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_request_bytes_in_flight_max) = prepared_request_bytes_in_flight_max {object_writer.write::<_, _, 8>(&prepared_request_bytes_in_flight_max);}object_writer.write::<_, _, 4>(&prepared_principal);object_writer.write::<_, _, 4>(&prepared_mac);if let ::core::option::Option::Some(prepared_cluster_id) = prepared_cluster_id {object_writer.write::<_, _, 4>(&prepared_cluster_id);}if let ::core::option::Option::Some(prepared_frame_bytes_max) = prepared_frame_bytes_max {object_writer.write::<_, _, 4>(&prepared_frame_bytes_max);}if let ::core::option::Option::Some(prepared_heartbeat_interval_ms) = prepared_heartbeat_interval_ms {object_writer.write::<_, _, 4>(&prepared_heartbeat_interval_ms);}if let ::core::option::Option::Some(prepared_requests_in_flight_max) = prepared_requests_in_flight_max {object_writer.write::<_, _, 4>(&prepared_requests_in_flight_max);}if let ::core::option::Option::Some(prepared_version) = prepared_version {object_writer.write::<_, _, 2>(&prepared_version);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Welcome>> for Welcome {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Welcome> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Welcome>> for Welcome {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Welcome>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Welcome> for Welcome {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Welcome> {
        Welcome::create(
            builder,
        
            
            self.version,
            
        
            
            &self.principal,
            
        
            
            &self.mac,
            
        
            
            self.cluster_id,
            
        
            
            self.frame_bytes_max,
            
        
            
            self.heartbeat_interval_ms,
            
        
            
            self.requests_in_flight_max,
            
        
            
            self.request_bytes_in_flight_max,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Welcome] type.
///
/// Can be created using the [Welcome::builder] method.
#[derive(Debug)]
#[must_use]
pub struct WelcomeBuilder<State>(State);

impl<
    
> WelcomeBuilder
<
    (
    
    )
>
{
    /// Setter for the [`version` field](Welcome#structfield.version).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn version<T0>(self, value: T0) -> WelcomeBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u16, u16>
    {
        WelcomeBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`version` field](Welcome#structfield.version) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn version_as_default(self) -> WelcomeBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.version(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> WelcomeBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`principal` field](Welcome#structfield.principal).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn principal<T1>(self, value: T1) -> WelcomeBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;WelcomeBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
> WelcomeBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`mac` field](Welcome#structfield.mac).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn mac<T2>(self, value: T2) -> WelcomeBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAs<::planus::Offset<[u8]>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;WelcomeBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> WelcomeBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`cluster_id` field](Welcome#structfield.cluster_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn cluster_id<T3>(self, value: T3) -> WelcomeBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAsDefault<u32, u32>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;WelcomeBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    
    /// Sets the [`cluster_id` field](Welcome#structfield.cluster_id) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn cluster_id_as_default(self) -> WelcomeBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
        ::planus::DefaultValue,
    )>
    {
        self.cluster_id(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> WelcomeBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )
>
{
    /// Setter for the [`frame_bytes_max` field](Welcome#structfield.frame_bytes_max).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn frame_bytes_max<T4>(self, value: T4) -> WelcomeBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )>
    where T4: ::planus::WriteAsDefault<u32, u32>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = self.0;WelcomeBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
            value,
        ))
    }

    
    /// Sets the [`frame_bytes_max` field](Welcome#structfield.frame_bytes_max) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn frame_bytes_max_as_default(self) -> WelcomeBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
        ::planus::DefaultValue,
    )>
    {
        self.frame_bytes_max(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
> WelcomeBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )
>
{
    /// Setter for the [`heartbeat_interval_ms` field](Welcome#structfield.heartbeat_interval_ms).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn heartbeat_interval_ms<T5>(self, value: T5) -> WelcomeBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
    )>
    where T5: ::planus::WriteAsDefault<u32, u32>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        ) = self.0;WelcomeBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
            value,
        ))
    }

    
    /// Sets the [`heartbeat_interval_ms` field](Welcome#structfield.heartbeat_interval_ms) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn heartbeat_interval_ms_as_default(self) -> WelcomeBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
        ::planus::DefaultValue,
    )>
    {
        self.heartbeat_interval_ms(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
> WelcomeBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
    )
>
{
    /// Setter for the [`requests_in_flight_max` field](Welcome#structfield.requests_in_flight_max).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn requests_in_flight_max<T6>(self, value: T6) -> WelcomeBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
    )>
    where T6: ::planus::WriteAsDefault<u32, u32>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
        ) = self.0;WelcomeBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
            value,
        ))
    }

    
    /// Sets the [`requests_in_flight_max` field](Welcome#structfield.requests_in_flight_max) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn requests_in_flight_max_as_default(self) -> WelcomeBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
            T5,
        
        ::planus::DefaultValue,
    )>
    {
        self.requests_in_flight_max(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
> WelcomeBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
    )
>
{
    /// Setter for the [`request_bytes_in_flight_max` field](Welcome#structfield.request_bytes_in_flight_max).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn request_bytes_in_flight_max<T7>(self, value: T7) -> WelcomeBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
    )>
    where T7: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
        ) = self.0;WelcomeBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
            value,
        ))
    }

    
    /// Sets the [`request_bytes_in_flight_max` field](Welcome#structfield.request_bytes_in_flight_max) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn request_bytes_in_flight_max_as_default(self) -> WelcomeBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
            T5,
        
            T6,
        
        ::planus::DefaultValue,
    )>
    {
        self.request_bytes_in_flight_max(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
> WelcomeBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Welcome].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Welcome>
        where Self: ::planus::WriteAsOffset<Welcome>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAs<::planus::Offset<[u8]>>,
    
        T3: ::planus::WriteAsDefault<u32, u32>,
    
        T4: ::planus::WriteAsDefault<u32, u32>,
    
        T5: ::planus::WriteAsDefault<u32, u32>,
    
        T6: ::planus::WriteAsDefault<u32, u32>,
    
        T7: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAs<::planus::Offset<Welcome>> for WelcomeBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
)> {
    type Prepared = ::planus::Offset<Welcome>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Welcome> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAs<::planus::Offset<[u8]>>,
    
        T3: ::planus::WriteAsDefault<u32, u32>,
    
        T4: ::planus::WriteAsDefault<u32, u32>,
    
        T5: ::planus::WriteAsDefault<u32, u32>,
    
        T6: ::planus::WriteAsDefault<u32, u32>,
    
        T7: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOptional<::planus::Offset<Welcome>> for WelcomeBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
)> {
    type Prepared = ::planus::Offset<Welcome>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Welcome>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAs<::planus::Offset<[u8]>>,
    
        T3: ::planus::WriteAsDefault<u32, u32>,
    
        T4: ::planus::WriteAsDefault<u32, u32>,
    
        T5: ::planus::WriteAsDefault<u32, u32>,
    
        T6: ::planus::WriteAsDefault<u32, u32>,
    
        T7: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOffset<Welcome> for WelcomeBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Welcome> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
                v7,
            
        ) = &self.0;Welcome::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
                v7,
            
        )
    }
}

/// Reference to a deserialized [Welcome].
#[derive(Copy, Clone)]
pub struct WelcomeRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> WelcomeRef<'a> {
    
        /// Getter for the [`version` field](Welcome#structfield.version).
        #[inline]
        pub fn version(&self) -> ::planus::Result<u16> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "Welcome", "version")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`principal` field](Welcome#structfield.principal).
        #[inline]
        pub fn principal(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(1, "Welcome", "principal")
              
            
            
            
        }
    
        /// Getter for the [`mac` field](Welcome#structfield.mac).
        #[inline]
        pub fn mac(&self) -> ::planus::Result<&'a [u8]> {
            
            
              
              self.0.access_required(2, "Welcome", "mac")
              
            
            
            
        }
    
        /// Getter for the [`cluster_id` field](Welcome#structfield.cluster_id).
        #[inline]
        pub fn cluster_id(&self) -> ::planus::Result<u32> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(3, "Welcome", "cluster_id")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`frame_bytes_max` field](Welcome#structfield.frame_bytes_max).
        #[inline]
        pub fn frame_bytes_max(&self) -> ::planus::Result<u32> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(4, "Welcome", "frame_bytes_max")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`heartbeat_interval_ms` field](Welcome#structfield.heartbeat_interval_ms).
        #[inline]
        pub fn heartbeat_interval_ms(&self) -> ::planus::Result<u32> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(5, "Welcome", "heartbeat_interval_ms")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`requests_in_flight_max` field](Welcome#structfield.requests_in_flight_max).
        #[inline]
        pub fn requests_in_flight_max(&self) -> ::planus::Result<u32> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(6, "Welcome", "requests_in_flight_max")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`request_bytes_in_flight_max` field](Welcome#structfield.request_bytes_in_flight_max).
        #[inline]
        pub fn request_bytes_in_flight_max(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(7, "Welcome", "request_bytes_in_flight_max")
              
            
            ?.unwrap_or(0))
            
        }
    
}

impl<'a> ::core::fmt::Debug for WelcomeRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("WelcomeRef");
        f.field("version", &self.version());f.field("principal", &self.principal());f.field("mac", &self.mac());f.field("cluster_id", &self.cluster_id());f.field("frame_bytes_max", &self.frame_bytes_max());f.field("heartbeat_interval_ms", &self.heartbeat_interval_ms());f.field("requests_in_flight_max", &self.requests_in_flight_max());f.field("request_bytes_in_flight_max", &self.request_bytes_in_flight_max());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<WelcomeRef<'a>> for Welcome {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: WelcomeRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            version: ::core::convert::TryInto::try_into(value.version()?)?,principal: ::core::convert::Into::into(value.principal()?),mac: value.mac()?.to_vec(),cluster_id: ::core::convert::TryInto::try_into(value.cluster_id()?)?,frame_bytes_max: ::core::convert::TryInto::try_into(value.frame_bytes_max()?)?,heartbeat_interval_ms: ::core::convert::TryInto::try_into(value.heartbeat_interval_ms()?)?,requests_in_flight_max: ::core::convert::TryInto::try_into(value.requests_in_flight_max()?)?,request_bytes_in_flight_max: ::core::convert::TryInto::try_into(value.request_bytes_in_flight_max()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for WelcomeRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for WelcomeRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[WelcomeRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Welcome>> for Welcome {
    type Value = ::planus::Offset<Welcome>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Welcome>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for WelcomeRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[WelcomeRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  The handshake failed; the server closes the connection after sending this.
/// 
/// Generated from these locations:
/// * Table `HandshakeRefused` in the file `bindings/schema/handshake.fbs:62`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct HandshakeRefused{
    
        /// The field `error` in the table `HandshakeRefused`
        pub error: ::planus::alloc::boxed::Box<self::Error>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for HandshakeRefused {
    fn default() -> Self {
        Self {
        error: ::core::default::Default::default(),
        
        }
    }
}


impl HandshakeRefused {
    /// Creates a [HandshakeRefusedBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> HandshakeRefusedBuilder<()> {
        HandshakeRefusedBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_error: impl ::planus::WriteAs<::planus::Offset<self::Error>>,
        
    ) -> ::planus::Offset<Self> {let prepared_error = field_error.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<self::Error>>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_error);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<HandshakeRefused>> for HandshakeRefused {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<HandshakeRefused> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<HandshakeRefused>> for HandshakeRefused {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<HandshakeRefused>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<HandshakeRefused> for HandshakeRefused {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<HandshakeRefused> {
        HandshakeRefused::create(
            builder,
        
            
            &self.error,
            
        
        )
    }
}

/// Builder for serializing an instance of the [HandshakeRefused] type.
///
/// Can be created using the [HandshakeRefused::builder] method.
#[derive(Debug)]
#[must_use]
pub struct HandshakeRefusedBuilder<State>(State);

impl<
    
> HandshakeRefusedBuilder
<
    (
    
    )
>
{
    /// Setter for the [`error` field](HandshakeRefused#structfield.error).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn error<T0>(self, value: T0) -> HandshakeRefusedBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<self::Error>>
    {
        HandshakeRefusedBuilder((
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
> HandshakeRefusedBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [HandshakeRefused].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<HandshakeRefused>
        where Self: ::planus::WriteAsOffset<HandshakeRefused>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::Error>>,
    
> ::planus::WriteAs<::planus::Offset<HandshakeRefused>> for HandshakeRefusedBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<HandshakeRefused>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<HandshakeRefused> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::Error>>,
    
> ::planus::WriteAsOptional<::planus::Offset<HandshakeRefused>> for HandshakeRefusedBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<HandshakeRefused>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<HandshakeRefused>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::Error>>,
    
> ::planus::WriteAsOffset<HandshakeRefused> for HandshakeRefusedBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<HandshakeRefused> {
        
        let (
            
                v0,
            
        ) = &self.0;HandshakeRefused::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [HandshakeRefused].
#[derive(Copy, Clone)]
pub struct HandshakeRefusedRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> HandshakeRefusedRef<'a> {
    
        /// Getter for the [`error` field](HandshakeRefused#structfield.error).
        #[inline]
        pub fn error(&self) -> ::planus::Result<self::ErrorRef<'a>> {
            
            
              
              self.0.access_required(0, "HandshakeRefused", "error")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for HandshakeRefusedRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("HandshakeRefusedRef");
        f.field("error", &self.error());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<HandshakeRefusedRef<'a>> for HandshakeRefused {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: HandshakeRefusedRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            error: ::planus::alloc::boxed::Box::new(::core::convert::TryInto::try_into(value.error()?)?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for HandshakeRefusedRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for HandshakeRefusedRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[HandshakeRefusedRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<HandshakeRefused>> for HandshakeRefused {
    type Value = ::planus::Offset<HandshakeRefused>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<HandshakeRefused>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for HandshakeRefusedRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[HandshakeRefusedRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  A heartbeat. Either side sends one when it has sent nothing on the control stream for the
///  heartbeat interval; the other answers `Pong` with the same `sequence`.
/// 
/// Generated from these locations:
/// * Table `Ping` in the file `bindings/schema/handshake.fbs:68`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Ping{
    
        /// The field `sequence` in the table `Ping`
        pub sequence: u64,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Ping {
    fn default() -> Self {
        Self {
        sequence: 0,
        
        }
    }
}


impl Ping {
    /// Creates a [PingBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> PingBuilder<()> {
        PingBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_sequence: impl ::planus::WriteAsDefault<u64, u64>,
        
    ) -> ::planus::Offset<Self> {let prepared_sequence = field_sequence.prepare(builder, &0);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        if prepared_sequence.is_some() {table_writer.write_entry::<u64>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_sequence) = prepared_sequence {object_writer.write::<_, _, 8>(&prepared_sequence);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Ping>> for Ping {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Ping> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Ping>> for Ping {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Ping>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Ping> for Ping {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Ping> {
        Ping::create(
            builder,
        
            
            self.sequence,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Ping] type.
///
/// Can be created using the [Ping::builder] method.
#[derive(Debug)]
#[must_use]
pub struct PingBuilder<State>(State);

impl<
    
> PingBuilder
<
    (
    
    )
>
{
    /// Setter for the [`sequence` field](Ping#structfield.sequence).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn sequence<T0>(self, value: T0) -> PingBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u64, u64>
    {
        PingBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`sequence` field](Ping#structfield.sequence) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn sequence_as_default(self) -> PingBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.sequence(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
> PingBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Ping].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Ping>
        where Self: ::planus::WriteAsOffset<Ping>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAs<::planus::Offset<Ping>> for PingBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<Ping>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Ping> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOptional<::planus::Offset<Ping>> for PingBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<Ping>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Ping>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOffset<Ping> for PingBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Ping> {
        
        let (
            
                v0,
            
        ) = &self.0;Ping::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [Ping].
#[derive(Copy, Clone)]
pub struct PingRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> PingRef<'a> {
    
        /// Getter for the [`sequence` field](Ping#structfield.sequence).
        #[inline]
        pub fn sequence(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "Ping", "sequence")
              
            
            ?.unwrap_or(0))
            
        }
    
}

impl<'a> ::core::fmt::Debug for PingRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("PingRef");
        f.field("sequence", &self.sequence());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<PingRef<'a>> for Ping {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: PingRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            sequence: ::core::convert::TryInto::try_into(value.sequence()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for PingRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for PingRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[PingRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Ping>> for Ping {
    type Value = ::planus::Offset<Ping>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Ping>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for PingRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[PingRef]",
            "read_as_root",
            0,
        ))
    }
}

    
/// The table `Pong` in the namespace `aorta.wire`
/// 
/// Generated from these locations:
/// * Table `Pong` in the file `bindings/schema/handshake.fbs:72`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Pong{
    
        /// The field `sequence` in the table `Pong`
        pub sequence: u64,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Pong {
    fn default() -> Self {
        Self {
        sequence: 0,
        
        }
    }
}


impl Pong {
    /// Creates a [PongBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> PongBuilder<()> {
        PongBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_sequence: impl ::planus::WriteAsDefault<u64, u64>,
        
    ) -> ::planus::Offset<Self> {let prepared_sequence = field_sequence.prepare(builder, &0);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        if prepared_sequence.is_some() {table_writer.write_entry::<u64>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_sequence) = prepared_sequence {object_writer.write::<_, _, 8>(&prepared_sequence);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Pong>> for Pong {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Pong> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Pong>> for Pong {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Pong>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Pong> for Pong {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Pong> {
        Pong::create(
            builder,
        
            
            self.sequence,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Pong] type.
///
/// Can be created using the [Pong::builder] method.
#[derive(Debug)]
#[must_use]
pub struct PongBuilder<State>(State);

impl<
    
> PongBuilder
<
    (
    
    )
>
{
    /// Setter for the [`sequence` field](Pong#structfield.sequence).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn sequence<T0>(self, value: T0) -> PongBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u64, u64>
    {
        PongBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`sequence` field](Pong#structfield.sequence) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn sequence_as_default(self) -> PongBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.sequence(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
> PongBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Pong].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Pong>
        where Self: ::planus::WriteAsOffset<Pong>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAs<::planus::Offset<Pong>> for PongBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<Pong>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Pong> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOptional<::planus::Offset<Pong>> for PongBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<Pong>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Pong>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOffset<Pong> for PongBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Pong> {
        
        let (
            
                v0,
            
        ) = &self.0;Pong::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [Pong].
#[derive(Copy, Clone)]
pub struct PongRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> PongRef<'a> {
    
        /// Getter for the [`sequence` field](Pong#structfield.sequence).
        #[inline]
        pub fn sequence(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "Pong", "sequence")
              
            
            ?.unwrap_or(0))
            
        }
    
}

impl<'a> ::core::fmt::Debug for PongRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("PongRef");
        f.field("sequence", &self.sequence());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<PongRef<'a>> for Pong {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: PongRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            sequence: ::core::convert::TryInto::try_into(value.sequence()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for PongRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for PongRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[PongRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Pong>> for Pong {
    type Value = ::planus::Offset<Pong>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Pong>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for PongRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[PongRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Creates the key; fails (`Conflict`, already exists) if it exists.
/// 
/// Generated from these locations:
/// * Table `CreateCommand` in the file `bindings/schema/request.fbs:8`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct CreateCommand{
    
        /// The field `spec` in the table `CreateCommand`
        pub spec: ::planus::alloc::boxed::Box<self::ResourceSpec>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for CreateCommand {
    fn default() -> Self {
        Self {
        spec: ::core::default::Default::default(),
        
        }
    }
}


impl CreateCommand {
    /// Creates a [CreateCommandBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> CreateCommandBuilder<()> {
        CreateCommandBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_spec: impl ::planus::WriteAs<::planus::Offset<self::ResourceSpec>>,
        
    ) -> ::planus::Offset<Self> {let prepared_spec = field_spec.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<self::ResourceSpec>>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_spec);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<CreateCommand>> for CreateCommand {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CreateCommand> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<CreateCommand>> for CreateCommand {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CreateCommand>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<CreateCommand> for CreateCommand {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CreateCommand> {
        CreateCommand::create(
            builder,
        
            
            &self.spec,
            
        
        )
    }
}

/// Builder for serializing an instance of the [CreateCommand] type.
///
/// Can be created using the [CreateCommand::builder] method.
#[derive(Debug)]
#[must_use]
pub struct CreateCommandBuilder<State>(State);

impl<
    
> CreateCommandBuilder
<
    (
    
    )
>
{
    /// Setter for the [`spec` field](CreateCommand#structfield.spec).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn spec<T0>(self, value: T0) -> CreateCommandBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<self::ResourceSpec>>
    {
        CreateCommandBuilder((
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
> CreateCommandBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [CreateCommand].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<CreateCommand>
        where Self: ::planus::WriteAsOffset<CreateCommand>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::ResourceSpec>>,
    
> ::planus::WriteAs<::planus::Offset<CreateCommand>> for CreateCommandBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<CreateCommand>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CreateCommand> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::ResourceSpec>>,
    
> ::planus::WriteAsOptional<::planus::Offset<CreateCommand>> for CreateCommandBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<CreateCommand>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CreateCommand>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::ResourceSpec>>,
    
> ::planus::WriteAsOffset<CreateCommand> for CreateCommandBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CreateCommand> {
        
        let (
            
                v0,
            
        ) = &self.0;CreateCommand::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [CreateCommand].
#[derive(Copy, Clone)]
pub struct CreateCommandRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> CreateCommandRef<'a> {
    
        /// Getter for the [`spec` field](CreateCommand#structfield.spec).
        #[inline]
        pub fn spec(&self) -> ::planus::Result<self::ResourceSpecRef<'a>> {
            
            
              
              self.0.access_required(0, "CreateCommand", "spec")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for CreateCommandRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("CreateCommandRef");
        f.field("spec", &self.spec());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<CreateCommandRef<'a>> for CreateCommand {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: CreateCommandRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            spec: ::planus::alloc::boxed::Box::new(::core::convert::TryInto::try_into(value.spec()?)?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for CreateCommandRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for CreateCommandRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[CreateCommandRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<CreateCommand>> for CreateCommand {
    type Value = ::planus::Offset<CreateCommand>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<CreateCommand>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for CreateCommandRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[CreateCommandRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Replaces an existing key, keeping its id and created time; fails (`Conflict`, not found) if it
///  is absent.
/// 
/// Generated from these locations:
/// * Table `UpdateCommand` in the file `bindings/schema/request.fbs:14`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct UpdateCommand{
    
        /// The field `spec` in the table `UpdateCommand`
        pub spec: ::planus::alloc::boxed::Box<self::ResourceSpec>,
        ///  When present, the command holds only if the key's revision is this (0: absent).
        pub expected_revision: ::core::option::Option<u64>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for UpdateCommand {
    fn default() -> Self {
        Self {
        spec: ::core::default::Default::default(),
        expected_revision: ::core::default::Default::default(),
        
        }
    }
}


impl UpdateCommand {
    /// Creates a [UpdateCommandBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> UpdateCommandBuilder<()> {
        UpdateCommandBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_spec: impl ::planus::WriteAs<::planus::Offset<self::ResourceSpec>>,
        field_expected_revision: impl ::planus::WriteAsOptional<u64>,
        
    ) -> ::planus::Offset<Self> {let prepared_spec = field_spec.prepare(builder);let prepared_expected_revision = field_expected_revision.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        if prepared_expected_revision.is_some() {table_writer.write_entry::<u64>(1);}table_writer.write_entry::<::planus::Offset<self::ResourceSpec>>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_expected_revision) = prepared_expected_revision {object_writer.write::<_, _, 8>(&prepared_expected_revision);}object_writer.write::<_, _, 4>(&prepared_spec);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<UpdateCommand>> for UpdateCommand {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<UpdateCommand> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<UpdateCommand>> for UpdateCommand {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<UpdateCommand>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<UpdateCommand> for UpdateCommand {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<UpdateCommand> {
        UpdateCommand::create(
            builder,
        
            
            &self.spec,
            
        
            
            self.expected_revision,
            
        
        )
    }
}

/// Builder for serializing an instance of the [UpdateCommand] type.
///
/// Can be created using the [UpdateCommand::builder] method.
#[derive(Debug)]
#[must_use]
pub struct UpdateCommandBuilder<State>(State);

impl<
    
> UpdateCommandBuilder
<
    (
    
    )
>
{
    /// Setter for the [`spec` field](UpdateCommand#structfield.spec).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn spec<T0>(self, value: T0) -> UpdateCommandBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<self::ResourceSpec>>
    {
        UpdateCommandBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> UpdateCommandBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`expected_revision` field](UpdateCommand#structfield.expected_revision).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn expected_revision<T1>(self, value: T1) -> UpdateCommandBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsOptional<u64>
    {
        
        let (
            
                v0,
            
        ) = self.0;UpdateCommandBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
    /// Sets the [`expected_revision` field](UpdateCommand#structfield.expected_revision) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn expected_revision_as_null(self) -> UpdateCommandBuilder<(
        
            T0,
        
        (),
    )>
    {
        self.expected_revision(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
> UpdateCommandBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [UpdateCommand].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<UpdateCommand>
        where Self: ::planus::WriteAsOffset<UpdateCommand>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::ResourceSpec>>,
    
        T1: ::planus::WriteAsOptional<u64>,
    
> ::planus::WriteAs<::planus::Offset<UpdateCommand>> for UpdateCommandBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<UpdateCommand>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<UpdateCommand> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::ResourceSpec>>,
    
        T1: ::planus::WriteAsOptional<u64>,
    
> ::planus::WriteAsOptional<::planus::Offset<UpdateCommand>> for UpdateCommandBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<UpdateCommand>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<UpdateCommand>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::ResourceSpec>>,
    
        T1: ::planus::WriteAsOptional<u64>,
    
> ::planus::WriteAsOffset<UpdateCommand> for UpdateCommandBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<UpdateCommand> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;UpdateCommand::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [UpdateCommand].
#[derive(Copy, Clone)]
pub struct UpdateCommandRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> UpdateCommandRef<'a> {
    
        /// Getter for the [`spec` field](UpdateCommand#structfield.spec).
        #[inline]
        pub fn spec(&self) -> ::planus::Result<self::ResourceSpecRef<'a>> {
            
            
              
              self.0.access_required(0, "UpdateCommand", "spec")
              
            
            
            
        }
    
        /// Getter for the [`expected_revision` field](UpdateCommand#structfield.expected_revision).
        #[inline]
        pub fn expected_revision(&self) -> ::planus::Result<::core::option::Option<u64>> {
            
            
              
              self.0.access(1, "UpdateCommand", "expected_revision")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for UpdateCommandRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("UpdateCommandRef");
        f.field("spec", &self.spec());if let ::core::option::Option::Some(field_expected_revision) = self.expected_revision().transpose() {
                f.field("expected_revision", &field_expected_revision);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<UpdateCommandRef<'a>> for UpdateCommand {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: UpdateCommandRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            spec: ::planus::alloc::boxed::Box::new(::core::convert::TryInto::try_into(value.spec()?)?),expected_revision: 
                    if let ::core::option::Option::Some(expected_revision) = value.expected_revision()? {
                        ::core::option::Option::Some(::core::convert::TryInto::try_into(expected_revision)?)
                    } else {
                        ::core::option::Option::None
                    }
                ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for UpdateCommandRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for UpdateCommandRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[UpdateCommandRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<UpdateCommand>> for UpdateCommand {
    type Value = ::planus::Offset<UpdateCommand>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<UpdateCommand>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for UpdateCommandRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[UpdateCommandRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Creates the key or replaces it.
/// 
/// Generated from these locations:
/// * Table `PutCommand` in the file `bindings/schema/request.fbs:21`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct PutCommand{
    
        /// The field `spec` in the table `PutCommand`
        pub spec: ::planus::alloc::boxed::Box<self::ResourceSpec>,
        /// The field `expected_revision` in the table `PutCommand`
        pub expected_revision: ::core::option::Option<u64>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for PutCommand {
    fn default() -> Self {
        Self {
        spec: ::core::default::Default::default(),
        expected_revision: ::core::default::Default::default(),
        
        }
    }
}


impl PutCommand {
    /// Creates a [PutCommandBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> PutCommandBuilder<()> {
        PutCommandBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_spec: impl ::planus::WriteAs<::planus::Offset<self::ResourceSpec>>,
        field_expected_revision: impl ::planus::WriteAsOptional<u64>,
        
    ) -> ::planus::Offset<Self> {let prepared_spec = field_spec.prepare(builder);let prepared_expected_revision = field_expected_revision.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        if prepared_expected_revision.is_some() {table_writer.write_entry::<u64>(1);}table_writer.write_entry::<::planus::Offset<self::ResourceSpec>>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_expected_revision) = prepared_expected_revision {object_writer.write::<_, _, 8>(&prepared_expected_revision);}object_writer.write::<_, _, 4>(&prepared_spec);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<PutCommand>> for PutCommand {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PutCommand> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<PutCommand>> for PutCommand {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<PutCommand>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<PutCommand> for PutCommand {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PutCommand> {
        PutCommand::create(
            builder,
        
            
            &self.spec,
            
        
            
            self.expected_revision,
            
        
        )
    }
}

/// Builder for serializing an instance of the [PutCommand] type.
///
/// Can be created using the [PutCommand::builder] method.
#[derive(Debug)]
#[must_use]
pub struct PutCommandBuilder<State>(State);

impl<
    
> PutCommandBuilder
<
    (
    
    )
>
{
    /// Setter for the [`spec` field](PutCommand#structfield.spec).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn spec<T0>(self, value: T0) -> PutCommandBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<self::ResourceSpec>>
    {
        PutCommandBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> PutCommandBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`expected_revision` field](PutCommand#structfield.expected_revision).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn expected_revision<T1>(self, value: T1) -> PutCommandBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsOptional<u64>
    {
        
        let (
            
                v0,
            
        ) = self.0;PutCommandBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
    /// Sets the [`expected_revision` field](PutCommand#structfield.expected_revision) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn expected_revision_as_null(self) -> PutCommandBuilder<(
        
            T0,
        
        (),
    )>
    {
        self.expected_revision(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
> PutCommandBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [PutCommand].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<PutCommand>
        where Self: ::planus::WriteAsOffset<PutCommand>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::ResourceSpec>>,
    
        T1: ::planus::WriteAsOptional<u64>,
    
> ::planus::WriteAs<::planus::Offset<PutCommand>> for PutCommandBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<PutCommand>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PutCommand> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::ResourceSpec>>,
    
        T1: ::planus::WriteAsOptional<u64>,
    
> ::planus::WriteAsOptional<::planus::Offset<PutCommand>> for PutCommandBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<PutCommand>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<PutCommand>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::ResourceSpec>>,
    
        T1: ::planus::WriteAsOptional<u64>,
    
> ::planus::WriteAsOffset<PutCommand> for PutCommandBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PutCommand> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;PutCommand::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [PutCommand].
#[derive(Copy, Clone)]
pub struct PutCommandRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> PutCommandRef<'a> {
    
        /// Getter for the [`spec` field](PutCommand#structfield.spec).
        #[inline]
        pub fn spec(&self) -> ::planus::Result<self::ResourceSpecRef<'a>> {
            
            
              
              self.0.access_required(0, "PutCommand", "spec")
              
            
            
            
        }
    
        /// Getter for the [`expected_revision` field](PutCommand#structfield.expected_revision).
        #[inline]
        pub fn expected_revision(&self) -> ::planus::Result<::core::option::Option<u64>> {
            
            
              
              self.0.access(1, "PutCommand", "expected_revision")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for PutCommandRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("PutCommandRef");
        f.field("spec", &self.spec());if let ::core::option::Option::Some(field_expected_revision) = self.expected_revision().transpose() {
                f.field("expected_revision", &field_expected_revision);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<PutCommandRef<'a>> for PutCommand {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: PutCommandRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            spec: ::planus::alloc::boxed::Box::new(::core::convert::TryInto::try_into(value.spec()?)?),expected_revision: 
                    if let ::core::option::Option::Some(expected_revision) = value.expected_revision()? {
                        ::core::option::Option::Some(::core::convert::TryInto::try_into(expected_revision)?)
                    } else {
                        ::core::option::Option::None
                    }
                ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for PutCommandRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for PutCommandRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[PutCommandRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<PutCommand>> for PutCommand {
    type Value = ::planus::Offset<PutCommand>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<PutCommand>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for PutCommandRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[PutCommandRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Deletes an existing key; fails (`Conflict`, not found) if it is absent.
/// 
/// Generated from these locations:
/// * Table `DeleteCommand` in the file `bindings/schema/request.fbs:27`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct DeleteCommand{
    
        /// The field `namespace_path` in the table `DeleteCommand`
        pub namespace_path: ::planus::alloc::string::String,
        /// The field `name` in the table `DeleteCommand`
        pub name: ::planus::alloc::string::String,
        /// The field `expected_revision` in the table `DeleteCommand`
        pub expected_revision: ::core::option::Option<u64>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for DeleteCommand {
    fn default() -> Self {
        Self {
        namespace_path: ::core::default::Default::default(),
        name: ::core::default::Default::default(),
        expected_revision: ::core::default::Default::default(),
        
        }
    }
}


impl DeleteCommand {
    /// Creates a [DeleteCommandBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> DeleteCommandBuilder<()> {
        DeleteCommandBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_namespace_path: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_name: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_expected_revision: impl ::planus::WriteAsOptional<u64>,
        
    ) -> ::planus::Offset<Self> {let prepared_namespace_path = field_namespace_path.prepare(builder);let prepared_name = field_name.prepare(builder);let prepared_expected_revision = field_expected_revision.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        if prepared_expected_revision.is_some() {table_writer.write_entry::<u64>(2);}table_writer.write_entry::<::planus::Offset<str>>(0);table_writer.write_entry::<::planus::Offset<str>>(1);

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_expected_revision) = prepared_expected_revision {object_writer.write::<_, _, 8>(&prepared_expected_revision);}object_writer.write::<_, _, 4>(&prepared_namespace_path);object_writer.write::<_, _, 4>(&prepared_name);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<DeleteCommand>> for DeleteCommand {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<DeleteCommand> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<DeleteCommand>> for DeleteCommand {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<DeleteCommand>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<DeleteCommand> for DeleteCommand {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<DeleteCommand> {
        DeleteCommand::create(
            builder,
        
            
            &self.namespace_path,
            
        
            
            &self.name,
            
        
            
            self.expected_revision,
            
        
        )
    }
}

/// Builder for serializing an instance of the [DeleteCommand] type.
///
/// Can be created using the [DeleteCommand::builder] method.
#[derive(Debug)]
#[must_use]
pub struct DeleteCommandBuilder<State>(State);

impl<
    
> DeleteCommandBuilder
<
    (
    
    )
>
{
    /// Setter for the [`namespace_path` field](DeleteCommand#structfield.namespace_path).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn namespace_path<T0>(self, value: T0) -> DeleteCommandBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        DeleteCommandBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> DeleteCommandBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`name` field](DeleteCommand#structfield.name).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn name<T1>(self, value: T1) -> DeleteCommandBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;DeleteCommandBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
> DeleteCommandBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`expected_revision` field](DeleteCommand#structfield.expected_revision).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn expected_revision<T2>(self, value: T2) -> DeleteCommandBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsOptional<u64>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;DeleteCommandBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
    /// Sets the [`expected_revision` field](DeleteCommand#structfield.expected_revision) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn expected_revision_as_null(self) -> DeleteCommandBuilder<(
        
            T0,
        
            T1,
        
        (),
    )>
    {
        self.expected_revision(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
> DeleteCommandBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [DeleteCommand].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<DeleteCommand>
        where Self: ::planus::WriteAsOffset<DeleteCommand>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsOptional<u64>,
    
> ::planus::WriteAs<::planus::Offset<DeleteCommand>> for DeleteCommandBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<DeleteCommand>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<DeleteCommand> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsOptional<u64>,
    
> ::planus::WriteAsOptional<::planus::Offset<DeleteCommand>> for DeleteCommandBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<DeleteCommand>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<DeleteCommand>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsOptional<u64>,
    
> ::planus::WriteAsOffset<DeleteCommand> for DeleteCommandBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<DeleteCommand> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = &self.0;DeleteCommand::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
        )
    }
}

/// Reference to a deserialized [DeleteCommand].
#[derive(Copy, Clone)]
pub struct DeleteCommandRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> DeleteCommandRef<'a> {
    
        /// Getter for the [`namespace_path` field](DeleteCommand#structfield.namespace_path).
        #[inline]
        pub fn namespace_path(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "DeleteCommand", "namespace_path")
              
            
            
            
        }
    
        /// Getter for the [`name` field](DeleteCommand#structfield.name).
        #[inline]
        pub fn name(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(1, "DeleteCommand", "name")
              
            
            
            
        }
    
        /// Getter for the [`expected_revision` field](DeleteCommand#structfield.expected_revision).
        #[inline]
        pub fn expected_revision(&self) -> ::planus::Result<::core::option::Option<u64>> {
            
            
              
              self.0.access(2, "DeleteCommand", "expected_revision")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for DeleteCommandRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("DeleteCommandRef");
        f.field("namespace_path", &self.namespace_path());f.field("name", &self.name());if let ::core::option::Option::Some(field_expected_revision) = self.expected_revision().transpose() {
                f.field("expected_revision", &field_expected_revision);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<DeleteCommandRef<'a>> for DeleteCommand {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: DeleteCommandRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            namespace_path: ::core::convert::Into::into(value.namespace_path()?),name: ::core::convert::Into::into(value.name()?),expected_revision: 
                    if let ::core::option::Option::Some(expected_revision) = value.expected_revision()? {
                        ::core::option::Option::Some(::core::convert::TryInto::try_into(expected_revision)?)
                    } else {
                        ::core::option::Option::None
                    }
                ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for DeleteCommandRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for DeleteCommandRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[DeleteCommandRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<DeleteCommand>> for DeleteCommand {
    type Value = ::planus::Offset<DeleteCommand>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<DeleteCommand>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for DeleteCommandRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[DeleteCommandRef]",
            "read_as_root",
            0,
        ))
    }
}

    
/// The union `Command` in the namespace `aorta.wire`
/// 
/// Generated from these locations:
/// * Union `Command` in the file `bindings/schema/request.fbs:33`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize)]
pub enum Command{
    
        /// The variant of type `CreateCommand` in the union `Command`
        CreateCommand(::planus::alloc::boxed::Box<self::CreateCommand>),
    
        /// The variant of type `UpdateCommand` in the union `Command`
        UpdateCommand(::planus::alloc::boxed::Box<self::UpdateCommand>),
    
        /// The variant of type `PutCommand` in the union `Command`
        PutCommand(::planus::alloc::boxed::Box<self::PutCommand>),
    
        /// The variant of type `DeleteCommand` in the union `Command`
        DeleteCommand(::planus::alloc::boxed::Box<self::DeleteCommand>),
    
}


impl Command {
    /// Creates a [CommandBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> CommandBuilder<::planus::Uninitialized> {
        CommandBuilder(::planus::Uninitialized)
    }

    #[inline]
    pub fn create_create_command(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::CreateCommand>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(1, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_update_command(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::UpdateCommand>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(2, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_put_command(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::PutCommand>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(3, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_delete_command(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::DeleteCommand>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(4, value.prepare(builder).downcast())
    }

    
}



impl ::planus::WriteAsUnion<Command> for Command {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Self> {
        match self {
            Self::CreateCommand(value) => Self::create_create_command(builder, value),
            Self::UpdateCommand(value) => Self::create_update_command(builder, value),
            Self::PutCommand(value) => Self::create_put_command(builder, value),
            Self::DeleteCommand(value) => Self::create_delete_command(builder, value),
            
        }
    }
}


impl ::planus::WriteAsOptionalUnion<Command> for Command {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Self>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}

/// Builder for serializing an instance of the [Command] type.
///
/// Can be created using the [Command::builder] method.
#[derive(Debug)]
#[must_use]
pub struct CommandBuilder<T>(T);

impl CommandBuilder<::planus::Uninitialized> {
    /// Creates an instance of the [`CreateCommand` variant](Command#variant.CreateCommand).
    #[inline]
    pub fn create_command<T>(
        self,
        value: T,
    ) -> CommandBuilder<::planus::Initialized<1, T>>
        where T: ::planus::WriteAsOffset<self::CreateCommand> {
        CommandBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`UpdateCommand` variant](Command#variant.UpdateCommand).
    #[inline]
    pub fn update_command<T>(
        self,
        value: T,
    ) -> CommandBuilder<::planus::Initialized<2, T>>
        where T: ::planus::WriteAsOffset<self::UpdateCommand> {
        CommandBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`PutCommand` variant](Command#variant.PutCommand).
    #[inline]
    pub fn put_command<T>(
        self,
        value: T,
    ) -> CommandBuilder<::planus::Initialized<3, T>>
        where T: ::planus::WriteAsOffset<self::PutCommand> {
        CommandBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`DeleteCommand` variant](Command#variant.DeleteCommand).
    #[inline]
    pub fn delete_command<T>(
        self,
        value: T,
    ) -> CommandBuilder<::planus::Initialized<4, T>>
        where T: ::planus::WriteAsOffset<self::DeleteCommand> {
        CommandBuilder(::planus::Initialized(value))
    }

    
}

impl<const N: u8, T> CommandBuilder<::planus::Initialized<N, T>> {
    /// Finish writing the builder to get an [UnionOffset](::planus::UnionOffset) to a serialized [Command].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Command>
        where Self: ::planus::WriteAsUnion<Command>
    {
        ::planus::WriteAsUnion::prepare(&self, builder)
    }
}

impl<T> ::planus::WriteAsUnion<Command> for CommandBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::CreateCommand>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Command> {
        ::planus::UnionOffset::new(1, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Command> for CommandBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::CreateCommand>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Command>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Command> for CommandBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::UpdateCommand>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Command> {
        ::planus::UnionOffset::new(2, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Command> for CommandBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::UpdateCommand>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Command>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Command> for CommandBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::PutCommand>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Command> {
        ::planus::UnionOffset::new(3, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Command> for CommandBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::PutCommand>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Command>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Command> for CommandBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::DeleteCommand>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Command> {
        ::planus::UnionOffset::new(4, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Command> for CommandBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::DeleteCommand>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Command>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}


/// Reference to a deserialized [Command].
#[derive(Copy, Clone, Debug)]
pub enum CommandRef<'a>{
    CreateCommand(self::CreateCommandRef<'a>),
    UpdateCommand(self::UpdateCommandRef<'a>),
    PutCommand(self::PutCommandRef<'a>),
    DeleteCommand(self::DeleteCommandRef<'a>),
    
}


impl<'a> ::core::convert::TryFrom<CommandRef<'a>> for Command {
    type Error = ::planus::Error;

    fn try_from(value: CommandRef<'a>) -> ::planus::Result<Self> {
        ::core::result::Result::Ok(match value {
            
                CommandRef::CreateCommand(value) => Self::CreateCommand(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CommandRef::UpdateCommand(value) => Self::UpdateCommand(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CommandRef::PutCommand(value) => Self::PutCommand(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CommandRef::DeleteCommand(value) => Self::DeleteCommand(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
        })
    }
}



impl<'a> ::planus::TableReadUnion<'a> for CommandRef<'a> {
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, tag: u8, field_offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        match tag {
            1 => ::core::result::Result::Ok(Self::CreateCommand(::planus::TableRead::from_buffer(buffer, field_offset)?)),2 => ::core::result::Result::Ok(Self::UpdateCommand(::planus::TableRead::from_buffer(buffer, field_offset)?)),3 => ::core::result::Result::Ok(Self::PutCommand(::planus::TableRead::from_buffer(buffer, field_offset)?)),4 => ::core::result::Result::Ok(Self::DeleteCommand(::planus::TableRead::from_buffer(buffer, field_offset)?)),_ => ::core::result::Result::Err(::planus::errors::ErrorKind::UnknownUnionTag { tag }),
        }
    }
}



impl<'a> ::planus::VectorReadUnion<'a> for CommandRef<'a> {
    const VECTOR_NAME: &'static str = "[CommandRef]";
}


    
///  One command of a batch (a table around the union, so that every FlatBuffers language can
///  read the vector).
/// 
/// Generated from these locations:
/// * Table `BatchCommand` in the file `bindings/schema/request.fbs:42`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct BatchCommand{
    
        /// The field `command` in the table `BatchCommand`
        pub command: self::Command,}



impl BatchCommand {
    /// Creates a [BatchCommandBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> BatchCommandBuilder<()> {
        BatchCommandBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_command: impl ::planus::WriteAsUnion<self::Command>,
        
    ) -> ::planus::Offset<Self> {let prepared_command = field_command.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<self::Command>>(1);table_writer.write_entry::<u8>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_command.offset());object_writer.write::<_, _, 1>(&prepared_command.tag());
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<BatchCommand>> for BatchCommand {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<BatchCommand> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<BatchCommand>> for BatchCommand {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<BatchCommand>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<BatchCommand> for BatchCommand {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<BatchCommand> {
        BatchCommand::create(
            builder,
        
            
            &self.command,
            
        
        )
    }
}

/// Builder for serializing an instance of the [BatchCommand] type.
///
/// Can be created using the [BatchCommand::builder] method.
#[derive(Debug)]
#[must_use]
pub struct BatchCommandBuilder<State>(State);

impl<
    
> BatchCommandBuilder
<
    (
    
    )
>
{
    /// Setter for the [`command` field](BatchCommand#structfield.command).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn command<T0>(self, value: T0) -> BatchCommandBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsUnion<self::Command>
    {
        BatchCommandBuilder((
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
> BatchCommandBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [BatchCommand].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<BatchCommand>
        where Self: ::planus::WriteAsOffset<BatchCommand>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsUnion<self::Command>,
    
> ::planus::WriteAs<::planus::Offset<BatchCommand>> for BatchCommandBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<BatchCommand>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<BatchCommand> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsUnion<self::Command>,
    
> ::planus::WriteAsOptional<::planus::Offset<BatchCommand>> for BatchCommandBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<BatchCommand>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<BatchCommand>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsUnion<self::Command>,
    
> ::planus::WriteAsOffset<BatchCommand> for BatchCommandBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<BatchCommand> {
        
        let (
            
                v0,
            
        ) = &self.0;BatchCommand::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [BatchCommand].
#[derive(Copy, Clone)]
pub struct BatchCommandRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> BatchCommandRef<'a> {
    
        /// Getter for the [`command` field](BatchCommand#structfield.command).
        #[inline]
        pub fn command(&self) -> ::planus::Result<self::CommandRef<'a>> {
            
            
              
              self.0.access_union_required(0, "BatchCommand", "command")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for BatchCommandRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("BatchCommandRef");
        f.field("command", &self.command());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<BatchCommandRef<'a>> for BatchCommand {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: BatchCommandRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            command: ::core::convert::TryInto::try_into(value.command()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for BatchCommandRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for BatchCommandRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[BatchCommandRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<BatchCommand>> for BatchCommand {
    type Value = ::planus::Offset<BatchCommand>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<BatchCommand>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for BatchCommandRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[BatchCommandRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Commands that commit together or not at all: 1 to 1024 of them, each key once, all their
///  namespaces on one shard. Answered by a `CommitReceipt` or an `Error`.
/// 
/// Generated from these locations:
/// * Table `CommitRequest` in the file `bindings/schema/request.fbs:48`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct CommitRequest{
    
        /// The field `commands` in the table `CommitRequest`
        pub commands: ::planus::alloc::vec::Vec<self::BatchCommand>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for CommitRequest {
    fn default() -> Self {
        Self {
        commands: ::core::default::Default::default(),
        
        }
    }
}


impl CommitRequest {
    /// Creates a [CommitRequestBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> CommitRequestBuilder<()> {
        CommitRequestBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_commands: impl ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::BatchCommand>]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_commands = field_commands.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<[::planus::Offset<self::BatchCommand>]>>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_commands);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<CommitRequest>> for CommitRequest {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CommitRequest> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<CommitRequest>> for CommitRequest {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CommitRequest>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<CommitRequest> for CommitRequest {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CommitRequest> {
        CommitRequest::create(
            builder,
        
            
            &self.commands,
            
        
        )
    }
}

/// Builder for serializing an instance of the [CommitRequest] type.
///
/// Can be created using the [CommitRequest::builder] method.
#[derive(Debug)]
#[must_use]
pub struct CommitRequestBuilder<State>(State);

impl<
    
> CommitRequestBuilder
<
    (
    
    )
>
{
    /// Setter for the [`commands` field](CommitRequest#structfield.commands).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn commands<T0>(self, value: T0) -> CommitRequestBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::BatchCommand>]>>
    {
        CommitRequestBuilder((
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
> CommitRequestBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [CommitRequest].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<CommitRequest>
        where Self: ::planus::WriteAsOffset<CommitRequest>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::BatchCommand>]>>,
    
> ::planus::WriteAs<::planus::Offset<CommitRequest>> for CommitRequestBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<CommitRequest>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CommitRequest> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::BatchCommand>]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<CommitRequest>> for CommitRequestBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<CommitRequest>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CommitRequest>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::BatchCommand>]>>,
    
> ::planus::WriteAsOffset<CommitRequest> for CommitRequestBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CommitRequest> {
        
        let (
            
                v0,
            
        ) = &self.0;CommitRequest::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [CommitRequest].
#[derive(Copy, Clone)]
pub struct CommitRequestRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> CommitRequestRef<'a> {
    
        /// Getter for the [`commands` field](CommitRequest#structfield.commands).
        #[inline]
        pub fn commands(&self) -> ::planus::Result<::planus::Vector<'a, ::planus::Result<self::BatchCommandRef<'a>>>> {
            
            
              
              self.0.access_required(0, "CommitRequest", "commands")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for CommitRequestRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("CommitRequestRef");
        f.field("commands", &self.commands());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<CommitRequestRef<'a>> for CommitRequest {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: CommitRequestRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            commands: value.commands()?.to_vec_result()?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for CommitRequestRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for CommitRequestRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[CommitRequestRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<CommitRequest>> for CommitRequest {
    type Value = ::planus::Offset<CommitRequest>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<CommitRequest>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for CommitRequestRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[CommitRequestRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  One resource by key. Answered by a `GetResponse`.
/// 
/// Generated from these locations:
/// * Table `GetRequest` in the file `bindings/schema/request.fbs:53`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct GetRequest{
    
        /// The field `namespace_path` in the table `GetRequest`
        pub namespace_path: ::planus::alloc::string::String,
        /// The field `name` in the table `GetRequest`
        pub name: ::planus::alloc::string::String,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for GetRequest {
    fn default() -> Self {
        Self {
        namespace_path: ::core::default::Default::default(),
        name: ::core::default::Default::default(),
        
        }
    }
}


impl GetRequest {
    /// Creates a [GetRequestBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> GetRequestBuilder<()> {
        GetRequestBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_namespace_path: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_name: impl ::planus::WriteAs<::planus::Offset<str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_namespace_path = field_namespace_path.prepare(builder);let prepared_name = field_name.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);table_writer.write_entry::<::planus::Offset<str>>(1);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_namespace_path);object_writer.write::<_, _, 4>(&prepared_name);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<GetRequest>> for GetRequest {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetRequest> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<GetRequest>> for GetRequest {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<GetRequest>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<GetRequest> for GetRequest {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetRequest> {
        GetRequest::create(
            builder,
        
            
            &self.namespace_path,
            
        
            
            &self.name,
            
        
        )
    }
}

/// Builder for serializing an instance of the [GetRequest] type.
///
/// Can be created using the [GetRequest::builder] method.
#[derive(Debug)]
#[must_use]
pub struct GetRequestBuilder<State>(State);

impl<
    
> GetRequestBuilder
<
    (
    
    )
>
{
    /// Setter for the [`namespace_path` field](GetRequest#structfield.namespace_path).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn namespace_path<T0>(self, value: T0) -> GetRequestBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        GetRequestBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> GetRequestBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`name` field](GetRequest#structfield.name).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn name<T1>(self, value: T1) -> GetRequestBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;GetRequestBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
> GetRequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [GetRequest].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetRequest>
        where Self: ::planus::WriteAsOffset<GetRequest>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAs<::planus::Offset<GetRequest>> for GetRequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<GetRequest>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetRequest> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<GetRequest>> for GetRequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<GetRequest>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<GetRequest>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOffset<GetRequest> for GetRequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetRequest> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;GetRequest::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [GetRequest].
#[derive(Copy, Clone)]
pub struct GetRequestRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> GetRequestRef<'a> {
    
        /// Getter for the [`namespace_path` field](GetRequest#structfield.namespace_path).
        #[inline]
        pub fn namespace_path(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "GetRequest", "namespace_path")
              
            
            
            
        }
    
        /// Getter for the [`name` field](GetRequest#structfield.name).
        #[inline]
        pub fn name(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(1, "GetRequest", "name")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for GetRequestRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("GetRequestRef");
        f.field("namespace_path", &self.namespace_path());f.field("name", &self.name());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<GetRequestRef<'a>> for GetRequest {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: GetRequestRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            namespace_path: ::core::convert::Into::into(value.namespace_path()?),name: ::core::convert::Into::into(value.name()?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for GetRequestRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for GetRequestRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[GetRequestRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<GetRequest>> for GetRequest {
    type Value = ::planus::Offset<GetRequest>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<GetRequest>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for GetRequestRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[GetRequestRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  One resource by id. Answered by a `GetResponse`.
/// 
/// Generated from these locations:
/// * Table `GetByIdRequest` in the file `bindings/schema/request.fbs:59`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct GetByIdRequest{
    
        /// The field `id` in the table `GetByIdRequest`
        pub id: self::ResourceId,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for GetByIdRequest {
    fn default() -> Self {
        Self {
        id: ::core::default::Default::default(),
        
        }
    }
}


impl GetByIdRequest {
    /// Creates a [GetByIdRequestBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> GetByIdRequestBuilder<()> {
        GetByIdRequestBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_id: impl ::planus::WriteAs<self::ResourceId>,
        
    ) -> ::planus::Offset<Self> {let prepared_id = field_id.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        table_writer.write_entry::<self::ResourceId>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 16>(&prepared_id);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<GetByIdRequest>> for GetByIdRequest {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetByIdRequest> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<GetByIdRequest>> for GetByIdRequest {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<GetByIdRequest>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<GetByIdRequest> for GetByIdRequest {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetByIdRequest> {
        GetByIdRequest::create(
            builder,
        
            
            self.id,
            
        
        )
    }
}

/// Builder for serializing an instance of the [GetByIdRequest] type.
///
/// Can be created using the [GetByIdRequest::builder] method.
#[derive(Debug)]
#[must_use]
pub struct GetByIdRequestBuilder<State>(State);

impl<
    
> GetByIdRequestBuilder
<
    (
    
    )
>
{
    /// Setter for the [`id` field](GetByIdRequest#structfield.id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn id<T0>(self, value: T0) -> GetByIdRequestBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<self::ResourceId>
    {
        GetByIdRequestBuilder((
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
> GetByIdRequestBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [GetByIdRequest].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetByIdRequest>
        where Self: ::planus::WriteAsOffset<GetByIdRequest>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<self::ResourceId>,
    
> ::planus::WriteAs<::planus::Offset<GetByIdRequest>> for GetByIdRequestBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<GetByIdRequest>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetByIdRequest> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<self::ResourceId>,
    
> ::planus::WriteAsOptional<::planus::Offset<GetByIdRequest>> for GetByIdRequestBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<GetByIdRequest>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<GetByIdRequest>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<self::ResourceId>,
    
> ::planus::WriteAsOffset<GetByIdRequest> for GetByIdRequestBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetByIdRequest> {
        
        let (
            
                v0,
            
        ) = &self.0;GetByIdRequest::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [GetByIdRequest].
#[derive(Copy, Clone)]
pub struct GetByIdRequestRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> GetByIdRequestRef<'a> {
    
        /// Getter for the [`id` field](GetByIdRequest#structfield.id).
        #[inline]
        pub fn id(&self) -> ::planus::Result<self::ResourceIdRef<'a>> {
            
            
              
              self.0.access_required(0, "GetByIdRequest", "id")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for GetByIdRequestRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("GetByIdRequestRef");
        f.field("id", &self.id());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<GetByIdRequestRef<'a>> for GetByIdRequest {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: GetByIdRequestRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            id: ::core::convert::Into::into(value.id()?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for GetByIdRequestRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for GetByIdRequestRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[GetByIdRequestRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<GetByIdRequest>> for GetByIdRequest {
    type Value = ::planus::Offset<GetByIdRequest>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<GetByIdRequest>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for GetByIdRequestRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[GetByIdRequestRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  One page of a query. Without `token` and `at_positions`: the first page, at each shard's
///  latest position. With `token` (the `next_token` of the previous page): the next page, at the
///  same positions. With `at_positions` (one per shard, as `PositionsResponse` or an earlier page
///  gave them): the first page as it was then. Never both. Answered by a `Page` or an `Error`.
/// 
/// Generated from these locations:
/// * Table `ListRequest` in the file `bindings/schema/request.fbs:67`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct ListRequest{
    
        /// The field `query` in the table `ListRequest`
        pub query: ::planus::alloc::boxed::Box<self::Query>,
        /// The field `token` in the table `ListRequest`
        pub token: ::core::option::Option<::planus::alloc::string::String>,
        /// The field `at_positions` in the table `ListRequest`
        pub at_positions: ::core::option::Option<::planus::alloc::vec::Vec<u64>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for ListRequest {
    fn default() -> Self {
        Self {
        query: ::core::default::Default::default(),
        token: ::core::default::Default::default(),
        at_positions: ::core::default::Default::default(),
        
        }
    }
}


impl ListRequest {
    /// Creates a [ListRequestBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> ListRequestBuilder<()> {
        ListRequestBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_query: impl ::planus::WriteAs<::planus::Offset<self::Query>>,
        field_token: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        field_at_positions: impl ::planus::WriteAsOptional<::planus::Offset<[u64]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_query = field_query.prepare(builder);let prepared_token = field_token.prepare(builder);let prepared_at_positions = field_at_positions.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<self::Query>>(0);if prepared_token.is_some() {table_writer.write_entry::<::planus::Offset<str>>(1);}if prepared_at_positions.is_some() {table_writer.write_entry::<::planus::Offset<[u64]>>(2);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_query);if let ::core::option::Option::Some(prepared_token) = prepared_token {object_writer.write::<_, _, 4>(&prepared_token);}if let ::core::option::Option::Some(prepared_at_positions) = prepared_at_positions {object_writer.write::<_, _, 4>(&prepared_at_positions);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<ListRequest>> for ListRequest {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ListRequest> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<ListRequest>> for ListRequest {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<ListRequest>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<ListRequest> for ListRequest {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ListRequest> {
        ListRequest::create(
            builder,
        
            
            &self.query,
            
        
            
            &self.token,
            
        
            
            &self.at_positions,
            
        
        )
    }
}

/// Builder for serializing an instance of the [ListRequest] type.
///
/// Can be created using the [ListRequest::builder] method.
#[derive(Debug)]
#[must_use]
pub struct ListRequestBuilder<State>(State);

impl<
    
> ListRequestBuilder
<
    (
    
    )
>
{
    /// Setter for the [`query` field](ListRequest#structfield.query).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn query<T0>(self, value: T0) -> ListRequestBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<self::Query>>
    {
        ListRequestBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> ListRequestBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`token` field](ListRequest#structfield.token).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn token<T1>(self, value: T1) -> ListRequestBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;ListRequestBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
    /// Sets the [`token` field](ListRequest#structfield.token) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn token_as_null(self) -> ListRequestBuilder<(
        
            T0,
        
        (),
    )>
    {
        self.token(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
> ListRequestBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`at_positions` field](ListRequest#structfield.at_positions).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn at_positions<T2>(self, value: T2) -> ListRequestBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsOptional<::planus::Offset<[u64]>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;ListRequestBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
    /// Sets the [`at_positions` field](ListRequest#structfield.at_positions) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn at_positions_as_null(self) -> ListRequestBuilder<(
        
            T0,
        
            T1,
        
        (),
    )>
    {
        self.at_positions(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
> ListRequestBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [ListRequest].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<ListRequest>
        where Self: ::planus::WriteAsOffset<ListRequest>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::Query>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<[u64]>>,
    
> ::planus::WriteAs<::planus::Offset<ListRequest>> for ListRequestBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<ListRequest>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ListRequest> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::Query>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<[u64]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<ListRequest>> for ListRequestBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<ListRequest>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<ListRequest>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::Query>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<[u64]>>,
    
> ::planus::WriteAsOffset<ListRequest> for ListRequestBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ListRequest> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = &self.0;ListRequest::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
        )
    }
}

/// Reference to a deserialized [ListRequest].
#[derive(Copy, Clone)]
pub struct ListRequestRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> ListRequestRef<'a> {
    
        /// Getter for the [`query` field](ListRequest#structfield.query).
        #[inline]
        pub fn query(&self) -> ::planus::Result<self::QueryRef<'a>> {
            
            
              
              self.0.access_required(0, "ListRequest", "query")
              
            
            
            
        }
    
        /// Getter for the [`token` field](ListRequest#structfield.token).
        #[inline]
        pub fn token(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(1, "ListRequest", "token")
              
            
            
            
        }
    
        /// Getter for the [`at_positions` field](ListRequest#structfield.at_positions).
        #[inline]
        pub fn at_positions(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, u64>>> {
            
            
              
              self.0.access(2, "ListRequest", "at_positions")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for ListRequestRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("ListRequestRef");
        f.field("query", &self.query());if let ::core::option::Option::Some(field_token) = self.token().transpose() {
                f.field("token", &field_token);
            }if let ::core::option::Option::Some(field_at_positions) = self.at_positions().transpose() {
                f.field("at_positions", &field_at_positions);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<ListRequestRef<'a>> for ListRequest {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: ListRequestRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            query: ::planus::alloc::boxed::Box::new(::core::convert::TryInto::try_into(value.query()?)?),token: 
                                value.token()?.map(::core::convert::Into::into)
                            ,at_positions: 
                            if let ::core::option::Option::Some(at_positions) = value.at_positions()? {
                                ::core::option::Option::Some(at_positions.to_vec()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for ListRequestRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for ListRequestRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[ListRequestRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<ListRequest>> for ListRequest {
    type Value = ::planus::Offset<ListRequest>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<ListRequest>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for ListRequestRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[ListRequestRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Each shard's latest position: a consistent point to read at or subscribe after.
/// 
/// Generated from these locations:
/// * Table `PositionsRequest` in the file `bindings/schema/request.fbs:74`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct PositionsRequest{
    }


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for PositionsRequest {
    fn default() -> Self {
        Self {
        
        }
    }
}


impl PositionsRequest {
    /// Creates a [PositionsRequestBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> PositionsRequestBuilder<()> {
        PositionsRequestBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        
    ) -> ::planus::Offset<Self> {

        let table_writer: ::planus::table_writer::TableWriter::<4> = ::core::default::Default::default();
        unsafe {
            table_writer.finish(builder, |_table_writer| {});
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<PositionsRequest>> for PositionsRequest {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PositionsRequest> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<PositionsRequest>> for PositionsRequest {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<PositionsRequest>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<PositionsRequest> for PositionsRequest {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PositionsRequest> {
        PositionsRequest::create(
            builder,
        
        )
    }
}

/// Builder for serializing an instance of the [PositionsRequest] type.
///
/// Can be created using the [PositionsRequest::builder] method.
#[derive(Debug)]
#[must_use]
pub struct PositionsRequestBuilder<State>(State);



impl<
    
> PositionsRequestBuilder<(
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [PositionsRequest].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<PositionsRequest>
        where Self: ::planus::WriteAsOffset<PositionsRequest>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
> ::planus::WriteAs<::planus::Offset<PositionsRequest>> for PositionsRequestBuilder<(
    
)> {
    type Prepared = ::planus::Offset<PositionsRequest>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PositionsRequest> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
> ::planus::WriteAsOptional<::planus::Offset<PositionsRequest>> for PositionsRequestBuilder<(
    
)> {
    type Prepared = ::planus::Offset<PositionsRequest>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<PositionsRequest>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
> ::planus::WriteAsOffset<PositionsRequest> for PositionsRequestBuilder<(
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PositionsRequest> {
        PositionsRequest::create(
            builder,
            
        )
    }
}

/// Reference to a deserialized [PositionsRequest].
#[derive(Copy, Clone)]
pub struct PositionsRequestRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> PositionsRequestRef<'a> {
    
}

impl<'a> ::core::fmt::Debug for PositionsRequestRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("PositionsRequestRef");
        
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<PositionsRequestRef<'a>> for PositionsRequest {
    type Error = ::planus::Error;


    fn try_from(_value: PositionsRequestRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            
        })
    }
}

impl<'a> ::planus::TableRead<'a> for PositionsRequestRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for PositionsRequestRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[PositionsRequestRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<PositionsRequest>> for PositionsRequest {
    type Value = ::planus::Offset<PositionsRequest>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<PositionsRequest>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for PositionsRequestRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[PositionsRequestRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  The node's health: each shard up or down, and its queue.
/// 
/// Generated from these locations:
/// * Table `StatusRequest` in the file `bindings/schema/request.fbs:77`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct StatusRequest{
    }


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for StatusRequest {
    fn default() -> Self {
        Self {
        
        }
    }
}


impl StatusRequest {
    /// Creates a [StatusRequestBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> StatusRequestBuilder<()> {
        StatusRequestBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        
    ) -> ::planus::Offset<Self> {

        let table_writer: ::planus::table_writer::TableWriter::<4> = ::core::default::Default::default();
        unsafe {
            table_writer.finish(builder, |_table_writer| {});
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<StatusRequest>> for StatusRequest {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<StatusRequest> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<StatusRequest>> for StatusRequest {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<StatusRequest>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<StatusRequest> for StatusRequest {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<StatusRequest> {
        StatusRequest::create(
            builder,
        
        )
    }
}

/// Builder for serializing an instance of the [StatusRequest] type.
///
/// Can be created using the [StatusRequest::builder] method.
#[derive(Debug)]
#[must_use]
pub struct StatusRequestBuilder<State>(State);



impl<
    
> StatusRequestBuilder<(
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [StatusRequest].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<StatusRequest>
        where Self: ::planus::WriteAsOffset<StatusRequest>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
> ::planus::WriteAs<::planus::Offset<StatusRequest>> for StatusRequestBuilder<(
    
)> {
    type Prepared = ::planus::Offset<StatusRequest>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<StatusRequest> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
> ::planus::WriteAsOptional<::planus::Offset<StatusRequest>> for StatusRequestBuilder<(
    
)> {
    type Prepared = ::planus::Offset<StatusRequest>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<StatusRequest>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
> ::planus::WriteAsOffset<StatusRequest> for StatusRequestBuilder<(
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<StatusRequest> {
        StatusRequest::create(
            builder,
            
        )
    }
}

/// Reference to a deserialized [StatusRequest].
#[derive(Copy, Clone)]
pub struct StatusRequestRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> StatusRequestRef<'a> {
    
}

impl<'a> ::core::fmt::Debug for StatusRequestRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("StatusRequestRef");
        
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<StatusRequestRef<'a>> for StatusRequest {
    type Error = ::planus::Error;


    fn try_from(_value: StatusRequestRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            
        })
    }
}

impl<'a> ::planus::TableRead<'a> for StatusRequestRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for StatusRequestRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[StatusRequestRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<StatusRequest>> for StatusRequest {
    type Value = ::planus::Offset<StatusRequest>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<StatusRequest>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for StatusRequestRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[StatusRequestRef]",
            "read_as_root",
            0,
        ))
    }
}

    
/// The union `RequestBody` in the namespace `aorta.wire`
/// 
/// Generated from these locations:
/// * Union `RequestBody` in the file `bindings/schema/request.fbs:79`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize)]
pub enum RequestBody{
    
        /// The variant of type `CommitRequest` in the union `RequestBody`
        CommitRequest(::planus::alloc::boxed::Box<self::CommitRequest>),
    
        /// The variant of type `GetRequest` in the union `RequestBody`
        GetRequest(::planus::alloc::boxed::Box<self::GetRequest>),
    
        /// The variant of type `GetByIdRequest` in the union `RequestBody`
        GetByIdRequest(::planus::alloc::boxed::Box<self::GetByIdRequest>),
    
        /// The variant of type `ListRequest` in the union `RequestBody`
        ListRequest(::planus::alloc::boxed::Box<self::ListRequest>),
    
        /// The variant of type `PositionsRequest` in the union `RequestBody`
        PositionsRequest(::planus::alloc::boxed::Box<self::PositionsRequest>),
    
        /// The variant of type `StatusRequest` in the union `RequestBody`
        StatusRequest(::planus::alloc::boxed::Box<self::StatusRequest>),
    
}


impl RequestBody {
    /// Creates a [RequestBodyBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> RequestBodyBuilder<::planus::Uninitialized> {
        RequestBodyBuilder(::planus::Uninitialized)
    }

    #[inline]
    pub fn create_commit_request(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::CommitRequest>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(1, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_get_request(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::GetRequest>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(2, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_get_by_id_request(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::GetByIdRequest>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(3, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_list_request(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::ListRequest>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(4, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_positions_request(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::PositionsRequest>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(5, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_status_request(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::StatusRequest>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(6, value.prepare(builder).downcast())
    }

    
}



impl ::planus::WriteAsUnion<RequestBody> for RequestBody {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Self> {
        match self {
            Self::CommitRequest(value) => Self::create_commit_request(builder, value),
            Self::GetRequest(value) => Self::create_get_request(builder, value),
            Self::GetByIdRequest(value) => Self::create_get_by_id_request(builder, value),
            Self::ListRequest(value) => Self::create_list_request(builder, value),
            Self::PositionsRequest(value) => Self::create_positions_request(builder, value),
            Self::StatusRequest(value) => Self::create_status_request(builder, value),
            
        }
    }
}


impl ::planus::WriteAsOptionalUnion<RequestBody> for RequestBody {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Self>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}

/// Builder for serializing an instance of the [RequestBody] type.
///
/// Can be created using the [RequestBody::builder] method.
#[derive(Debug)]
#[must_use]
pub struct RequestBodyBuilder<T>(T);

impl RequestBodyBuilder<::planus::Uninitialized> {
    /// Creates an instance of the [`CommitRequest` variant](RequestBody#variant.CommitRequest).
    #[inline]
    pub fn commit_request<T>(
        self,
        value: T,
    ) -> RequestBodyBuilder<::planus::Initialized<1, T>>
        where T: ::planus::WriteAsOffset<self::CommitRequest> {
        RequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`GetRequest` variant](RequestBody#variant.GetRequest).
    #[inline]
    pub fn get_request<T>(
        self,
        value: T,
    ) -> RequestBodyBuilder<::planus::Initialized<2, T>>
        where T: ::planus::WriteAsOffset<self::GetRequest> {
        RequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`GetByIdRequest` variant](RequestBody#variant.GetByIdRequest).
    #[inline]
    pub fn get_by_id_request<T>(
        self,
        value: T,
    ) -> RequestBodyBuilder<::planus::Initialized<3, T>>
        where T: ::planus::WriteAsOffset<self::GetByIdRequest> {
        RequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`ListRequest` variant](RequestBody#variant.ListRequest).
    #[inline]
    pub fn list_request<T>(
        self,
        value: T,
    ) -> RequestBodyBuilder<::planus::Initialized<4, T>>
        where T: ::planus::WriteAsOffset<self::ListRequest> {
        RequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`PositionsRequest` variant](RequestBody#variant.PositionsRequest).
    #[inline]
    pub fn positions_request<T>(
        self,
        value: T,
    ) -> RequestBodyBuilder<::planus::Initialized<5, T>>
        where T: ::planus::WriteAsOffset<self::PositionsRequest> {
        RequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`StatusRequest` variant](RequestBody#variant.StatusRequest).
    #[inline]
    pub fn status_request<T>(
        self,
        value: T,
    ) -> RequestBodyBuilder<::planus::Initialized<6, T>>
        where T: ::planus::WriteAsOffset<self::StatusRequest> {
        RequestBodyBuilder(::planus::Initialized(value))
    }

    
}

impl<const N: u8, T> RequestBodyBuilder<::planus::Initialized<N, T>> {
    /// Finish writing the builder to get an [UnionOffset](::planus::UnionOffset) to a serialized [RequestBody].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<RequestBody>
        where Self: ::planus::WriteAsUnion<RequestBody>
    {
        ::planus::WriteAsUnion::prepare(&self, builder)
    }
}

impl<T> ::planus::WriteAsUnion<RequestBody> for RequestBodyBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::CommitRequest>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<RequestBody> {
        ::planus::UnionOffset::new(1, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<RequestBody> for RequestBodyBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::CommitRequest>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<RequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<RequestBody> for RequestBodyBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::GetRequest>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<RequestBody> {
        ::planus::UnionOffset::new(2, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<RequestBody> for RequestBodyBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::GetRequest>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<RequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<RequestBody> for RequestBodyBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::GetByIdRequest>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<RequestBody> {
        ::planus::UnionOffset::new(3, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<RequestBody> for RequestBodyBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::GetByIdRequest>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<RequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<RequestBody> for RequestBodyBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::ListRequest>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<RequestBody> {
        ::planus::UnionOffset::new(4, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<RequestBody> for RequestBodyBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::ListRequest>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<RequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<RequestBody> for RequestBodyBuilder<::planus::Initialized<5, T>>
    where T: ::planus::WriteAsOffset<self::PositionsRequest>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<RequestBody> {
        ::planus::UnionOffset::new(5, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<RequestBody> for RequestBodyBuilder<::planus::Initialized<5, T>>
    where T: ::planus::WriteAsOffset<self::PositionsRequest>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<RequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<RequestBody> for RequestBodyBuilder<::planus::Initialized<6, T>>
    where T: ::planus::WriteAsOffset<self::StatusRequest>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<RequestBody> {
        ::planus::UnionOffset::new(6, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<RequestBody> for RequestBodyBuilder<::planus::Initialized<6, T>>
    where T: ::planus::WriteAsOffset<self::StatusRequest>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<RequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}


/// Reference to a deserialized [RequestBody].
#[derive(Copy, Clone, Debug)]
pub enum RequestBodyRef<'a>{
    CommitRequest(self::CommitRequestRef<'a>),
    GetRequest(self::GetRequestRef<'a>),
    GetByIdRequest(self::GetByIdRequestRef<'a>),
    ListRequest(self::ListRequestRef<'a>),
    PositionsRequest(self::PositionsRequestRef<'a>),
    StatusRequest(self::StatusRequestRef<'a>),
    
}


impl<'a> ::core::convert::TryFrom<RequestBodyRef<'a>> for RequestBody {
    type Error = ::planus::Error;

    fn try_from(value: RequestBodyRef<'a>) -> ::planus::Result<Self> {
        ::core::result::Result::Ok(match value {
            
                RequestBodyRef::CommitRequest(value) => Self::CommitRequest(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                RequestBodyRef::GetRequest(value) => Self::GetRequest(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                RequestBodyRef::GetByIdRequest(value) => Self::GetByIdRequest(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                RequestBodyRef::ListRequest(value) => Self::ListRequest(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                RequestBodyRef::PositionsRequest(value) => Self::PositionsRequest(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                RequestBodyRef::StatusRequest(value) => Self::StatusRequest(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
        })
    }
}



impl<'a> ::planus::TableReadUnion<'a> for RequestBodyRef<'a> {
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, tag: u8, field_offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        match tag {
            1 => ::core::result::Result::Ok(Self::CommitRequest(::planus::TableRead::from_buffer(buffer, field_offset)?)),2 => ::core::result::Result::Ok(Self::GetRequest(::planus::TableRead::from_buffer(buffer, field_offset)?)),3 => ::core::result::Result::Ok(Self::GetByIdRequest(::planus::TableRead::from_buffer(buffer, field_offset)?)),4 => ::core::result::Result::Ok(Self::ListRequest(::planus::TableRead::from_buffer(buffer, field_offset)?)),5 => ::core::result::Result::Ok(Self::PositionsRequest(::planus::TableRead::from_buffer(buffer, field_offset)?)),6 => ::core::result::Result::Ok(Self::StatusRequest(::planus::TableRead::from_buffer(buffer, field_offset)?)),_ => ::core::result::Result::Err(::planus::errors::ErrorKind::UnknownUnionTag { tag }),
        }
    }
}



impl<'a> ::planus::VectorReadUnion<'a> for RequestBodyRef<'a> {
    const VECTOR_NAME: &'static str = "[RequestBodyRef]";
}


    
///  A request. `id` is chosen by the client and echoed in the response (responses on a stream
///  come in the order of its requests; the id lets the client check it).
/// 
/// Generated from these locations:
/// * Table `Request` in the file `bindings/schema/request.fbs:90`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Request{
    
        /// The field `id` in the table `Request`
        pub id: u64,
        /// The field `body` in the table `Request`
        pub body: self::RequestBody,}



impl Request {
    /// Creates a [RequestBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> RequestBuilder<()> {
        RequestBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_id: impl ::planus::WriteAsDefault<u64, u64>,
        field_body: impl ::planus::WriteAsUnion<self::RequestBody>,
        
    ) -> ::planus::Offset<Self> {let prepared_id = field_id.prepare(builder, &0);let prepared_body = field_body.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        if prepared_id.is_some() {table_writer.write_entry::<u64>(0);}table_writer.write_entry::<::planus::Offset<self::RequestBody>>(2);table_writer.write_entry::<u8>(1);

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_id) = prepared_id {object_writer.write::<_, _, 8>(&prepared_id);}object_writer.write::<_, _, 4>(&prepared_body.offset());object_writer.write::<_, _, 1>(&prepared_body.tag());
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Request>> for Request {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Request> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Request>> for Request {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Request>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Request> for Request {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Request> {
        Request::create(
            builder,
        
            
            self.id,
            
        
            
            &self.body,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Request] type.
///
/// Can be created using the [Request::builder] method.
#[derive(Debug)]
#[must_use]
pub struct RequestBuilder<State>(State);

impl<
    
> RequestBuilder
<
    (
    
    )
>
{
    /// Setter for the [`id` field](Request#structfield.id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn id<T0>(self, value: T0) -> RequestBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u64, u64>
    {
        RequestBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`id` field](Request#structfield.id) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn id_as_default(self) -> RequestBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.id(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> RequestBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`body` field](Request#structfield.body).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn body<T1>(self, value: T1) -> RequestBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsUnion<self::RequestBody>
    {
        
        let (
            
                v0,
            
        ) = self.0;RequestBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
> RequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Request].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Request>
        where Self: ::planus::WriteAsOffset<Request>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::RequestBody>,
    
> ::planus::WriteAs<::planus::Offset<Request>> for RequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<Request>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Request> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::RequestBody>,
    
> ::planus::WriteAsOptional<::planus::Offset<Request>> for RequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<Request>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Request>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::RequestBody>,
    
> ::planus::WriteAsOffset<Request> for RequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Request> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;Request::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [Request].
#[derive(Copy, Clone)]
pub struct RequestRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> RequestRef<'a> {
    
        /// Getter for the [`id` field](Request#structfield.id).
        #[inline]
        pub fn id(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "Request", "id")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`body` field](Request#structfield.body).
        #[inline]
        pub fn body(&self) -> ::planus::Result<self::RequestBodyRef<'a>> {
            
            
              
              self.0.access_union_required(1, "Request", "body")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for RequestRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("RequestRef");
        f.field("id", &self.id());f.field("body", &self.body());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<RequestRef<'a>> for Request {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: RequestRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            id: ::core::convert::TryInto::try_into(value.id()?)?,body: ::core::convert::TryInto::try_into(value.body()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for RequestRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for RequestRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[RequestRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Request>> for Request {
    type Value = ::planus::Offset<Request>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Request>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for RequestRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[RequestRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  A committed batch: its shard, its commit position (the new revision of every resource it
///  wrote), and per command, in order, the resource's id.
/// 
/// Generated from these locations:
/// * Table `CommitReceipt` in the file `bindings/schema/response.fbs:10`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct CommitReceipt{
    
        /// The field `shard` in the table `CommitReceipt`
        pub shard: u16,
        /// The field `position` in the table `CommitReceipt`
        pub position: u64,
        /// The field `ids` in the table `CommitReceipt`
        pub ids: ::planus::alloc::vec::Vec<self::ResourceId>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for CommitReceipt {
    fn default() -> Self {
        Self {
        shard: 0,
        position: 0,
        ids: ::core::default::Default::default(),
        
        }
    }
}


impl CommitReceipt {
    /// Creates a [CommitReceiptBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> CommitReceiptBuilder<()> {
        CommitReceiptBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_shard: impl ::planus::WriteAsDefault<u16, u16>,
        field_position: impl ::planus::WriteAsDefault<u64, u64>,
        field_ids: impl ::planus::WriteAs<::planus::Offset<[self::ResourceId]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_shard = field_shard.prepare(builder, &0);let prepared_position = field_position.prepare(builder, &0);let prepared_ids = field_ids.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        if prepared_position.is_some() {table_writer.write_entry::<u64>(1);}table_writer.write_entry::<::planus::Offset<[self::ResourceId]>>(2);if prepared_shard.is_some() {table_writer.write_entry::<u16>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_position) = prepared_position {object_writer.write::<_, _, 8>(&prepared_position);}object_writer.write::<_, _, 4>(&prepared_ids);if let ::core::option::Option::Some(prepared_shard) = prepared_shard {object_writer.write::<_, _, 2>(&prepared_shard);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<CommitReceipt>> for CommitReceipt {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CommitReceipt> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<CommitReceipt>> for CommitReceipt {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CommitReceipt>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<CommitReceipt> for CommitReceipt {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CommitReceipt> {
        CommitReceipt::create(
            builder,
        
            
            self.shard,
            
        
            
            self.position,
            
        
            
            &self.ids,
            
        
        )
    }
}

/// Builder for serializing an instance of the [CommitReceipt] type.
///
/// Can be created using the [CommitReceipt::builder] method.
#[derive(Debug)]
#[must_use]
pub struct CommitReceiptBuilder<State>(State);

impl<
    
> CommitReceiptBuilder
<
    (
    
    )
>
{
    /// Setter for the [`shard` field](CommitReceipt#structfield.shard).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn shard<T0>(self, value: T0) -> CommitReceiptBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u16, u16>
    {
        CommitReceiptBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`shard` field](CommitReceipt#structfield.shard) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn shard_as_default(self) -> CommitReceiptBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.shard(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> CommitReceiptBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`position` field](CommitReceipt#structfield.position).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn position<T1>(self, value: T1) -> CommitReceiptBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
        ) = self.0;CommitReceiptBuilder((
            
                v0,
            
            value,
        ))
    }

    
    /// Sets the [`position` field](CommitReceipt#structfield.position) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn position_as_default(self) -> CommitReceiptBuilder<(
        
            T0,
        
        ::planus::DefaultValue,
    )>
    {
        self.position(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
> CommitReceiptBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`ids` field](CommitReceipt#structfield.ids).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn ids<T2>(self, value: T2) -> CommitReceiptBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAs<::planus::Offset<[self::ResourceId]>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;CommitReceiptBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
> CommitReceiptBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [CommitReceipt].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<CommitReceipt>
        where Self: ::planus::WriteAsOffset<CommitReceipt>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAsDefault<u64, u64>,
    
        T2: ::planus::WriteAs<::planus::Offset<[self::ResourceId]>>,
    
> ::planus::WriteAs<::planus::Offset<CommitReceipt>> for CommitReceiptBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<CommitReceipt>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CommitReceipt> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAsDefault<u64, u64>,
    
        T2: ::planus::WriteAs<::planus::Offset<[self::ResourceId]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<CommitReceipt>> for CommitReceiptBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<CommitReceipt>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CommitReceipt>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAsDefault<u64, u64>,
    
        T2: ::planus::WriteAs<::planus::Offset<[self::ResourceId]>>,
    
> ::planus::WriteAsOffset<CommitReceipt> for CommitReceiptBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CommitReceipt> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = &self.0;CommitReceipt::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
        )
    }
}

/// Reference to a deserialized [CommitReceipt].
#[derive(Copy, Clone)]
pub struct CommitReceiptRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> CommitReceiptRef<'a> {
    
        /// Getter for the [`shard` field](CommitReceipt#structfield.shard).
        #[inline]
        pub fn shard(&self) -> ::planus::Result<u16> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "CommitReceipt", "shard")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`position` field](CommitReceipt#structfield.position).
        #[inline]
        pub fn position(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(1, "CommitReceipt", "position")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`ids` field](CommitReceipt#structfield.ids).
        #[inline]
        pub fn ids(&self) -> ::planus::Result<::planus::Vector<'a, self::ResourceIdRef<'a>>> {
            
            
              
              self.0.access_required(2, "CommitReceipt", "ids")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for CommitReceiptRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("CommitReceiptRef");
        f.field("shard", &self.shard());f.field("position", &self.position());f.field("ids", &self.ids());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<CommitReceiptRef<'a>> for CommitReceipt {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: CommitReceiptRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            shard: ::core::convert::TryInto::try_into(value.shard()?)?,position: ::core::convert::TryInto::try_into(value.position()?)?,ids: value.ids()?.to_vec()?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for CommitReceiptRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for CommitReceiptRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[CommitReceiptRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<CommitReceipt>> for CommitReceipt {
    type Value = ::planus::Offset<CommitReceipt>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<CommitReceipt>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for CommitReceiptRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[CommitReceiptRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  The answer to a `GetRequest` or `GetByIdRequest`: the resource, or none.
/// 
/// Generated from these locations:
/// * Table `GetResponse` in the file `bindings/schema/response.fbs:17`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct GetResponse{
    
        /// The field `resource` in the table `GetResponse`
        pub resource: ::core::option::Option<::planus::alloc::boxed::Box<self::Resource>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for GetResponse {
    fn default() -> Self {
        Self {
        resource: ::core::default::Default::default(),
        
        }
    }
}


impl GetResponse {
    /// Creates a [GetResponseBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> GetResponseBuilder<()> {
        GetResponseBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_resource: impl ::planus::WriteAsOptional<::planus::Offset<self::Resource>>,
        
    ) -> ::planus::Offset<Self> {let prepared_resource = field_resource.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        if prepared_resource.is_some() {table_writer.write_entry::<::planus::Offset<self::Resource>>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_resource) = prepared_resource {object_writer.write::<_, _, 4>(&prepared_resource);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<GetResponse>> for GetResponse {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetResponse> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<GetResponse>> for GetResponse {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<GetResponse>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<GetResponse> for GetResponse {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetResponse> {
        GetResponse::create(
            builder,
        
            
            &self.resource,
            
        
        )
    }
}

/// Builder for serializing an instance of the [GetResponse] type.
///
/// Can be created using the [GetResponse::builder] method.
#[derive(Debug)]
#[must_use]
pub struct GetResponseBuilder<State>(State);

impl<
    
> GetResponseBuilder
<
    (
    
    )
>
{
    /// Setter for the [`resource` field](GetResponse#structfield.resource).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn resource<T0>(self, value: T0) -> GetResponseBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsOptional<::planus::Offset<self::Resource>>
    {
        GetResponseBuilder((
            
            value,
        ))
    }

    

    
    /// Sets the [`resource` field](GetResponse#structfield.resource) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn resource_as_null(self) -> GetResponseBuilder<(
        
        (),
    )>
    {
        self.resource(())
    }
    
}



impl<
    
        T0,
    
> GetResponseBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [GetResponse].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetResponse>
        where Self: ::planus::WriteAsOffset<GetResponse>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<self::Resource>>,
    
> ::planus::WriteAs<::planus::Offset<GetResponse>> for GetResponseBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<GetResponse>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetResponse> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<self::Resource>>,
    
> ::planus::WriteAsOptional<::planus::Offset<GetResponse>> for GetResponseBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<GetResponse>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<GetResponse>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<self::Resource>>,
    
> ::planus::WriteAsOffset<GetResponse> for GetResponseBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetResponse> {
        
        let (
            
                v0,
            
        ) = &self.0;GetResponse::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [GetResponse].
#[derive(Copy, Clone)]
pub struct GetResponseRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> GetResponseRef<'a> {
    
        /// Getter for the [`resource` field](GetResponse#structfield.resource).
        #[inline]
        pub fn resource(&self) -> ::planus::Result<::core::option::Option<self::ResourceRef<'a>>> {
            
            
              
              self.0.access(0, "GetResponse", "resource")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for GetResponseRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("GetResponseRef");
        if let ::core::option::Option::Some(field_resource) = self.resource().transpose() {
                f.field("resource", &field_resource);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<GetResponseRef<'a>> for GetResponse {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: GetResponseRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            resource: 
                                if let ::core::option::Option::Some(resource) = value.resource()? {
                                    ::core::option::Option::Some(::planus::alloc::boxed::Box::new(::core::convert::TryInto::try_into(resource)?))
                                } else {
                                    ::core::option::Option::None
                                }
                            ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for GetResponseRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for GetResponseRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[GetResponseRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<GetResponse>> for GetResponse {
    type Value = ::planus::Offset<GetResponse>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<GetResponse>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for GetResponseRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[GetResponseRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  One page of a query's answer.
/// 
/// Generated from these locations:
/// * Table `Page` in the file `bindings/schema/response.fbs:22`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Page{
    
        ///  At most the query's page size resources (fewer when more would not fit one frame).
        pub items: ::planus::alloc::vec::Vec<self::Resource>,
        ///  The position, per shard, at which the answer is consistent (the same on every page).
        pub positions: ::planus::alloc::vec::Vec<u64>,
        ///  Where the next page starts; absent on the last page.
        pub next_token: ::core::option::Option<::planus::alloc::string::String>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Page {
    fn default() -> Self {
        Self {
        items: ::core::default::Default::default(),
        positions: ::core::default::Default::default(),
        next_token: ::core::default::Default::default(),
        
        }
    }
}


impl Page {
    /// Creates a [PageBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> PageBuilder<()> {
        PageBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_items: impl ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::Resource>]>>,
        field_positions: impl ::planus::WriteAs<::planus::Offset<[u64]>>,
        field_next_token: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_items = field_items.prepare(builder);let prepared_positions = field_positions.prepare(builder);let prepared_next_token = field_next_token.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<[::planus::Offset<self::Resource>]>>(0);table_writer.write_entry::<::planus::Offset<[u64]>>(1);if prepared_next_token.is_some() {table_writer.write_entry::<::planus::Offset<str>>(2);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_items);object_writer.write::<_, _, 4>(&prepared_positions);if let ::core::option::Option::Some(prepared_next_token) = prepared_next_token {object_writer.write::<_, _, 4>(&prepared_next_token);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Page>> for Page {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Page> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Page>> for Page {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Page>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Page> for Page {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Page> {
        Page::create(
            builder,
        
            
            &self.items,
            
        
            
            &self.positions,
            
        
            
            &self.next_token,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Page] type.
///
/// Can be created using the [Page::builder] method.
#[derive(Debug)]
#[must_use]
pub struct PageBuilder<State>(State);

impl<
    
> PageBuilder
<
    (
    
    )
>
{
    /// Setter for the [`items` field](Page#structfield.items).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn items<T0>(self, value: T0) -> PageBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::Resource>]>>
    {
        PageBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> PageBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`positions` field](Page#structfield.positions).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn positions<T1>(self, value: T1) -> PageBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<[u64]>>
    {
        
        let (
            
                v0,
            
        ) = self.0;PageBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
> PageBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`next_token` field](Page#structfield.next_token).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn next_token<T2>(self, value: T2) -> PageBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;PageBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
    /// Sets the [`next_token` field](Page#structfield.next_token) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn next_token_as_null(self) -> PageBuilder<(
        
            T0,
        
            T1,
        
        (),
    )>
    {
        self.next_token(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
> PageBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Page].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Page>
        where Self: ::planus::WriteAsOffset<Page>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::Resource>]>>,
    
        T1: ::planus::WriteAs<::planus::Offset<[u64]>>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAs<::planus::Offset<Page>> for PageBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<Page>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Page> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::Resource>]>>,
    
        T1: ::planus::WriteAs<::planus::Offset<[u64]>>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<Page>> for PageBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<Page>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Page>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::Resource>]>>,
    
        T1: ::planus::WriteAs<::planus::Offset<[u64]>>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAsOffset<Page> for PageBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Page> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = &self.0;Page::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
        )
    }
}

/// Reference to a deserialized [Page].
#[derive(Copy, Clone)]
pub struct PageRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> PageRef<'a> {
    
        /// Getter for the [`items` field](Page#structfield.items).
        #[inline]
        pub fn items(&self) -> ::planus::Result<::planus::Vector<'a, ::planus::Result<self::ResourceRef<'a>>>> {
            
            
              
              self.0.access_required(0, "Page", "items")
              
            
            
            
        }
    
        /// Getter for the [`positions` field](Page#structfield.positions).
        #[inline]
        pub fn positions(&self) -> ::planus::Result<::planus::Vector<'a, u64>> {
            
            
              
              self.0.access_required(1, "Page", "positions")
              
            
            
            
        }
    
        /// Getter for the [`next_token` field](Page#structfield.next_token).
        #[inline]
        pub fn next_token(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(2, "Page", "next_token")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for PageRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("PageRef");
        f.field("items", &self.items());f.field("positions", &self.positions());if let ::core::option::Option::Some(field_next_token) = self.next_token().transpose() {
                f.field("next_token", &field_next_token);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<PageRef<'a>> for Page {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: PageRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            items: value.items()?.to_vec_result()?,positions: value.positions()?.to_vec()?,next_token: 
                                value.next_token()?.map(::core::convert::Into::into)
                            ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for PageRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for PageRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[PageRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Page>> for Page {
    type Value = ::planus::Offset<Page>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Page>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for PageRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[PageRef]",
            "read_as_root",
            0,
        ))
    }
}

    
/// The table `PositionsResponse` in the namespace `aorta.wire`
/// 
/// Generated from these locations:
/// * Table `PositionsResponse` in the file `bindings/schema/response.fbs:31`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct PositionsResponse{
    
        /// The field `positions` in the table `PositionsResponse`
        pub positions: ::planus::alloc::vec::Vec<u64>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for PositionsResponse {
    fn default() -> Self {
        Self {
        positions: ::core::default::Default::default(),
        
        }
    }
}


impl PositionsResponse {
    /// Creates a [PositionsResponseBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> PositionsResponseBuilder<()> {
        PositionsResponseBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_positions: impl ::planus::WriteAs<::planus::Offset<[u64]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_positions = field_positions.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<[u64]>>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_positions);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<PositionsResponse>> for PositionsResponse {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PositionsResponse> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<PositionsResponse>> for PositionsResponse {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<PositionsResponse>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<PositionsResponse> for PositionsResponse {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PositionsResponse> {
        PositionsResponse::create(
            builder,
        
            
            &self.positions,
            
        
        )
    }
}

/// Builder for serializing an instance of the [PositionsResponse] type.
///
/// Can be created using the [PositionsResponse::builder] method.
#[derive(Debug)]
#[must_use]
pub struct PositionsResponseBuilder<State>(State);

impl<
    
> PositionsResponseBuilder
<
    (
    
    )
>
{
    /// Setter for the [`positions` field](PositionsResponse#structfield.positions).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn positions<T0>(self, value: T0) -> PositionsResponseBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<[u64]>>
    {
        PositionsResponseBuilder((
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
> PositionsResponseBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [PositionsResponse].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<PositionsResponse>
        where Self: ::planus::WriteAsOffset<PositionsResponse>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[u64]>>,
    
> ::planus::WriteAs<::planus::Offset<PositionsResponse>> for PositionsResponseBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<PositionsResponse>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PositionsResponse> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[u64]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<PositionsResponse>> for PositionsResponseBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<PositionsResponse>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<PositionsResponse>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[u64]>>,
    
> ::planus::WriteAsOffset<PositionsResponse> for PositionsResponseBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PositionsResponse> {
        
        let (
            
                v0,
            
        ) = &self.0;PositionsResponse::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [PositionsResponse].
#[derive(Copy, Clone)]
pub struct PositionsResponseRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> PositionsResponseRef<'a> {
    
        /// Getter for the [`positions` field](PositionsResponse#structfield.positions).
        #[inline]
        pub fn positions(&self) -> ::planus::Result<::planus::Vector<'a, u64>> {
            
            
              
              self.0.access_required(0, "PositionsResponse", "positions")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for PositionsResponseRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("PositionsResponseRef");
        f.field("positions", &self.positions());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<PositionsResponseRef<'a>> for PositionsResponse {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: PositionsResponseRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            positions: value.positions()?.to_vec()?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for PositionsResponseRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for PositionsResponseRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[PositionsResponseRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<PositionsResponse>> for PositionsResponse {
    type Value = ::planus::Offset<PositionsResponse>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<PositionsResponse>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for PositionsResponseRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[PositionsResponseRef]",
            "read_as_root",
            0,
        ))
    }
}

    
/// The enum `ShardState` in the namespace `aorta.wire`
/// 
/// Generated from these locations:
/// * Enum `ShardState` in the file `bindings/schema/response.fbs:35`
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]#[repr(u8)]pub enum ShardState {
    
        /// The variant `Up` in the enum `ShardState`
        Up = 0,
    
        ///  The shard's thread stopped; `down_cause` says why.
        Down = 1,
    
}

impl ShardState {
    /// Array containing all valid variants of ShardState
    pub const ENUM_VALUES: [Self; 2] = [Self::Up,Self::Down,];
}

impl ::core::convert::TryFrom<u8> for ShardState {
    type Error = ::planus::errors::UnknownEnumTagKind;
    #[inline]
    fn try_from(value: u8) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTagKind> {
        #[allow(clippy::match_single_binding)]
        match value {
            0 => ::core::result::Result::Ok(ShardState::Up),
            1 => ::core::result::Result::Ok(ShardState::Down),
            

            _ => ::core::result::Result::Err(::planus::errors::UnknownEnumTagKind { tag: value as i128 }),
        }
    }
}

impl ::core::convert::From<ShardState> for u8 {
    #[inline]
    fn from(value: ShardState) -> Self {
        value as u8
    }
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for ShardState {
    const ALIGNMENT: usize = 1;
    const SIZE: usize = 1;
}

impl ::planus::WriteAsPrimitive<ShardState> for ShardState {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        (*self as u8).write(cursor, buffer_position);
    }
}

impl ::planus::WriteAs<ShardState> for ShardState {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ShardState {
        *self
    }
}

impl ::planus::WriteAsDefault<ShardState, ShardState> for ShardState {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder, default: &ShardState) -> ::core::option::Option<ShardState> {
        if self == default {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(*self)
        }
    }
}

impl ::planus::WriteAsOptional<ShardState> for ShardState {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<ShardState> {
        ::core::option::Option::Some(*self)
    }
}

impl<'buf> ::planus::TableRead<'buf> for ShardState {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'buf>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let n: u8 = ::planus::TableRead::from_buffer(buffer, offset)?;
        ::core::result::Result::Ok(::core::convert::TryInto::try_into(n)?)
    }
}

impl<'buf> ::planus::VectorReadInner<'buf> for ShardState {
    type Error = ::planus::errors::UnknownEnumTag;
    const STRIDE: usize = 1;
    #[inline]
    unsafe fn from_buffer(
        buffer: ::planus::SliceWithStartOffset<'buf>,
        offset: usize,
    ) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTag> {let value = unsafe { *buffer.buffer.get_unchecked(offset) };let value: ::core::result::Result<Self, _> = ::core::convert::TryInto::try_into(value);
        value.map_err(|error_kind| error_kind.with_error_location(
            "ShardState",
            "VectorRead::from_buffer",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<ShardState> for ShardState {
    const STRIDE: usize = 1;

    type Value = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Self],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 1];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - i as u32,
                
            );
        }
    }
}

    
/// The table `ShardHealth` in the namespace `aorta.wire`
/// 
/// Generated from these locations:
/// * Table `ShardHealth` in the file `bindings/schema/response.fbs:41`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct ShardHealth{
    
        /// The field `shard` in the table `ShardHealth`
        pub shard: u16,
        /// The field `state` in the table `ShardHealth`
        pub state: self::ShardState,
        /// The field `down_cause` in the table `ShardHealth`
        pub down_cause: ::core::option::Option<::planus::alloc::string::String>,
        /// The field `queued_requests` in the table `ShardHealth`
        pub queued_requests: u64,
        /// The field `queued_bytes` in the table `ShardHealth`
        pub queued_bytes: u64,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for ShardHealth {
    fn default() -> Self {
        Self {
        shard: 0,
        state: self::ShardState::Up,
        down_cause: ::core::default::Default::default(),
        queued_requests: 0,
        queued_bytes: 0,
        
        }
    }
}


impl ShardHealth {
    /// Creates a [ShardHealthBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> ShardHealthBuilder<()> {
        ShardHealthBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_shard: impl ::planus::WriteAsDefault<u16, u16>,
        field_state: impl ::planus::WriteAsDefault<self::ShardState, self::ShardState>,
        field_down_cause: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        field_queued_requests: impl ::planus::WriteAsDefault<u64, u64>,
        field_queued_bytes: impl ::planus::WriteAsDefault<u64, u64>,
        
    ) -> ::planus::Offset<Self> {let prepared_shard = field_shard.prepare(builder, &0);let prepared_state = field_state.prepare(builder, &self::ShardState::Up);let prepared_down_cause = field_down_cause.prepare(builder);let prepared_queued_requests = field_queued_requests.prepare(builder, &0);let prepared_queued_bytes = field_queued_bytes.prepare(builder, &0);

        let mut table_writer: ::planus::table_writer::TableWriter::<14> = ::core::default::Default::default();
        if prepared_queued_requests.is_some() {table_writer.write_entry::<u64>(3);}if prepared_queued_bytes.is_some() {table_writer.write_entry::<u64>(4);}if prepared_down_cause.is_some() {table_writer.write_entry::<::planus::Offset<str>>(2);}if prepared_shard.is_some() {table_writer.write_entry::<u16>(0);}if prepared_state.is_some() {table_writer.write_entry::<self::ShardState>(1);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_queued_requests) = prepared_queued_requests {object_writer.write::<_, _, 8>(&prepared_queued_requests);}if let ::core::option::Option::Some(prepared_queued_bytes) = prepared_queued_bytes {object_writer.write::<_, _, 8>(&prepared_queued_bytes);}if let ::core::option::Option::Some(prepared_down_cause) = prepared_down_cause {object_writer.write::<_, _, 4>(&prepared_down_cause);}if let ::core::option::Option::Some(prepared_shard) = prepared_shard {object_writer.write::<_, _, 2>(&prepared_shard);}if let ::core::option::Option::Some(prepared_state) = prepared_state {object_writer.write::<_, _, 1>(&prepared_state);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<ShardHealth>> for ShardHealth {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ShardHealth> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<ShardHealth>> for ShardHealth {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<ShardHealth>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<ShardHealth> for ShardHealth {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ShardHealth> {
        ShardHealth::create(
            builder,
        
            
            self.shard,
            
        
            
            self.state,
            
        
            
            &self.down_cause,
            
        
            
            self.queued_requests,
            
        
            
            self.queued_bytes,
            
        
        )
    }
}

/// Builder for serializing an instance of the [ShardHealth] type.
///
/// Can be created using the [ShardHealth::builder] method.
#[derive(Debug)]
#[must_use]
pub struct ShardHealthBuilder<State>(State);

impl<
    
> ShardHealthBuilder
<
    (
    
    )
>
{
    /// Setter for the [`shard` field](ShardHealth#structfield.shard).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn shard<T0>(self, value: T0) -> ShardHealthBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u16, u16>
    {
        ShardHealthBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`shard` field](ShardHealth#structfield.shard) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn shard_as_default(self) -> ShardHealthBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.shard(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> ShardHealthBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`state` field](ShardHealth#structfield.state).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn state<T1>(self, value: T1) -> ShardHealthBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsDefault<self::ShardState, self::ShardState>
    {
        
        let (
            
                v0,
            
        ) = self.0;ShardHealthBuilder((
            
                v0,
            
            value,
        ))
    }

    
    /// Sets the [`state` field](ShardHealth#structfield.state) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn state_as_default(self) -> ShardHealthBuilder<(
        
            T0,
        
        ::planus::DefaultValue,
    )>
    {
        self.state(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
> ShardHealthBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`down_cause` field](ShardHealth#structfield.down_cause).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn down_cause<T2>(self, value: T2) -> ShardHealthBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;ShardHealthBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
    /// Sets the [`down_cause` field](ShardHealth#structfield.down_cause) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn down_cause_as_null(self) -> ShardHealthBuilder<(
        
            T0,
        
            T1,
        
        (),
    )>
    {
        self.down_cause(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> ShardHealthBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`queued_requests` field](ShardHealth#structfield.queued_requests).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn queued_requests<T3>(self, value: T3) -> ShardHealthBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;ShardHealthBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    
    /// Sets the [`queued_requests` field](ShardHealth#structfield.queued_requests) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn queued_requests_as_default(self) -> ShardHealthBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
        ::planus::DefaultValue,
    )>
    {
        self.queued_requests(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> ShardHealthBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )
>
{
    /// Setter for the [`queued_bytes` field](ShardHealth#structfield.queued_bytes).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn queued_bytes<T4>(self, value: T4) -> ShardHealthBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )>
    where T4: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = self.0;ShardHealthBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
            value,
        ))
    }

    
    /// Sets the [`queued_bytes` field](ShardHealth#structfield.queued_bytes) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn queued_bytes_as_default(self) -> ShardHealthBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
        ::planus::DefaultValue,
    )>
    {
        self.queued_bytes(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
> ShardHealthBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [ShardHealth].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<ShardHealth>
        where Self: ::planus::WriteAsOffset<ShardHealth>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAsDefault<self::ShardState, self::ShardState>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T3: ::planus::WriteAsDefault<u64, u64>,
    
        T4: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAs<::planus::Offset<ShardHealth>> for ShardHealthBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    type Prepared = ::planus::Offset<ShardHealth>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ShardHealth> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAsDefault<self::ShardState, self::ShardState>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T3: ::planus::WriteAsDefault<u64, u64>,
    
        T4: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOptional<::planus::Offset<ShardHealth>> for ShardHealthBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    type Prepared = ::planus::Offset<ShardHealth>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<ShardHealth>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAsDefault<self::ShardState, self::ShardState>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T3: ::planus::WriteAsDefault<u64, u64>,
    
        T4: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOffset<ShardHealth> for ShardHealthBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ShardHealth> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        ) = &self.0;ShardHealth::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        )
    }
}

/// Reference to a deserialized [ShardHealth].
#[derive(Copy, Clone)]
pub struct ShardHealthRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> ShardHealthRef<'a> {
    
        /// Getter for the [`shard` field](ShardHealth#structfield.shard).
        #[inline]
        pub fn shard(&self) -> ::planus::Result<u16> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "ShardHealth", "shard")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`state` field](ShardHealth#structfield.state).
        #[inline]
        pub fn state(&self) -> ::planus::Result<self::ShardState> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(1, "ShardHealth", "state")
              
            
            ?.unwrap_or(self::ShardState::Up))
            
        }
    
        /// Getter for the [`down_cause` field](ShardHealth#structfield.down_cause).
        #[inline]
        pub fn down_cause(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(2, "ShardHealth", "down_cause")
              
            
            
            
        }
    
        /// Getter for the [`queued_requests` field](ShardHealth#structfield.queued_requests).
        #[inline]
        pub fn queued_requests(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(3, "ShardHealth", "queued_requests")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`queued_bytes` field](ShardHealth#structfield.queued_bytes).
        #[inline]
        pub fn queued_bytes(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(4, "ShardHealth", "queued_bytes")
              
            
            ?.unwrap_or(0))
            
        }
    
}

impl<'a> ::core::fmt::Debug for ShardHealthRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("ShardHealthRef");
        f.field("shard", &self.shard());f.field("state", &self.state());if let ::core::option::Option::Some(field_down_cause) = self.down_cause().transpose() {
                f.field("down_cause", &field_down_cause);
            }f.field("queued_requests", &self.queued_requests());f.field("queued_bytes", &self.queued_bytes());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<ShardHealthRef<'a>> for ShardHealth {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: ShardHealthRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            shard: ::core::convert::TryInto::try_into(value.shard()?)?,state: ::core::convert::TryInto::try_into(value.state()?)?,down_cause: 
                                value.down_cause()?.map(::core::convert::Into::into)
                            ,queued_requests: ::core::convert::TryInto::try_into(value.queued_requests()?)?,queued_bytes: ::core::convert::TryInto::try_into(value.queued_bytes()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for ShardHealthRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for ShardHealthRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[ShardHealthRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<ShardHealth>> for ShardHealth {
    type Value = ::planus::Offset<ShardHealth>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<ShardHealth>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for ShardHealthRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[ShardHealthRef]",
            "read_as_root",
            0,
        ))
    }
}

    
/// The table `StatusResponse` in the namespace `aorta.wire`
/// 
/// Generated from these locations:
/// * Table `StatusResponse` in the file `bindings/schema/response.fbs:49`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct StatusResponse{
    
        /// The field `cluster_id` in the table `StatusResponse`
        pub cluster_id: u32,
        /// The field `shards` in the table `StatusResponse`
        pub shards: ::planus::alloc::vec::Vec<self::ShardHealth>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for StatusResponse {
    fn default() -> Self {
        Self {
        cluster_id: 0,
        shards: ::core::default::Default::default(),
        
        }
    }
}


impl StatusResponse {
    /// Creates a [StatusResponseBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> StatusResponseBuilder<()> {
        StatusResponseBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_cluster_id: impl ::planus::WriteAsDefault<u32, u32>,
        field_shards: impl ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::ShardHealth>]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_cluster_id = field_cluster_id.prepare(builder, &0);let prepared_shards = field_shards.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        if prepared_cluster_id.is_some() {table_writer.write_entry::<u32>(0);}table_writer.write_entry::<::planus::Offset<[::planus::Offset<self::ShardHealth>]>>(1);

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_cluster_id) = prepared_cluster_id {object_writer.write::<_, _, 4>(&prepared_cluster_id);}object_writer.write::<_, _, 4>(&prepared_shards);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<StatusResponse>> for StatusResponse {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<StatusResponse> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<StatusResponse>> for StatusResponse {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<StatusResponse>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<StatusResponse> for StatusResponse {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<StatusResponse> {
        StatusResponse::create(
            builder,
        
            
            self.cluster_id,
            
        
            
            &self.shards,
            
        
        )
    }
}

/// Builder for serializing an instance of the [StatusResponse] type.
///
/// Can be created using the [StatusResponse::builder] method.
#[derive(Debug)]
#[must_use]
pub struct StatusResponseBuilder<State>(State);

impl<
    
> StatusResponseBuilder
<
    (
    
    )
>
{
    /// Setter for the [`cluster_id` field](StatusResponse#structfield.cluster_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn cluster_id<T0>(self, value: T0) -> StatusResponseBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u32, u32>
    {
        StatusResponseBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`cluster_id` field](StatusResponse#structfield.cluster_id) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn cluster_id_as_default(self) -> StatusResponseBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.cluster_id(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> StatusResponseBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`shards` field](StatusResponse#structfield.shards).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn shards<T1>(self, value: T1) -> StatusResponseBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::ShardHealth>]>>
    {
        
        let (
            
                v0,
            
        ) = self.0;StatusResponseBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
> StatusResponseBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [StatusResponse].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<StatusResponse>
        where Self: ::planus::WriteAsOffset<StatusResponse>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u32, u32>,
    
        T1: ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::ShardHealth>]>>,
    
> ::planus::WriteAs<::planus::Offset<StatusResponse>> for StatusResponseBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<StatusResponse>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<StatusResponse> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u32, u32>,
    
        T1: ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::ShardHealth>]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<StatusResponse>> for StatusResponseBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<StatusResponse>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<StatusResponse>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u32, u32>,
    
        T1: ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::ShardHealth>]>>,
    
> ::planus::WriteAsOffset<StatusResponse> for StatusResponseBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<StatusResponse> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;StatusResponse::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [StatusResponse].
#[derive(Copy, Clone)]
pub struct StatusResponseRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> StatusResponseRef<'a> {
    
        /// Getter for the [`cluster_id` field](StatusResponse#structfield.cluster_id).
        #[inline]
        pub fn cluster_id(&self) -> ::planus::Result<u32> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "StatusResponse", "cluster_id")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`shards` field](StatusResponse#structfield.shards).
        #[inline]
        pub fn shards(&self) -> ::planus::Result<::planus::Vector<'a, ::planus::Result<self::ShardHealthRef<'a>>>> {
            
            
              
              self.0.access_required(1, "StatusResponse", "shards")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for StatusResponseRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("StatusResponseRef");
        f.field("cluster_id", &self.cluster_id());f.field("shards", &self.shards());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<StatusResponseRef<'a>> for StatusResponse {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: StatusResponseRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            cluster_id: ::core::convert::TryInto::try_into(value.cluster_id()?)?,shards: value.shards()?.to_vec_result()?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for StatusResponseRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for StatusResponseRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[StatusResponseRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<StatusResponse>> for StatusResponse {
    type Value = ::planus::Offset<StatusResponse>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<StatusResponse>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for StatusResponseRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[StatusResponseRef]",
            "read_as_root",
            0,
        ))
    }
}

    
/// The union `ResponseBody` in the namespace `aorta.wire`
/// 
/// Generated from these locations:
/// * Union `ResponseBody` in the file `bindings/schema/response.fbs:54`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize)]
pub enum ResponseBody{
    
        /// The variant of type `CommitReceipt` in the union `ResponseBody`
        CommitReceipt(::planus::alloc::boxed::Box<self::CommitReceipt>),
    
        /// The variant of type `GetResponse` in the union `ResponseBody`
        GetResponse(::planus::alloc::boxed::Box<self::GetResponse>),
    
        /// The variant of type `Page` in the union `ResponseBody`
        Page(::planus::alloc::boxed::Box<self::Page>),
    
        /// The variant of type `PositionsResponse` in the union `ResponseBody`
        PositionsResponse(::planus::alloc::boxed::Box<self::PositionsResponse>),
    
        /// The variant of type `StatusResponse` in the union `ResponseBody`
        StatusResponse(::planus::alloc::boxed::Box<self::StatusResponse>),
    
        /// The variant of type `Error` in the union `ResponseBody`
        Error(::planus::alloc::boxed::Box<self::Error>),
    
}


impl ResponseBody {
    /// Creates a [ResponseBodyBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> ResponseBodyBuilder<::planus::Uninitialized> {
        ResponseBodyBuilder(::planus::Uninitialized)
    }

    #[inline]
    pub fn create_commit_receipt(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::CommitReceipt>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(1, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_get_response(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::GetResponse>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(2, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_page(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Page>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(3, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_positions_response(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::PositionsResponse>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(4, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_status_response(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::StatusResponse>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(5, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_error(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Error>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(6, value.prepare(builder).downcast())
    }

    
}



impl ::planus::WriteAsUnion<ResponseBody> for ResponseBody {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Self> {
        match self {
            Self::CommitReceipt(value) => Self::create_commit_receipt(builder, value),
            Self::GetResponse(value) => Self::create_get_response(builder, value),
            Self::Page(value) => Self::create_page(builder, value),
            Self::PositionsResponse(value) => Self::create_positions_response(builder, value),
            Self::StatusResponse(value) => Self::create_status_response(builder, value),
            Self::Error(value) => Self::create_error(builder, value),
            
        }
    }
}


impl ::planus::WriteAsOptionalUnion<ResponseBody> for ResponseBody {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Self>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}

/// Builder for serializing an instance of the [ResponseBody] type.
///
/// Can be created using the [ResponseBody::builder] method.
#[derive(Debug)]
#[must_use]
pub struct ResponseBodyBuilder<T>(T);

impl ResponseBodyBuilder<::planus::Uninitialized> {
    /// Creates an instance of the [`CommitReceipt` variant](ResponseBody#variant.CommitReceipt).
    #[inline]
    pub fn commit_receipt<T>(
        self,
        value: T,
    ) -> ResponseBodyBuilder<::planus::Initialized<1, T>>
        where T: ::planus::WriteAsOffset<self::CommitReceipt> {
        ResponseBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`GetResponse` variant](ResponseBody#variant.GetResponse).
    #[inline]
    pub fn get_response<T>(
        self,
        value: T,
    ) -> ResponseBodyBuilder<::planus::Initialized<2, T>>
        where T: ::planus::WriteAsOffset<self::GetResponse> {
        ResponseBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Page` variant](ResponseBody#variant.Page).
    #[inline]
    pub fn page<T>(
        self,
        value: T,
    ) -> ResponseBodyBuilder<::planus::Initialized<3, T>>
        where T: ::planus::WriteAsOffset<self::Page> {
        ResponseBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`PositionsResponse` variant](ResponseBody#variant.PositionsResponse).
    #[inline]
    pub fn positions_response<T>(
        self,
        value: T,
    ) -> ResponseBodyBuilder<::planus::Initialized<4, T>>
        where T: ::planus::WriteAsOffset<self::PositionsResponse> {
        ResponseBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`StatusResponse` variant](ResponseBody#variant.StatusResponse).
    #[inline]
    pub fn status_response<T>(
        self,
        value: T,
    ) -> ResponseBodyBuilder<::planus::Initialized<5, T>>
        where T: ::planus::WriteAsOffset<self::StatusResponse> {
        ResponseBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Error` variant](ResponseBody#variant.Error).
    #[inline]
    pub fn error<T>(
        self,
        value: T,
    ) -> ResponseBodyBuilder<::planus::Initialized<6, T>>
        where T: ::planus::WriteAsOffset<self::Error> {
        ResponseBodyBuilder(::planus::Initialized(value))
    }

    
}

impl<const N: u8, T> ResponseBodyBuilder<::planus::Initialized<N, T>> {
    /// Finish writing the builder to get an [UnionOffset](::planus::UnionOffset) to a serialized [ResponseBody].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ResponseBody>
        where Self: ::planus::WriteAsUnion<ResponseBody>
    {
        ::planus::WriteAsUnion::prepare(&self, builder)
    }
}

impl<T> ::planus::WriteAsUnion<ResponseBody> for ResponseBodyBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::CommitReceipt>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ResponseBody> {
        ::planus::UnionOffset::new(1, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ResponseBody> for ResponseBodyBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::CommitReceipt>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<ResponseBody> for ResponseBodyBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::GetResponse>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ResponseBody> {
        ::planus::UnionOffset::new(2, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ResponseBody> for ResponseBodyBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::GetResponse>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<ResponseBody> for ResponseBodyBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::Page>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ResponseBody> {
        ::planus::UnionOffset::new(3, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ResponseBody> for ResponseBodyBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::Page>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<ResponseBody> for ResponseBodyBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::PositionsResponse>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ResponseBody> {
        ::planus::UnionOffset::new(4, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ResponseBody> for ResponseBodyBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::PositionsResponse>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<ResponseBody> for ResponseBodyBuilder<::planus::Initialized<5, T>>
    where T: ::planus::WriteAsOffset<self::StatusResponse>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ResponseBody> {
        ::planus::UnionOffset::new(5, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ResponseBody> for ResponseBodyBuilder<::planus::Initialized<5, T>>
    where T: ::planus::WriteAsOffset<self::StatusResponse>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<ResponseBody> for ResponseBodyBuilder<::planus::Initialized<6, T>>
    where T: ::planus::WriteAsOffset<self::Error>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ResponseBody> {
        ::planus::UnionOffset::new(6, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ResponseBody> for ResponseBodyBuilder<::planus::Initialized<6, T>>
    where T: ::planus::WriteAsOffset<self::Error>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}


/// Reference to a deserialized [ResponseBody].
#[derive(Copy, Clone, Debug)]
pub enum ResponseBodyRef<'a>{
    CommitReceipt(self::CommitReceiptRef<'a>),
    GetResponse(self::GetResponseRef<'a>),
    Page(self::PageRef<'a>),
    PositionsResponse(self::PositionsResponseRef<'a>),
    StatusResponse(self::StatusResponseRef<'a>),
    Error(self::ErrorRef<'a>),
    
}


impl<'a> ::core::convert::TryFrom<ResponseBodyRef<'a>> for ResponseBody {
    type Error = ::planus::Error;

    fn try_from(value: ResponseBodyRef<'a>) -> ::planus::Result<Self> {
        ::core::result::Result::Ok(match value {
            
                ResponseBodyRef::CommitReceipt(value) => Self::CommitReceipt(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                ResponseBodyRef::GetResponse(value) => Self::GetResponse(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                ResponseBodyRef::Page(value) => Self::Page(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                ResponseBodyRef::PositionsResponse(value) => Self::PositionsResponse(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                ResponseBodyRef::StatusResponse(value) => Self::StatusResponse(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                ResponseBodyRef::Error(value) => Self::Error(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
        })
    }
}



impl<'a> ::planus::TableReadUnion<'a> for ResponseBodyRef<'a> {
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, tag: u8, field_offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        match tag {
            1 => ::core::result::Result::Ok(Self::CommitReceipt(::planus::TableRead::from_buffer(buffer, field_offset)?)),2 => ::core::result::Result::Ok(Self::GetResponse(::planus::TableRead::from_buffer(buffer, field_offset)?)),3 => ::core::result::Result::Ok(Self::Page(::planus::TableRead::from_buffer(buffer, field_offset)?)),4 => ::core::result::Result::Ok(Self::PositionsResponse(::planus::TableRead::from_buffer(buffer, field_offset)?)),5 => ::core::result::Result::Ok(Self::StatusResponse(::planus::TableRead::from_buffer(buffer, field_offset)?)),6 => ::core::result::Result::Ok(Self::Error(::planus::TableRead::from_buffer(buffer, field_offset)?)),_ => ::core::result::Result::Err(::planus::errors::ErrorKind::UnknownUnionTag { tag }),
        }
    }
}



impl<'a> ::planus::VectorReadUnion<'a> for ResponseBodyRef<'a> {
    const VECTOR_NAME: &'static str = "[ResponseBodyRef]";
}


    
///  The answer to the request whose id is `request_id`.
/// 
/// Generated from these locations:
/// * Table `Response` in the file `bindings/schema/response.fbs:64`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Response{
    
        /// The field `request_id` in the table `Response`
        pub request_id: u64,
        /// The field `body` in the table `Response`
        pub body: self::ResponseBody,}



impl Response {
    /// Creates a [ResponseBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> ResponseBuilder<()> {
        ResponseBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_request_id: impl ::planus::WriteAsDefault<u64, u64>,
        field_body: impl ::planus::WriteAsUnion<self::ResponseBody>,
        
    ) -> ::planus::Offset<Self> {let prepared_request_id = field_request_id.prepare(builder, &0);let prepared_body = field_body.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        if prepared_request_id.is_some() {table_writer.write_entry::<u64>(0);}table_writer.write_entry::<::planus::Offset<self::ResponseBody>>(2);table_writer.write_entry::<u8>(1);

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_request_id) = prepared_request_id {object_writer.write::<_, _, 8>(&prepared_request_id);}object_writer.write::<_, _, 4>(&prepared_body.offset());object_writer.write::<_, _, 1>(&prepared_body.tag());
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Response>> for Response {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Response> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Response>> for Response {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Response>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Response> for Response {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Response> {
        Response::create(
            builder,
        
            
            self.request_id,
            
        
            
            &self.body,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Response] type.
///
/// Can be created using the [Response::builder] method.
#[derive(Debug)]
#[must_use]
pub struct ResponseBuilder<State>(State);

impl<
    
> ResponseBuilder
<
    (
    
    )
>
{
    /// Setter for the [`request_id` field](Response#structfield.request_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn request_id<T0>(self, value: T0) -> ResponseBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u64, u64>
    {
        ResponseBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`request_id` field](Response#structfield.request_id) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn request_id_as_default(self) -> ResponseBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.request_id(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> ResponseBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`body` field](Response#structfield.body).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn body<T1>(self, value: T1) -> ResponseBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsUnion<self::ResponseBody>
    {
        
        let (
            
                v0,
            
        ) = self.0;ResponseBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
> ResponseBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Response].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Response>
        where Self: ::planus::WriteAsOffset<Response>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::ResponseBody>,
    
> ::planus::WriteAs<::planus::Offset<Response>> for ResponseBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<Response>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Response> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::ResponseBody>,
    
> ::planus::WriteAsOptional<::planus::Offset<Response>> for ResponseBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<Response>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Response>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::ResponseBody>,
    
> ::planus::WriteAsOffset<Response> for ResponseBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Response> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;Response::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [Response].
#[derive(Copy, Clone)]
pub struct ResponseRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> ResponseRef<'a> {
    
        /// Getter for the [`request_id` field](Response#structfield.request_id).
        #[inline]
        pub fn request_id(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "Response", "request_id")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`body` field](Response#structfield.body).
        #[inline]
        pub fn body(&self) -> ::planus::Result<self::ResponseBodyRef<'a>> {
            
            
              
              self.0.access_union_required(1, "Response", "body")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for ResponseRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("ResponseRef");
        f.field("request_id", &self.request_id());f.field("body", &self.body());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<ResponseRef<'a>> for Response {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: ResponseRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            request_id: ::core::convert::TryInto::try_into(value.request_id()?)?,body: ::core::convert::TryInto::try_into(value.body()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for ResponseRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for ResponseRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[ResponseRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Response>> for Response {
    type Value = ::planus::Offset<Response>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Response>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for ResponseRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[ResponseRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  What a change did to a subscriber's selection, judged on the resource before and after it.
/// 
/// Generated from these locations:
/// * Enum `EventAction` in the file `bindings/schema/subscription.fbs:11`
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]#[repr(u8)]pub enum EventAction {
    
        ///  A resource was created, and matches.
        Created = 0,
    
        ///  A matching resource was updated and still matches.
        Updated = 1,
    
        ///  A matching resource was deleted.
        Deleted = 2,
    
        ///  An update made a resource match that did not.
        Entered = 3,
    
        ///  An update made a matching resource stop matching.
        Left = 4,
    
}

impl EventAction {
    /// Array containing all valid variants of EventAction
    pub const ENUM_VALUES: [Self; 5] = [Self::Created,Self::Updated,Self::Deleted,Self::Entered,Self::Left,];
}

impl ::core::convert::TryFrom<u8> for EventAction {
    type Error = ::planus::errors::UnknownEnumTagKind;
    #[inline]
    fn try_from(value: u8) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTagKind> {
        #[allow(clippy::match_single_binding)]
        match value {
            0 => ::core::result::Result::Ok(EventAction::Created),
            1 => ::core::result::Result::Ok(EventAction::Updated),
            2 => ::core::result::Result::Ok(EventAction::Deleted),
            3 => ::core::result::Result::Ok(EventAction::Entered),
            4 => ::core::result::Result::Ok(EventAction::Left),
            

            _ => ::core::result::Result::Err(::planus::errors::UnknownEnumTagKind { tag: value as i128 }),
        }
    }
}

impl ::core::convert::From<EventAction> for u8 {
    #[inline]
    fn from(value: EventAction) -> Self {
        value as u8
    }
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for EventAction {
    const ALIGNMENT: usize = 1;
    const SIZE: usize = 1;
}

impl ::planus::WriteAsPrimitive<EventAction> for EventAction {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        (*self as u8).write(cursor, buffer_position);
    }
}

impl ::planus::WriteAs<EventAction> for EventAction {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> EventAction {
        *self
    }
}

impl ::planus::WriteAsDefault<EventAction, EventAction> for EventAction {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder, default: &EventAction) -> ::core::option::Option<EventAction> {
        if self == default {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(*self)
        }
    }
}

impl ::planus::WriteAsOptional<EventAction> for EventAction {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<EventAction> {
        ::core::option::Option::Some(*self)
    }
}

impl<'buf> ::planus::TableRead<'buf> for EventAction {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'buf>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let n: u8 = ::planus::TableRead::from_buffer(buffer, offset)?;
        ::core::result::Result::Ok(::core::convert::TryInto::try_into(n)?)
    }
}

impl<'buf> ::planus::VectorReadInner<'buf> for EventAction {
    type Error = ::planus::errors::UnknownEnumTag;
    const STRIDE: usize = 1;
    #[inline]
    unsafe fn from_buffer(
        buffer: ::planus::SliceWithStartOffset<'buf>,
        offset: usize,
    ) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTag> {let value = unsafe { *buffer.buffer.get_unchecked(offset) };let value: ::core::result::Result<Self, _> = ::core::convert::TryInto::try_into(value);
        value.map_err(|error_kind| error_kind.with_error_location(
            "EventAction",
            "VectorRead::from_buffer",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<EventAction> for EventAction {
    const STRIDE: usize = 1;

    type Value = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Self],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 1];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - i as u32,
                
            );
        }
    }
}

    
///  What a subscription selects, and which actions it wants (at least one).
/// 
/// Generated from these locations:
/// * Table `Pattern` in the file `bindings/schema/subscription.fbs:25`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Pattern{
    
        /// The field `namespace_path` in the table `Pattern`
        pub namespace_path: ::planus::alloc::string::String,
        /// The field `scope` in the table `Pattern`
        pub scope: self::Scope,
        /// The field `kind` in the table `Pattern`
        pub kind: ::core::option::Option<::planus::alloc::string::String>,
        /// The field `selector` in the table `Pattern`
        pub selector: ::core::option::Option<::planus::alloc::string::String>,
        /// The field `actions` in the table `Pattern`
        pub actions: ::planus::alloc::vec::Vec<self::EventAction>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Pattern {
    fn default() -> Self {
        Self {
        namespace_path: ::core::default::Default::default(),
        scope: self::Scope::Subtree,
        kind: ::core::default::Default::default(),
        selector: ::core::default::Default::default(),
        actions: ::core::default::Default::default(),
        
        }
    }
}


impl Pattern {
    /// Creates a [PatternBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> PatternBuilder<()> {
        PatternBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_namespace_path: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_scope: impl ::planus::WriteAsDefault<self::Scope, self::Scope>,
        field_kind: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        field_selector: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        field_actions: impl ::planus::WriteAs<::planus::Offset<[self::EventAction]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_namespace_path = field_namespace_path.prepare(builder);let prepared_scope = field_scope.prepare(builder, &self::Scope::Subtree);let prepared_kind = field_kind.prepare(builder);let prepared_selector = field_selector.prepare(builder);let prepared_actions = field_actions.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<14> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);if prepared_kind.is_some() {table_writer.write_entry::<::planus::Offset<str>>(2);}if prepared_selector.is_some() {table_writer.write_entry::<::planus::Offset<str>>(3);}table_writer.write_entry::<::planus::Offset<[self::EventAction]>>(4);if prepared_scope.is_some() {table_writer.write_entry::<self::Scope>(1);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_namespace_path);if let ::core::option::Option::Some(prepared_kind) = prepared_kind {object_writer.write::<_, _, 4>(&prepared_kind);}if let ::core::option::Option::Some(prepared_selector) = prepared_selector {object_writer.write::<_, _, 4>(&prepared_selector);}object_writer.write::<_, _, 4>(&prepared_actions);if let ::core::option::Option::Some(prepared_scope) = prepared_scope {object_writer.write::<_, _, 1>(&prepared_scope);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Pattern>> for Pattern {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Pattern> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Pattern>> for Pattern {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Pattern>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Pattern> for Pattern {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Pattern> {
        Pattern::create(
            builder,
        
            
            &self.namespace_path,
            
        
            
            self.scope,
            
        
            
            &self.kind,
            
        
            
            &self.selector,
            
        
            
            &self.actions,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Pattern] type.
///
/// Can be created using the [Pattern::builder] method.
#[derive(Debug)]
#[must_use]
pub struct PatternBuilder<State>(State);

impl<
    
> PatternBuilder
<
    (
    
    )
>
{
    /// Setter for the [`namespace_path` field](Pattern#structfield.namespace_path).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn namespace_path<T0>(self, value: T0) -> PatternBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        PatternBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> PatternBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`scope` field](Pattern#structfield.scope).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn scope<T1>(self, value: T1) -> PatternBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsDefault<self::Scope, self::Scope>
    {
        
        let (
            
                v0,
            
        ) = self.0;PatternBuilder((
            
                v0,
            
            value,
        ))
    }

    
    /// Sets the [`scope` field](Pattern#structfield.scope) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn scope_as_default(self) -> PatternBuilder<(
        
            T0,
        
        ::planus::DefaultValue,
    )>
    {
        self.scope(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
> PatternBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`kind` field](Pattern#structfield.kind).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn kind<T2>(self, value: T2) -> PatternBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;PatternBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
    /// Sets the [`kind` field](Pattern#structfield.kind) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn kind_as_null(self) -> PatternBuilder<(
        
            T0,
        
            T1,
        
        (),
    )>
    {
        self.kind(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> PatternBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`selector` field](Pattern#structfield.selector).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn selector<T3>(self, value: T3) -> PatternBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;PatternBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    

    
    /// Sets the [`selector` field](Pattern#structfield.selector) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn selector_as_null(self) -> PatternBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
        (),
    )>
    {
        self.selector(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> PatternBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )
>
{
    /// Setter for the [`actions` field](Pattern#structfield.actions).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn actions<T4>(self, value: T4) -> PatternBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )>
    where T4: ::planus::WriteAs<::planus::Offset<[self::EventAction]>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = self.0;PatternBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
> PatternBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Pattern].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Pattern>
        where Self: ::planus::WriteAsOffset<Pattern>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsDefault<self::Scope, self::Scope>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T3: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T4: ::planus::WriteAs<::planus::Offset<[self::EventAction]>>,
    
> ::planus::WriteAs<::planus::Offset<Pattern>> for PatternBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    type Prepared = ::planus::Offset<Pattern>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Pattern> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsDefault<self::Scope, self::Scope>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T3: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T4: ::planus::WriteAs<::planus::Offset<[self::EventAction]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<Pattern>> for PatternBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    type Prepared = ::planus::Offset<Pattern>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Pattern>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsDefault<self::Scope, self::Scope>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T3: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T4: ::planus::WriteAs<::planus::Offset<[self::EventAction]>>,
    
> ::planus::WriteAsOffset<Pattern> for PatternBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Pattern> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        ) = &self.0;Pattern::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        )
    }
}

/// Reference to a deserialized [Pattern].
#[derive(Copy, Clone)]
pub struct PatternRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> PatternRef<'a> {
    
        /// Getter for the [`namespace_path` field](Pattern#structfield.namespace_path).
        #[inline]
        pub fn namespace_path(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "Pattern", "namespace_path")
              
            
            
            
        }
    
        /// Getter for the [`scope` field](Pattern#structfield.scope).
        #[inline]
        pub fn scope(&self) -> ::planus::Result<self::Scope> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(1, "Pattern", "scope")
              
            
            ?.unwrap_or(self::Scope::Subtree))
            
        }
    
        /// Getter for the [`kind` field](Pattern#structfield.kind).
        #[inline]
        pub fn kind(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(2, "Pattern", "kind")
              
            
            
            
        }
    
        /// Getter for the [`selector` field](Pattern#structfield.selector).
        #[inline]
        pub fn selector(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(3, "Pattern", "selector")
              
            
            
            
        }
    
        /// Getter for the [`actions` field](Pattern#structfield.actions).
        #[inline]
        pub fn actions(&self) -> ::planus::Result<::planus::Vector<'a, ::core::result::Result<self::EventAction, ::planus::errors::UnknownEnumTag>>> {
            
            
              
              self.0.access_required(4, "Pattern", "actions")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for PatternRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("PatternRef");
        f.field("namespace_path", &self.namespace_path());f.field("scope", &self.scope());if let ::core::option::Option::Some(field_kind) = self.kind().transpose() {
                f.field("kind", &field_kind);
            }if let ::core::option::Option::Some(field_selector) = self.selector().transpose() {
                f.field("selector", &field_selector);
            }f.field("actions", &self.actions());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<PatternRef<'a>> for Pattern {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: PatternRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            namespace_path: ::core::convert::Into::into(value.namespace_path()?),scope: ::core::convert::TryInto::try_into(value.scope()?)?,kind: 
                                value.kind()?.map(::core::convert::Into::into)
                            ,selector: 
                                value.selector()?.map(::core::convert::Into::into)
                            ,actions: value.actions()?.to_vec_result()?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for PatternRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for PatternRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[PatternRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Pattern>> for Pattern {
    type Value = ::planus::Offset<Pattern>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Pattern>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for PatternRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[PatternRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Opens a subscription. Without `resume_after`: from now (changes committed from now on).
///  With it (one position per shard: the `resume_token` of the last `Events` frame received, or
///  the positions of a listing): every matching change above them; past a shard's history horizon
///  the stream ends at once with `Compacted`.
/// 
/// Generated from these locations:
/// * Table `Subscribe` in the file `bindings/schema/subscription.fbs:37`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Subscribe{
    
        /// The field `pattern` in the table `Subscribe`
        pub pattern: ::planus::alloc::boxed::Box<self::Pattern>,
        /// The field `resume_after` in the table `Subscribe`
        pub resume_after: ::core::option::Option<::planus::alloc::vec::Vec<u64>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Subscribe {
    fn default() -> Self {
        Self {
        pattern: ::core::default::Default::default(),
        resume_after: ::core::default::Default::default(),
        
        }
    }
}


impl Subscribe {
    /// Creates a [SubscribeBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> SubscribeBuilder<()> {
        SubscribeBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_pattern: impl ::planus::WriteAs<::planus::Offset<self::Pattern>>,
        field_resume_after: impl ::planus::WriteAsOptional<::planus::Offset<[u64]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_pattern = field_pattern.prepare(builder);let prepared_resume_after = field_resume_after.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<self::Pattern>>(0);if prepared_resume_after.is_some() {table_writer.write_entry::<::planus::Offset<[u64]>>(1);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_pattern);if let ::core::option::Option::Some(prepared_resume_after) = prepared_resume_after {object_writer.write::<_, _, 4>(&prepared_resume_after);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Subscribe>> for Subscribe {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Subscribe> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Subscribe>> for Subscribe {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Subscribe>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Subscribe> for Subscribe {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Subscribe> {
        Subscribe::create(
            builder,
        
            
            &self.pattern,
            
        
            
            &self.resume_after,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Subscribe] type.
///
/// Can be created using the [Subscribe::builder] method.
#[derive(Debug)]
#[must_use]
pub struct SubscribeBuilder<State>(State);

impl<
    
> SubscribeBuilder
<
    (
    
    )
>
{
    /// Setter for the [`pattern` field](Subscribe#structfield.pattern).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn pattern<T0>(self, value: T0) -> SubscribeBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<self::Pattern>>
    {
        SubscribeBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> SubscribeBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`resume_after` field](Subscribe#structfield.resume_after).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn resume_after<T1>(self, value: T1) -> SubscribeBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsOptional<::planus::Offset<[u64]>>
    {
        
        let (
            
                v0,
            
        ) = self.0;SubscribeBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
    /// Sets the [`resume_after` field](Subscribe#structfield.resume_after) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn resume_after_as_null(self) -> SubscribeBuilder<(
        
            T0,
        
        (),
    )>
    {
        self.resume_after(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
> SubscribeBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Subscribe].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Subscribe>
        where Self: ::planus::WriteAsOffset<Subscribe>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::Pattern>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[u64]>>,
    
> ::planus::WriteAs<::planus::Offset<Subscribe>> for SubscribeBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<Subscribe>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Subscribe> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::Pattern>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[u64]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<Subscribe>> for SubscribeBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<Subscribe>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Subscribe>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::Pattern>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[u64]>>,
    
> ::planus::WriteAsOffset<Subscribe> for SubscribeBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Subscribe> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;Subscribe::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [Subscribe].
#[derive(Copy, Clone)]
pub struct SubscribeRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> SubscribeRef<'a> {
    
        /// Getter for the [`pattern` field](Subscribe#structfield.pattern).
        #[inline]
        pub fn pattern(&self) -> ::planus::Result<self::PatternRef<'a>> {
            
            
              
              self.0.access_required(0, "Subscribe", "pattern")
              
            
            
            
        }
    
        /// Getter for the [`resume_after` field](Subscribe#structfield.resume_after).
        #[inline]
        pub fn resume_after(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, u64>>> {
            
            
              
              self.0.access(1, "Subscribe", "resume_after")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for SubscribeRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("SubscribeRef");
        f.field("pattern", &self.pattern());if let ::core::option::Option::Some(field_resume_after) = self.resume_after().transpose() {
                f.field("resume_after", &field_resume_after);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<SubscribeRef<'a>> for Subscribe {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: SubscribeRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            pattern: ::planus::alloc::boxed::Box::new(::core::convert::TryInto::try_into(value.pattern()?)?),resume_after: 
                            if let ::core::option::Option::Some(resume_after) = value.resume_after()? {
                                ::core::option::Option::Some(resume_after.to_vec()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for SubscribeRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for SubscribeRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[SubscribeRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Subscribe>> for Subscribe {
    type Value = ::planus::Offset<Subscribe>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Subscribe>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for SubscribeRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[SubscribeRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  The subscription is open; `resume_token` is where it starts (one position per shard).
/// 
/// Generated from these locations:
/// * Table `Subscribed` in the file `bindings/schema/subscription.fbs:43`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Subscribed{
    
        /// The field `resume_token` in the table `Subscribed`
        pub resume_token: ::planus::alloc::vec::Vec<u64>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Subscribed {
    fn default() -> Self {
        Self {
        resume_token: ::core::default::Default::default(),
        
        }
    }
}


impl Subscribed {
    /// Creates a [SubscribedBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> SubscribedBuilder<()> {
        SubscribedBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_resume_token: impl ::planus::WriteAs<::planus::Offset<[u64]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_resume_token = field_resume_token.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<[u64]>>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_resume_token);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Subscribed>> for Subscribed {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Subscribed> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Subscribed>> for Subscribed {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Subscribed>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Subscribed> for Subscribed {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Subscribed> {
        Subscribed::create(
            builder,
        
            
            &self.resume_token,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Subscribed] type.
///
/// Can be created using the [Subscribed::builder] method.
#[derive(Debug)]
#[must_use]
pub struct SubscribedBuilder<State>(State);

impl<
    
> SubscribedBuilder
<
    (
    
    )
>
{
    /// Setter for the [`resume_token` field](Subscribed#structfield.resume_token).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn resume_token<T0>(self, value: T0) -> SubscribedBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<[u64]>>
    {
        SubscribedBuilder((
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
> SubscribedBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Subscribed].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Subscribed>
        where Self: ::planus::WriteAsOffset<Subscribed>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[u64]>>,
    
> ::planus::WriteAs<::planus::Offset<Subscribed>> for SubscribedBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<Subscribed>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Subscribed> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[u64]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<Subscribed>> for SubscribedBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<Subscribed>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Subscribed>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[u64]>>,
    
> ::planus::WriteAsOffset<Subscribed> for SubscribedBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Subscribed> {
        
        let (
            
                v0,
            
        ) = &self.0;Subscribed::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [Subscribed].
#[derive(Copy, Clone)]
pub struct SubscribedRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> SubscribedRef<'a> {
    
        /// Getter for the [`resume_token` field](Subscribed#structfield.resume_token).
        #[inline]
        pub fn resume_token(&self) -> ::planus::Result<::planus::Vector<'a, u64>> {
            
            
              
              self.0.access_required(0, "Subscribed", "resume_token")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for SubscribedRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("SubscribedRef");
        f.field("resume_token", &self.resume_token());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<SubscribedRef<'a>> for Subscribed {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: SubscribedRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            resume_token: value.resume_token()?.to_vec()?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for SubscribedRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for SubscribedRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[SubscribedRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Subscribed>> for Subscribed {
    type Value = ::planus::Offset<Subscribed>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Subscribed>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for SubscribedRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[SubscribedRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  One change as the subscriber receives it: the resources before and after it, whole.
/// 
/// Generated from these locations:
/// * Table `Event` in the file `bindings/schema/subscription.fbs:48`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Event{
    
        /// The field `shard` in the table `Event`
        pub shard: u16,
        /// The field `position` in the table `Event`
        pub position: u64,
        ///  Milliseconds since the Unix epoch.
        pub commit_time_ms: u64,
        /// The field `action` in the table `Event`
        pub action: self::EventAction,
        ///  Absent for a create.
        pub old: ::core::option::Option<::planus::alloc::boxed::Box<self::Resource>>,
        ///  Absent for a delete.
        pub new: ::core::option::Option<::planus::alloc::boxed::Box<self::Resource>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Event {
    fn default() -> Self {
        Self {
        shard: 0,
        position: 0,
        commit_time_ms: 0,
        action: self::EventAction::Created,
        old: ::core::default::Default::default(),
        new: ::core::default::Default::default(),
        
        }
    }
}


impl Event {
    /// Creates a [EventBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> EventBuilder<()> {
        EventBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_shard: impl ::planus::WriteAsDefault<u16, u16>,
        field_position: impl ::planus::WriteAsDefault<u64, u64>,
        field_commit_time_ms: impl ::planus::WriteAsDefault<u64, u64>,
        field_action: impl ::planus::WriteAsDefault<self::EventAction, self::EventAction>,
        field_old: impl ::planus::WriteAsOptional<::planus::Offset<self::Resource>>,
        field_new: impl ::planus::WriteAsOptional<::planus::Offset<self::Resource>>,
        
    ) -> ::planus::Offset<Self> {let prepared_shard = field_shard.prepare(builder, &0);let prepared_position = field_position.prepare(builder, &0);let prepared_commit_time_ms = field_commit_time_ms.prepare(builder, &0);let prepared_action = field_action.prepare(builder, &self::EventAction::Created);let prepared_old = field_old.prepare(builder);let prepared_new = field_new.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<16> = ::core::default::Default::default();
        if prepared_position.is_some() {table_writer.write_entry::<u64>(1);}if prepared_commit_time_ms.is_some() {table_writer.write_entry::<u64>(2);}if prepared_old.is_some() {table_writer.write_entry::<::planus::Offset<self::Resource>>(4);}if prepared_new.is_some() {table_writer.write_entry::<::planus::Offset<self::Resource>>(5);}if prepared_shard.is_some() {table_writer.write_entry::<u16>(0);}if prepared_action.is_some() {table_writer.write_entry::<self::EventAction>(3);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_position) = prepared_position {object_writer.write::<_, _, 8>(&prepared_position);}if let ::core::option::Option::Some(prepared_commit_time_ms) = prepared_commit_time_ms {object_writer.write::<_, _, 8>(&prepared_commit_time_ms);}if let ::core::option::Option::Some(prepared_old) = prepared_old {object_writer.write::<_, _, 4>(&prepared_old);}if let ::core::option::Option::Some(prepared_new) = prepared_new {object_writer.write::<_, _, 4>(&prepared_new);}if let ::core::option::Option::Some(prepared_shard) = prepared_shard {object_writer.write::<_, _, 2>(&prepared_shard);}if let ::core::option::Option::Some(prepared_action) = prepared_action {object_writer.write::<_, _, 1>(&prepared_action);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Event>> for Event {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Event> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Event>> for Event {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Event>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Event> for Event {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Event> {
        Event::create(
            builder,
        
            
            self.shard,
            
        
            
            self.position,
            
        
            
            self.commit_time_ms,
            
        
            
            self.action,
            
        
            
            &self.old,
            
        
            
            &self.new,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Event] type.
///
/// Can be created using the [Event::builder] method.
#[derive(Debug)]
#[must_use]
pub struct EventBuilder<State>(State);

impl<
    
> EventBuilder
<
    (
    
    )
>
{
    /// Setter for the [`shard` field](Event#structfield.shard).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn shard<T0>(self, value: T0) -> EventBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u16, u16>
    {
        EventBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`shard` field](Event#structfield.shard) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn shard_as_default(self) -> EventBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.shard(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> EventBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`position` field](Event#structfield.position).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn position<T1>(self, value: T1) -> EventBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
        ) = self.0;EventBuilder((
            
                v0,
            
            value,
        ))
    }

    
    /// Sets the [`position` field](Event#structfield.position) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn position_as_default(self) -> EventBuilder<(
        
            T0,
        
        ::planus::DefaultValue,
    )>
    {
        self.position(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
> EventBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`commit_time_ms` field](Event#structfield.commit_time_ms).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn commit_time_ms<T2>(self, value: T2) -> EventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;EventBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    
    /// Sets the [`commit_time_ms` field](Event#structfield.commit_time_ms) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn commit_time_ms_as_default(self) -> EventBuilder<(
        
            T0,
        
            T1,
        
        ::planus::DefaultValue,
    )>
    {
        self.commit_time_ms(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> EventBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`action` field](Event#structfield.action).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn action<T3>(self, value: T3) -> EventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAsDefault<self::EventAction, self::EventAction>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;EventBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    
    /// Sets the [`action` field](Event#structfield.action) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn action_as_default(self) -> EventBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
        ::planus::DefaultValue,
    )>
    {
        self.action(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> EventBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )
>
{
    /// Setter for the [`old` field](Event#structfield.old).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn old<T4>(self, value: T4) -> EventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )>
    where T4: ::planus::WriteAsOptional<::planus::Offset<self::Resource>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = self.0;EventBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
            value,
        ))
    }

    

    
    /// Sets the [`old` field](Event#structfield.old) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn old_as_null(self) -> EventBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
        (),
    )>
    {
        self.old(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
> EventBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )
>
{
    /// Setter for the [`new` field](Event#structfield.new).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn new<T5>(self, value: T5) -> EventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
    )>
    where T5: ::planus::WriteAsOptional<::planus::Offset<self::Resource>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        ) = self.0;EventBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
            value,
        ))
    }

    

    
    /// Sets the [`new` field](Event#structfield.new) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn new_as_null(self) -> EventBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
        (),
    )>
    {
        self.new(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
> EventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Event].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Event>
        where Self: ::planus::WriteAsOffset<Event>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAsDefault<u64, u64>,
    
        T2: ::planus::WriteAsDefault<u64, u64>,
    
        T3: ::planus::WriteAsDefault<self::EventAction, self::EventAction>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<self::Resource>>,
    
        T5: ::planus::WriteAsOptional<::planus::Offset<self::Resource>>,
    
> ::planus::WriteAs<::planus::Offset<Event>> for EventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
)> {
    type Prepared = ::planus::Offset<Event>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Event> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAsDefault<u64, u64>,
    
        T2: ::planus::WriteAsDefault<u64, u64>,
    
        T3: ::planus::WriteAsDefault<self::EventAction, self::EventAction>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<self::Resource>>,
    
        T5: ::planus::WriteAsOptional<::planus::Offset<self::Resource>>,
    
> ::planus::WriteAsOptional<::planus::Offset<Event>> for EventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
)> {
    type Prepared = ::planus::Offset<Event>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Event>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAsDefault<u64, u64>,
    
        T2: ::planus::WriteAsDefault<u64, u64>,
    
        T3: ::planus::WriteAsDefault<self::EventAction, self::EventAction>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<self::Resource>>,
    
        T5: ::planus::WriteAsOptional<::planus::Offset<self::Resource>>,
    
> ::planus::WriteAsOffset<Event> for EventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Event> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
        ) = &self.0;Event::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
        )
    }
}

/// Reference to a deserialized [Event].
#[derive(Copy, Clone)]
pub struct EventRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> EventRef<'a> {
    
        /// Getter for the [`shard` field](Event#structfield.shard).
        #[inline]
        pub fn shard(&self) -> ::planus::Result<u16> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "Event", "shard")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`position` field](Event#structfield.position).
        #[inline]
        pub fn position(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(1, "Event", "position")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`commit_time_ms` field](Event#structfield.commit_time_ms).
        #[inline]
        pub fn commit_time_ms(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(2, "Event", "commit_time_ms")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`action` field](Event#structfield.action).
        #[inline]
        pub fn action(&self) -> ::planus::Result<self::EventAction> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(3, "Event", "action")
              
            
            ?.unwrap_or(self::EventAction::Created))
            
        }
    
        /// Getter for the [`old` field](Event#structfield.old).
        #[inline]
        pub fn old(&self) -> ::planus::Result<::core::option::Option<self::ResourceRef<'a>>> {
            
            
              
              self.0.access(4, "Event", "old")
              
            
            
            
        }
    
        /// Getter for the [`new` field](Event#structfield.new).
        #[inline]
        pub fn new(&self) -> ::planus::Result<::core::option::Option<self::ResourceRef<'a>>> {
            
            
              
              self.0.access(5, "Event", "new")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for EventRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("EventRef");
        f.field("shard", &self.shard());f.field("position", &self.position());f.field("commit_time_ms", &self.commit_time_ms());f.field("action", &self.action());if let ::core::option::Option::Some(field_old) = self.old().transpose() {
                f.field("old", &field_old);
            }if let ::core::option::Option::Some(field_new) = self.new().transpose() {
                f.field("new", &field_new);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<EventRef<'a>> for Event {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: EventRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            shard: ::core::convert::TryInto::try_into(value.shard()?)?,position: ::core::convert::TryInto::try_into(value.position()?)?,commit_time_ms: ::core::convert::TryInto::try_into(value.commit_time_ms()?)?,action: ::core::convert::TryInto::try_into(value.action()?)?,old: 
                                if let ::core::option::Option::Some(old) = value.old()? {
                                    ::core::option::Option::Some(::planus::alloc::boxed::Box::new(::core::convert::TryInto::try_into(old)?))
                                } else {
                                    ::core::option::Option::None
                                }
                            ,new: 
                                if let ::core::option::Option::Some(new) = value.new()? {
                                    ::core::option::Option::Some(::planus::alloc::boxed::Box::new(::core::convert::TryInto::try_into(new)?))
                                } else {
                                    ::core::option::Option::None
                                }
                            ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for EventRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for EventRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[EventRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Event>> for Event {
    type Value = ::planus::Offset<Event>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Event>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for EventRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[EventRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Events in commit order within each shard, and the token to resume from after them: resuming
///  from the last token received neither repeats nor loses an event.
/// 
/// Generated from these locations:
/// * Table `Events` in the file `bindings/schema/subscription.fbs:62`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Events{
    
        /// The field `events` in the table `Events`
        pub events: ::planus::alloc::vec::Vec<self::Event>,
        /// The field `resume_token` in the table `Events`
        pub resume_token: ::planus::alloc::vec::Vec<u64>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Events {
    fn default() -> Self {
        Self {
        events: ::core::default::Default::default(),
        resume_token: ::core::default::Default::default(),
        
        }
    }
}


impl Events {
    /// Creates a [EventsBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> EventsBuilder<()> {
        EventsBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_events: impl ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::Event>]>>,
        field_resume_token: impl ::planus::WriteAs<::planus::Offset<[u64]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_events = field_events.prepare(builder);let prepared_resume_token = field_resume_token.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<[::planus::Offset<self::Event>]>>(0);table_writer.write_entry::<::planus::Offset<[u64]>>(1);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_events);object_writer.write::<_, _, 4>(&prepared_resume_token);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Events>> for Events {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Events> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Events>> for Events {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Events>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Events> for Events {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Events> {
        Events::create(
            builder,
        
            
            &self.events,
            
        
            
            &self.resume_token,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Events] type.
///
/// Can be created using the [Events::builder] method.
#[derive(Debug)]
#[must_use]
pub struct EventsBuilder<State>(State);

impl<
    
> EventsBuilder
<
    (
    
    )
>
{
    /// Setter for the [`events` field](Events#structfield.events).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn events<T0>(self, value: T0) -> EventsBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::Event>]>>
    {
        EventsBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> EventsBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`resume_token` field](Events#structfield.resume_token).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn resume_token<T1>(self, value: T1) -> EventsBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<[u64]>>
    {
        
        let (
            
                v0,
            
        ) = self.0;EventsBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
> EventsBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Events].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Events>
        where Self: ::planus::WriteAsOffset<Events>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::Event>]>>,
    
        T1: ::planus::WriteAs<::planus::Offset<[u64]>>,
    
> ::planus::WriteAs<::planus::Offset<Events>> for EventsBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<Events>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Events> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::Event>]>>,
    
        T1: ::planus::WriteAs<::planus::Offset<[u64]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<Events>> for EventsBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<Events>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Events>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::Event>]>>,
    
        T1: ::planus::WriteAs<::planus::Offset<[u64]>>,
    
> ::planus::WriteAsOffset<Events> for EventsBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Events> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;Events::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [Events].
#[derive(Copy, Clone)]
pub struct EventsRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> EventsRef<'a> {
    
        /// Getter for the [`events` field](Events#structfield.events).
        #[inline]
        pub fn events(&self) -> ::planus::Result<::planus::Vector<'a, ::planus::Result<self::EventRef<'a>>>> {
            
            
              
              self.0.access_required(0, "Events", "events")
              
            
            
            
        }
    
        /// Getter for the [`resume_token` field](Events#structfield.resume_token).
        #[inline]
        pub fn resume_token(&self) -> ::planus::Result<::planus::Vector<'a, u64>> {
            
            
              
              self.0.access_required(1, "Events", "resume_token")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for EventsRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("EventsRef");
        f.field("events", &self.events());f.field("resume_token", &self.resume_token());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<EventsRef<'a>> for Events {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: EventsRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            events: value.events()?.to_vec_result()?,resume_token: value.resume_token()?.to_vec()?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for EventsRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for EventsRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[EventsRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Events>> for Events {
    type Value = ::planus::Offset<Events>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Events>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for EventsRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[EventsRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  The server ends the subscription (`Compacted` when the subscriber fell past a history
///  horizon: list again, then subscribe after the listing's positions; `Unavailable` when the
///  node shuts down). A client that wants to stop just closes the stream.
/// 
/// Generated from these locations:
/// * Table `SubscriptionEnd` in the file `bindings/schema/subscription.fbs:70`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct SubscriptionEnd{
    
        /// The field `error` in the table `SubscriptionEnd`
        pub error: ::planus::alloc::boxed::Box<self::Error>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for SubscriptionEnd {
    fn default() -> Self {
        Self {
        error: ::core::default::Default::default(),
        
        }
    }
}


impl SubscriptionEnd {
    /// Creates a [SubscriptionEndBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> SubscriptionEndBuilder<()> {
        SubscriptionEndBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_error: impl ::planus::WriteAs<::planus::Offset<self::Error>>,
        
    ) -> ::planus::Offset<Self> {let prepared_error = field_error.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<self::Error>>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_error);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<SubscriptionEnd>> for SubscriptionEnd {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SubscriptionEnd> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<SubscriptionEnd>> for SubscriptionEnd {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SubscriptionEnd>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<SubscriptionEnd> for SubscriptionEnd {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SubscriptionEnd> {
        SubscriptionEnd::create(
            builder,
        
            
            &self.error,
            
        
        )
    }
}

/// Builder for serializing an instance of the [SubscriptionEnd] type.
///
/// Can be created using the [SubscriptionEnd::builder] method.
#[derive(Debug)]
#[must_use]
pub struct SubscriptionEndBuilder<State>(State);

impl<
    
> SubscriptionEndBuilder
<
    (
    
    )
>
{
    /// Setter for the [`error` field](SubscriptionEnd#structfield.error).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn error<T0>(self, value: T0) -> SubscriptionEndBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<self::Error>>
    {
        SubscriptionEndBuilder((
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
> SubscriptionEndBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [SubscriptionEnd].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<SubscriptionEnd>
        where Self: ::planus::WriteAsOffset<SubscriptionEnd>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::Error>>,
    
> ::planus::WriteAs<::planus::Offset<SubscriptionEnd>> for SubscriptionEndBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<SubscriptionEnd>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SubscriptionEnd> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::Error>>,
    
> ::planus::WriteAsOptional<::planus::Offset<SubscriptionEnd>> for SubscriptionEndBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<SubscriptionEnd>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SubscriptionEnd>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::Error>>,
    
> ::planus::WriteAsOffset<SubscriptionEnd> for SubscriptionEndBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SubscriptionEnd> {
        
        let (
            
                v0,
            
        ) = &self.0;SubscriptionEnd::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [SubscriptionEnd].
#[derive(Copy, Clone)]
pub struct SubscriptionEndRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> SubscriptionEndRef<'a> {
    
        /// Getter for the [`error` field](SubscriptionEnd#structfield.error).
        #[inline]
        pub fn error(&self) -> ::planus::Result<self::ErrorRef<'a>> {
            
            
              
              self.0.access_required(0, "SubscriptionEnd", "error")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for SubscriptionEndRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("SubscriptionEndRef");
        f.field("error", &self.error());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<SubscriptionEndRef<'a>> for SubscriptionEnd {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: SubscriptionEndRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            error: ::planus::alloc::boxed::Box::new(::core::convert::TryInto::try_into(value.error()?)?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for SubscriptionEndRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for SubscriptionEndRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[SubscriptionEndRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<SubscriptionEnd>> for SubscriptionEnd {
    type Value = ::planus::Offset<SubscriptionEnd>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<SubscriptionEnd>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for SubscriptionEndRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[SubscriptionEndRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  RESERVED. How an intent is delivered to the services its topic is routed to.
/// 
/// Generated from these locations:
/// * Enum `IntentDelivery` in the file `bindings/schema/reserved.fbs:10`
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]#[repr(u8)]pub enum IntentDelivery {
    
        ///  Live only, never redelivered.
        AtMostOnce = 0,
    
        ///  Acknowledged; redelivered until `max_attempts`, then sent to `dead_letter_topic`.
        AtLeastOnce = 1,
    
}

impl IntentDelivery {
    /// Array containing all valid variants of IntentDelivery
    pub const ENUM_VALUES: [Self; 2] = [Self::AtMostOnce,Self::AtLeastOnce,];
}

impl ::core::convert::TryFrom<u8> for IntentDelivery {
    type Error = ::planus::errors::UnknownEnumTagKind;
    #[inline]
    fn try_from(value: u8) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTagKind> {
        #[allow(clippy::match_single_binding)]
        match value {
            0 => ::core::result::Result::Ok(IntentDelivery::AtMostOnce),
            1 => ::core::result::Result::Ok(IntentDelivery::AtLeastOnce),
            

            _ => ::core::result::Result::Err(::planus::errors::UnknownEnumTagKind { tag: value as i128 }),
        }
    }
}

impl ::core::convert::From<IntentDelivery> for u8 {
    #[inline]
    fn from(value: IntentDelivery) -> Self {
        value as u8
    }
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for IntentDelivery {
    const ALIGNMENT: usize = 1;
    const SIZE: usize = 1;
}

impl ::planus::WriteAsPrimitive<IntentDelivery> for IntentDelivery {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        (*self as u8).write(cursor, buffer_position);
    }
}

impl ::planus::WriteAs<IntentDelivery> for IntentDelivery {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> IntentDelivery {
        *self
    }
}

impl ::planus::WriteAsDefault<IntentDelivery, IntentDelivery> for IntentDelivery {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder, default: &IntentDelivery) -> ::core::option::Option<IntentDelivery> {
        if self == default {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(*self)
        }
    }
}

impl ::planus::WriteAsOptional<IntentDelivery> for IntentDelivery {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<IntentDelivery> {
        ::core::option::Option::Some(*self)
    }
}

impl<'buf> ::planus::TableRead<'buf> for IntentDelivery {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'buf>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let n: u8 = ::planus::TableRead::from_buffer(buffer, offset)?;
        ::core::result::Result::Ok(::core::convert::TryInto::try_into(n)?)
    }
}

impl<'buf> ::planus::VectorReadInner<'buf> for IntentDelivery {
    type Error = ::planus::errors::UnknownEnumTag;
    const STRIDE: usize = 1;
    #[inline]
    unsafe fn from_buffer(
        buffer: ::planus::SliceWithStartOffset<'buf>,
        offset: usize,
    ) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTag> {let value = unsafe { *buffer.buffer.get_unchecked(offset) };let value: ::core::result::Result<Self, _> = ::core::convert::TryInto::try_into(value);
        value.map_err(|error_kind| error_kind.with_error_location(
            "IntentDelivery",
            "VectorRead::from_buffer",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<IntentDelivery> for IntentDelivery {
    const STRIDE: usize = 1;

    type Value = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Self],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 1];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - i as u32,
                
            );
        }
    }
}

    
///  RESERVED. An event-like message published to a topic; committed atomically with a batch when
///  sent inside one.
/// 
/// Generated from these locations:
/// * Table `Intent` in the file `bindings/schema/reserved.fbs:19`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Intent{
    
        /// The field `topic` in the table `Intent`
        pub topic: ::planus::alloc::string::String,
        ///  Delivered to one member of a worker group by this key (keyed delivery), when present.
        pub key: ::core::option::Option<::planus::alloc::string::String>,
        /// The field `delivery` in the table `Intent`
        pub delivery: self::IntentDelivery,
        /// The field `max_attempts` in the table `Intent`
        pub max_attempts: u32,
        /// The field `dead_letter_topic` in the table `Intent`
        pub dead_letter_topic: ::core::option::Option<::planus::alloc::string::String>,
        /// The field `data` in the table `Intent`
        pub data: ::core::option::Option<::planus::alloc::vec::Vec<u8>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Intent {
    fn default() -> Self {
        Self {
        topic: ::core::default::Default::default(),
        key: ::core::default::Default::default(),
        delivery: self::IntentDelivery::AtMostOnce,
        max_attempts: 0,
        dead_letter_topic: ::core::default::Default::default(),
        data: ::core::default::Default::default(),
        
        }
    }
}


impl Intent {
    /// Creates a [IntentBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> IntentBuilder<()> {
        IntentBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_topic: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_key: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        field_delivery: impl ::planus::WriteAsDefault<self::IntentDelivery, self::IntentDelivery>,
        field_max_attempts: impl ::planus::WriteAsDefault<u32, u32>,
        field_dead_letter_topic: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        field_data: impl ::planus::WriteAsOptional<::planus::Offset<[u8]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_topic = field_topic.prepare(builder);let prepared_key = field_key.prepare(builder);let prepared_delivery = field_delivery.prepare(builder, &self::IntentDelivery::AtMostOnce);let prepared_max_attempts = field_max_attempts.prepare(builder, &0);let prepared_dead_letter_topic = field_dead_letter_topic.prepare(builder);let prepared_data = field_data.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<16> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);if prepared_key.is_some() {table_writer.write_entry::<::planus::Offset<str>>(1);}if prepared_max_attempts.is_some() {table_writer.write_entry::<u32>(3);}if prepared_dead_letter_topic.is_some() {table_writer.write_entry::<::planus::Offset<str>>(4);}if prepared_data.is_some() {table_writer.write_entry::<::planus::Offset<[u8]>>(5);}if prepared_delivery.is_some() {table_writer.write_entry::<self::IntentDelivery>(2);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_topic);if let ::core::option::Option::Some(prepared_key) = prepared_key {object_writer.write::<_, _, 4>(&prepared_key);}if let ::core::option::Option::Some(prepared_max_attempts) = prepared_max_attempts {object_writer.write::<_, _, 4>(&prepared_max_attempts);}if let ::core::option::Option::Some(prepared_dead_letter_topic) = prepared_dead_letter_topic {object_writer.write::<_, _, 4>(&prepared_dead_letter_topic);}if let ::core::option::Option::Some(prepared_data) = prepared_data {object_writer.write::<_, _, 4>(&prepared_data);}if let ::core::option::Option::Some(prepared_delivery) = prepared_delivery {object_writer.write::<_, _, 1>(&prepared_delivery);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Intent>> for Intent {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Intent> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Intent>> for Intent {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Intent>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Intent> for Intent {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Intent> {
        Intent::create(
            builder,
        
            
            &self.topic,
            
        
            
            &self.key,
            
        
            
            self.delivery,
            
        
            
            self.max_attempts,
            
        
            
            &self.dead_letter_topic,
            
        
            
            &self.data,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Intent] type.
///
/// Can be created using the [Intent::builder] method.
#[derive(Debug)]
#[must_use]
pub struct IntentBuilder<State>(State);

impl<
    
> IntentBuilder
<
    (
    
    )
>
{
    /// Setter for the [`topic` field](Intent#structfield.topic).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn topic<T0>(self, value: T0) -> IntentBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        IntentBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> IntentBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`key` field](Intent#structfield.key).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn key<T1>(self, value: T1) -> IntentBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;IntentBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
    /// Sets the [`key` field](Intent#structfield.key) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn key_as_null(self) -> IntentBuilder<(
        
            T0,
        
        (),
    )>
    {
        self.key(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
> IntentBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`delivery` field](Intent#structfield.delivery).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn delivery<T2>(self, value: T2) -> IntentBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsDefault<self::IntentDelivery, self::IntentDelivery>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;IntentBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    
    /// Sets the [`delivery` field](Intent#structfield.delivery) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn delivery_as_default(self) -> IntentBuilder<(
        
            T0,
        
            T1,
        
        ::planus::DefaultValue,
    )>
    {
        self.delivery(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> IntentBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`max_attempts` field](Intent#structfield.max_attempts).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn max_attempts<T3>(self, value: T3) -> IntentBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAsDefault<u32, u32>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;IntentBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    
    /// Sets the [`max_attempts` field](Intent#structfield.max_attempts) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn max_attempts_as_default(self) -> IntentBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
        ::planus::DefaultValue,
    )>
    {
        self.max_attempts(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> IntentBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )
>
{
    /// Setter for the [`dead_letter_topic` field](Intent#structfield.dead_letter_topic).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn dead_letter_topic<T4>(self, value: T4) -> IntentBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )>
    where T4: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = self.0;IntentBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
            value,
        ))
    }

    

    
    /// Sets the [`dead_letter_topic` field](Intent#structfield.dead_letter_topic) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn dead_letter_topic_as_null(self) -> IntentBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
        (),
    )>
    {
        self.dead_letter_topic(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
> IntentBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )
>
{
    /// Setter for the [`data` field](Intent#structfield.data).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn data<T5>(self, value: T5) -> IntentBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
    )>
    where T5: ::planus::WriteAsOptional<::planus::Offset<[u8]>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        ) = self.0;IntentBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
            value,
        ))
    }

    

    
    /// Sets the [`data` field](Intent#structfield.data) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn data_as_null(self) -> IntentBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
        (),
    )>
    {
        self.data(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
> IntentBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Intent].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Intent>
        where Self: ::planus::WriteAsOffset<Intent>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T2: ::planus::WriteAsDefault<self::IntentDelivery, self::IntentDelivery>,
    
        T3: ::planus::WriteAsDefault<u32, u32>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T5: ::planus::WriteAsOptional<::planus::Offset<[u8]>>,
    
> ::planus::WriteAs<::planus::Offset<Intent>> for IntentBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
)> {
    type Prepared = ::planus::Offset<Intent>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Intent> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T2: ::planus::WriteAsDefault<self::IntentDelivery, self::IntentDelivery>,
    
        T3: ::planus::WriteAsDefault<u32, u32>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T5: ::planus::WriteAsOptional<::planus::Offset<[u8]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<Intent>> for IntentBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
)> {
    type Prepared = ::planus::Offset<Intent>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Intent>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T2: ::planus::WriteAsDefault<self::IntentDelivery, self::IntentDelivery>,
    
        T3: ::planus::WriteAsDefault<u32, u32>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T5: ::planus::WriteAsOptional<::planus::Offset<[u8]>>,
    
> ::planus::WriteAsOffset<Intent> for IntentBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Intent> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
        ) = &self.0;Intent::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
        )
    }
}

/// Reference to a deserialized [Intent].
#[derive(Copy, Clone)]
pub struct IntentRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> IntentRef<'a> {
    
        /// Getter for the [`topic` field](Intent#structfield.topic).
        #[inline]
        pub fn topic(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "Intent", "topic")
              
            
            
            
        }
    
        /// Getter for the [`key` field](Intent#structfield.key).
        #[inline]
        pub fn key(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(1, "Intent", "key")
              
            
            
            
        }
    
        /// Getter for the [`delivery` field](Intent#structfield.delivery).
        #[inline]
        pub fn delivery(&self) -> ::planus::Result<self::IntentDelivery> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(2, "Intent", "delivery")
              
            
            ?.unwrap_or(self::IntentDelivery::AtMostOnce))
            
        }
    
        /// Getter for the [`max_attempts` field](Intent#structfield.max_attempts).
        #[inline]
        pub fn max_attempts(&self) -> ::planus::Result<u32> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(3, "Intent", "max_attempts")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`dead_letter_topic` field](Intent#structfield.dead_letter_topic).
        #[inline]
        pub fn dead_letter_topic(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(4, "Intent", "dead_letter_topic")
              
            
            
            
        }
    
        /// Getter for the [`data` field](Intent#structfield.data).
        #[inline]
        pub fn data(&self) -> ::planus::Result<::core::option::Option<&'a [u8]>> {
            
            
              
              self.0.access(5, "Intent", "data")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for IntentRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("IntentRef");
        f.field("topic", &self.topic());if let ::core::option::Option::Some(field_key) = self.key().transpose() {
                f.field("key", &field_key);
            }f.field("delivery", &self.delivery());f.field("max_attempts", &self.max_attempts());if let ::core::option::Option::Some(field_dead_letter_topic) = self.dead_letter_topic().transpose() {
                f.field("dead_letter_topic", &field_dead_letter_topic);
            }if let ::core::option::Option::Some(field_data) = self.data().transpose() {
                f.field("data", &field_data);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<IntentRef<'a>> for Intent {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: IntentRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            topic: ::core::convert::Into::into(value.topic()?),key: 
                                value.key()?.map(::core::convert::Into::into)
                            ,delivery: ::core::convert::TryInto::try_into(value.delivery()?)?,max_attempts: ::core::convert::TryInto::try_into(value.max_attempts()?)?,dead_letter_topic: 
                                value.dead_letter_topic()?.map(::core::convert::Into::into)
                            ,data: value.data()?.map(|v| v.to_vec()),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for IntentRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for IntentRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[IntentRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Intent>> for Intent {
    type Value = ::planus::Offset<Intent>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Intent>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for IntentRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[IntentRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  RESERVED. Publish intents.
/// 
/// Generated from these locations:
/// * Table `PublishIntents` in the file `bindings/schema/reserved.fbs:30`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct PublishIntents{
    
        /// The field `intents` in the table `PublishIntents`
        pub intents: ::planus::alloc::vec::Vec<self::Intent>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for PublishIntents {
    fn default() -> Self {
        Self {
        intents: ::core::default::Default::default(),
        
        }
    }
}


impl PublishIntents {
    /// Creates a [PublishIntentsBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> PublishIntentsBuilder<()> {
        PublishIntentsBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_intents: impl ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::Intent>]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_intents = field_intents.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<[::planus::Offset<self::Intent>]>>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_intents);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<PublishIntents>> for PublishIntents {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PublishIntents> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<PublishIntents>> for PublishIntents {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<PublishIntents>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<PublishIntents> for PublishIntents {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PublishIntents> {
        PublishIntents::create(
            builder,
        
            
            &self.intents,
            
        
        )
    }
}

/// Builder for serializing an instance of the [PublishIntents] type.
///
/// Can be created using the [PublishIntents::builder] method.
#[derive(Debug)]
#[must_use]
pub struct PublishIntentsBuilder<State>(State);

impl<
    
> PublishIntentsBuilder
<
    (
    
    )
>
{
    /// Setter for the [`intents` field](PublishIntents#structfield.intents).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn intents<T0>(self, value: T0) -> PublishIntentsBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::Intent>]>>
    {
        PublishIntentsBuilder((
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
> PublishIntentsBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [PublishIntents].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<PublishIntents>
        where Self: ::planus::WriteAsOffset<PublishIntents>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::Intent>]>>,
    
> ::planus::WriteAs<::planus::Offset<PublishIntents>> for PublishIntentsBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<PublishIntents>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PublishIntents> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::Intent>]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<PublishIntents>> for PublishIntentsBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<PublishIntents>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<PublishIntents>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<[::planus::Offset<self::Intent>]>>,
    
> ::planus::WriteAsOffset<PublishIntents> for PublishIntentsBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PublishIntents> {
        
        let (
            
                v0,
            
        ) = &self.0;PublishIntents::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [PublishIntents].
#[derive(Copy, Clone)]
pub struct PublishIntentsRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> PublishIntentsRef<'a> {
    
        /// Getter for the [`intents` field](PublishIntents#structfield.intents).
        #[inline]
        pub fn intents(&self) -> ::planus::Result<::planus::Vector<'a, ::planus::Result<self::IntentRef<'a>>>> {
            
            
              
              self.0.access_required(0, "PublishIntents", "intents")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for PublishIntentsRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("PublishIntentsRef");
        f.field("intents", &self.intents());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<PublishIntentsRef<'a>> for PublishIntents {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: PublishIntentsRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            intents: value.intents()?.to_vec_result()?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for PublishIntentsRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for PublishIntentsRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[PublishIntentsRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<PublishIntents>> for PublishIntents {
    type Value = ::planus::Offset<PublishIntents>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<PublishIntents>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for PublishIntentsRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[PublishIntentsRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  RESERVED. An intent as delivered to a service.
/// 
/// Generated from these locations:
/// * Table `IntentDeliveryMessage` in the file `bindings/schema/reserved.fbs:35`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct IntentDeliveryMessage{
    
        /// The field `delivery_id` in the table `IntentDeliveryMessage`
        pub delivery_id: u64,
        /// The field `attempt` in the table `IntentDeliveryMessage`
        pub attempt: u32,
        /// The field `intent` in the table `IntentDeliveryMessage`
        pub intent: ::planus::alloc::boxed::Box<self::Intent>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for IntentDeliveryMessage {
    fn default() -> Self {
        Self {
        delivery_id: 0,
        attempt: 0,
        intent: ::core::default::Default::default(),
        
        }
    }
}


impl IntentDeliveryMessage {
    /// Creates a [IntentDeliveryMessageBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> IntentDeliveryMessageBuilder<()> {
        IntentDeliveryMessageBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_delivery_id: impl ::planus::WriteAsDefault<u64, u64>,
        field_attempt: impl ::planus::WriteAsDefault<u32, u32>,
        field_intent: impl ::planus::WriteAs<::planus::Offset<self::Intent>>,
        
    ) -> ::planus::Offset<Self> {let prepared_delivery_id = field_delivery_id.prepare(builder, &0);let prepared_attempt = field_attempt.prepare(builder, &0);let prepared_intent = field_intent.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        if prepared_delivery_id.is_some() {table_writer.write_entry::<u64>(0);}if prepared_attempt.is_some() {table_writer.write_entry::<u32>(1);}table_writer.write_entry::<::planus::Offset<self::Intent>>(2);

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_delivery_id) = prepared_delivery_id {object_writer.write::<_, _, 8>(&prepared_delivery_id);}if let ::core::option::Option::Some(prepared_attempt) = prepared_attempt {object_writer.write::<_, _, 4>(&prepared_attempt);}object_writer.write::<_, _, 4>(&prepared_intent);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<IntentDeliveryMessage>> for IntentDeliveryMessage {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<IntentDeliveryMessage> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<IntentDeliveryMessage>> for IntentDeliveryMessage {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<IntentDeliveryMessage>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<IntentDeliveryMessage> for IntentDeliveryMessage {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<IntentDeliveryMessage> {
        IntentDeliveryMessage::create(
            builder,
        
            
            self.delivery_id,
            
        
            
            self.attempt,
            
        
            
            &self.intent,
            
        
        )
    }
}

/// Builder for serializing an instance of the [IntentDeliveryMessage] type.
///
/// Can be created using the [IntentDeliveryMessage::builder] method.
#[derive(Debug)]
#[must_use]
pub struct IntentDeliveryMessageBuilder<State>(State);

impl<
    
> IntentDeliveryMessageBuilder
<
    (
    
    )
>
{
    /// Setter for the [`delivery_id` field](IntentDeliveryMessage#structfield.delivery_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn delivery_id<T0>(self, value: T0) -> IntentDeliveryMessageBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u64, u64>
    {
        IntentDeliveryMessageBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`delivery_id` field](IntentDeliveryMessage#structfield.delivery_id) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn delivery_id_as_default(self) -> IntentDeliveryMessageBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.delivery_id(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> IntentDeliveryMessageBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`attempt` field](IntentDeliveryMessage#structfield.attempt).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn attempt<T1>(self, value: T1) -> IntentDeliveryMessageBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsDefault<u32, u32>
    {
        
        let (
            
                v0,
            
        ) = self.0;IntentDeliveryMessageBuilder((
            
                v0,
            
            value,
        ))
    }

    
    /// Sets the [`attempt` field](IntentDeliveryMessage#structfield.attempt) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn attempt_as_default(self) -> IntentDeliveryMessageBuilder<(
        
            T0,
        
        ::planus::DefaultValue,
    )>
    {
        self.attempt(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
> IntentDeliveryMessageBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`intent` field](IntentDeliveryMessage#structfield.intent).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn intent<T2>(self, value: T2) -> IntentDeliveryMessageBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAs<::planus::Offset<self::Intent>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;IntentDeliveryMessageBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
> IntentDeliveryMessageBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [IntentDeliveryMessage].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<IntentDeliveryMessage>
        where Self: ::planus::WriteAsOffset<IntentDeliveryMessage>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsDefault<u32, u32>,
    
        T2: ::planus::WriteAs<::planus::Offset<self::Intent>>,
    
> ::planus::WriteAs<::planus::Offset<IntentDeliveryMessage>> for IntentDeliveryMessageBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<IntentDeliveryMessage>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<IntentDeliveryMessage> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsDefault<u32, u32>,
    
        T2: ::planus::WriteAs<::planus::Offset<self::Intent>>,
    
> ::planus::WriteAsOptional<::planus::Offset<IntentDeliveryMessage>> for IntentDeliveryMessageBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<IntentDeliveryMessage>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<IntentDeliveryMessage>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsDefault<u32, u32>,
    
        T2: ::planus::WriteAs<::planus::Offset<self::Intent>>,
    
> ::planus::WriteAsOffset<IntentDeliveryMessage> for IntentDeliveryMessageBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<IntentDeliveryMessage> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = &self.0;IntentDeliveryMessage::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
        )
    }
}

/// Reference to a deserialized [IntentDeliveryMessage].
#[derive(Copy, Clone)]
pub struct IntentDeliveryMessageRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> IntentDeliveryMessageRef<'a> {
    
        /// Getter for the [`delivery_id` field](IntentDeliveryMessage#structfield.delivery_id).
        #[inline]
        pub fn delivery_id(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "IntentDeliveryMessage", "delivery_id")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`attempt` field](IntentDeliveryMessage#structfield.attempt).
        #[inline]
        pub fn attempt(&self) -> ::planus::Result<u32> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(1, "IntentDeliveryMessage", "attempt")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`intent` field](IntentDeliveryMessage#structfield.intent).
        #[inline]
        pub fn intent(&self) -> ::planus::Result<self::IntentRef<'a>> {
            
            
              
              self.0.access_required(2, "IntentDeliveryMessage", "intent")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for IntentDeliveryMessageRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("IntentDeliveryMessageRef");
        f.field("delivery_id", &self.delivery_id());f.field("attempt", &self.attempt());f.field("intent", &self.intent());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<IntentDeliveryMessageRef<'a>> for IntentDeliveryMessage {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: IntentDeliveryMessageRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            delivery_id: ::core::convert::TryInto::try_into(value.delivery_id()?)?,attempt: ::core::convert::TryInto::try_into(value.attempt()?)?,intent: ::planus::alloc::boxed::Box::new(::core::convert::TryInto::try_into(value.intent()?)?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for IntentDeliveryMessageRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for IntentDeliveryMessageRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[IntentDeliveryMessageRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<IntentDeliveryMessage>> for IntentDeliveryMessage {
    type Value = ::planus::Offset<IntentDeliveryMessage>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<IntentDeliveryMessage>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for IntentDeliveryMessageRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[IntentDeliveryMessageRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  RESERVED. The receiver handled (`ok`) or gave up on a delivered intent.
/// 
/// Generated from these locations:
/// * Table `IntentAck` in the file `bindings/schema/reserved.fbs:42`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct IntentAck{
    
        /// The field `delivery_id` in the table `IntentAck`
        pub delivery_id: u64,
        /// The field `ok` in the table `IntentAck`
        pub ok: bool,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for IntentAck {
    fn default() -> Self {
        Self {
        delivery_id: 0,
        ok: false,
        
        }
    }
}


impl IntentAck {
    /// Creates a [IntentAckBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> IntentAckBuilder<()> {
        IntentAckBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_delivery_id: impl ::planus::WriteAsDefault<u64, u64>,
        field_ok: impl ::planus::WriteAsDefault<bool, bool>,
        
    ) -> ::planus::Offset<Self> {let prepared_delivery_id = field_delivery_id.prepare(builder, &0);let prepared_ok = field_ok.prepare(builder, &false);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        if prepared_delivery_id.is_some() {table_writer.write_entry::<u64>(0);}if prepared_ok.is_some() {table_writer.write_entry::<bool>(1);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_delivery_id) = prepared_delivery_id {object_writer.write::<_, _, 8>(&prepared_delivery_id);}if let ::core::option::Option::Some(prepared_ok) = prepared_ok {object_writer.write::<_, _, 1>(&prepared_ok);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<IntentAck>> for IntentAck {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<IntentAck> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<IntentAck>> for IntentAck {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<IntentAck>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<IntentAck> for IntentAck {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<IntentAck> {
        IntentAck::create(
            builder,
        
            
            self.delivery_id,
            
        
            
            self.ok,
            
        
        )
    }
}

/// Builder for serializing an instance of the [IntentAck] type.
///
/// Can be created using the [IntentAck::builder] method.
#[derive(Debug)]
#[must_use]
pub struct IntentAckBuilder<State>(State);

impl<
    
> IntentAckBuilder
<
    (
    
    )
>
{
    /// Setter for the [`delivery_id` field](IntentAck#structfield.delivery_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn delivery_id<T0>(self, value: T0) -> IntentAckBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u64, u64>
    {
        IntentAckBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`delivery_id` field](IntentAck#structfield.delivery_id) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn delivery_id_as_default(self) -> IntentAckBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.delivery_id(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> IntentAckBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`ok` field](IntentAck#structfield.ok).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn ok<T1>(self, value: T1) -> IntentAckBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsDefault<bool, bool>
    {
        
        let (
            
                v0,
            
        ) = self.0;IntentAckBuilder((
            
                v0,
            
            value,
        ))
    }

    
    /// Sets the [`ok` field](IntentAck#structfield.ok) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn ok_as_default(self) -> IntentAckBuilder<(
        
            T0,
        
        ::planus::DefaultValue,
    )>
    {
        self.ok(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
        T1,
    
> IntentAckBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [IntentAck].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<IntentAck>
        where Self: ::planus::WriteAsOffset<IntentAck>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsDefault<bool, bool>,
    
> ::planus::WriteAs<::planus::Offset<IntentAck>> for IntentAckBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<IntentAck>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<IntentAck> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsDefault<bool, bool>,
    
> ::planus::WriteAsOptional<::planus::Offset<IntentAck>> for IntentAckBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<IntentAck>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<IntentAck>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsDefault<bool, bool>,
    
> ::planus::WriteAsOffset<IntentAck> for IntentAckBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<IntentAck> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;IntentAck::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [IntentAck].
#[derive(Copy, Clone)]
pub struct IntentAckRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> IntentAckRef<'a> {
    
        /// Getter for the [`delivery_id` field](IntentAck#structfield.delivery_id).
        #[inline]
        pub fn delivery_id(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "IntentAck", "delivery_id")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`ok` field](IntentAck#structfield.ok).
        #[inline]
        pub fn ok(&self) -> ::planus::Result<bool> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(1, "IntentAck", "ok")
              
            
            ?.unwrap_or(false))
            
        }
    
}

impl<'a> ::core::fmt::Debug for IntentAckRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("IntentAckRef");
        f.field("delivery_id", &self.delivery_id());f.field("ok", &self.ok());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<IntentAckRef<'a>> for IntentAck {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: IntentAckRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            delivery_id: ::core::convert::TryInto::try_into(value.delivery_id()?)?,ok: ::core::convert::TryInto::try_into(value.ok()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for IntentAckRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for IntentAckRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[IntentAckRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<IntentAck>> for IntentAck {
    type Value = ::planus::Offset<IntentAck>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<IntentAck>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for IntentAckRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[IntentAckRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  RESERVED. What the orchestrator asks of an executor on a node.
/// 
/// Generated from these locations:
/// * Enum `NodeCommandKind` in the file `bindings/schema/reserved.fbs:48`
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]#[repr(u8)]pub enum NodeCommandKind {
    
        /// The variant `StartTask` in the enum `NodeCommandKind`
        StartTask = 0,
    
        /// The variant `StopTask` in the enum `NodeCommandKind`
        StopTask = 1,
    
}

impl NodeCommandKind {
    /// Array containing all valid variants of NodeCommandKind
    pub const ENUM_VALUES: [Self; 2] = [Self::StartTask,Self::StopTask,];
}

impl ::core::convert::TryFrom<u8> for NodeCommandKind {
    type Error = ::planus::errors::UnknownEnumTagKind;
    #[inline]
    fn try_from(value: u8) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTagKind> {
        #[allow(clippy::match_single_binding)]
        match value {
            0 => ::core::result::Result::Ok(NodeCommandKind::StartTask),
            1 => ::core::result::Result::Ok(NodeCommandKind::StopTask),
            

            _ => ::core::result::Result::Err(::planus::errors::UnknownEnumTagKind { tag: value as i128 }),
        }
    }
}

impl ::core::convert::From<NodeCommandKind> for u8 {
    #[inline]
    fn from(value: NodeCommandKind) -> Self {
        value as u8
    }
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for NodeCommandKind {
    const ALIGNMENT: usize = 1;
    const SIZE: usize = 1;
}

impl ::planus::WriteAsPrimitive<NodeCommandKind> for NodeCommandKind {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        (*self as u8).write(cursor, buffer_position);
    }
}

impl ::planus::WriteAs<NodeCommandKind> for NodeCommandKind {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> NodeCommandKind {
        *self
    }
}

impl ::planus::WriteAsDefault<NodeCommandKind, NodeCommandKind> for NodeCommandKind {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder, default: &NodeCommandKind) -> ::core::option::Option<NodeCommandKind> {
        if self == default {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(*self)
        }
    }
}

impl ::planus::WriteAsOptional<NodeCommandKind> for NodeCommandKind {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<NodeCommandKind> {
        ::core::option::Option::Some(*self)
    }
}

impl<'buf> ::planus::TableRead<'buf> for NodeCommandKind {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'buf>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let n: u8 = ::planus::TableRead::from_buffer(buffer, offset)?;
        ::core::result::Result::Ok(::core::convert::TryInto::try_into(n)?)
    }
}

impl<'buf> ::planus::VectorReadInner<'buf> for NodeCommandKind {
    type Error = ::planus::errors::UnknownEnumTag;
    const STRIDE: usize = 1;
    #[inline]
    unsafe fn from_buffer(
        buffer: ::planus::SliceWithStartOffset<'buf>,
        offset: usize,
    ) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTag> {let value = unsafe { *buffer.buffer.get_unchecked(offset) };let value: ::core::result::Result<Self, _> = ::core::convert::TryInto::try_into(value);
        value.map_err(|error_kind| error_kind.with_error_location(
            "NodeCommandKind",
            "VectorRead::from_buffer",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<NodeCommandKind> for NodeCommandKind {
    const STRIDE: usize = 1;

    type Value = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Self],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 1];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - i as u32,
                
            );
        }
    }
}

    
///  RESERVED. Orchestrator → executor on a node: start or stop a task.
/// 
/// Generated from these locations:
/// * Table `NodeCommand` in the file `bindings/schema/reserved.fbs:54`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct NodeCommand{
    
        /// The field `command_id` in the table `NodeCommand`
        pub command_id: u64,
        /// The field `node` in the table `NodeCommand`
        pub node: ::planus::alloc::string::String,
        /// The field `kind` in the table `NodeCommand`
        pub kind: self::NodeCommandKind,
        ///  The key of the assignment resource the command carries out.
        pub task_namespace: ::planus::alloc::string::String,
        /// The field `task_name` in the table `NodeCommand`
        pub task_name: ::planus::alloc::string::String,
        /// The field `spec` in the table `NodeCommand`
        pub spec: ::core::option::Option<::planus::alloc::vec::Vec<u8>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for NodeCommand {
    fn default() -> Self {
        Self {
        command_id: 0,
        node: ::core::default::Default::default(),
        kind: self::NodeCommandKind::StartTask,
        task_namespace: ::core::default::Default::default(),
        task_name: ::core::default::Default::default(),
        spec: ::core::default::Default::default(),
        
        }
    }
}


impl NodeCommand {
    /// Creates a [NodeCommandBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> NodeCommandBuilder<()> {
        NodeCommandBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_command_id: impl ::planus::WriteAsDefault<u64, u64>,
        field_node: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_kind: impl ::planus::WriteAsDefault<self::NodeCommandKind, self::NodeCommandKind>,
        field_task_namespace: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_task_name: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_spec: impl ::planus::WriteAsOptional<::planus::Offset<[u8]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_command_id = field_command_id.prepare(builder, &0);let prepared_node = field_node.prepare(builder);let prepared_kind = field_kind.prepare(builder, &self::NodeCommandKind::StartTask);let prepared_task_namespace = field_task_namespace.prepare(builder);let prepared_task_name = field_task_name.prepare(builder);let prepared_spec = field_spec.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<16> = ::core::default::Default::default();
        if prepared_command_id.is_some() {table_writer.write_entry::<u64>(0);}table_writer.write_entry::<::planus::Offset<str>>(1);table_writer.write_entry::<::planus::Offset<str>>(3);table_writer.write_entry::<::planus::Offset<str>>(4);if prepared_spec.is_some() {table_writer.write_entry::<::planus::Offset<[u8]>>(5);}if prepared_kind.is_some() {table_writer.write_entry::<self::NodeCommandKind>(2);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_command_id) = prepared_command_id {object_writer.write::<_, _, 8>(&prepared_command_id);}object_writer.write::<_, _, 4>(&prepared_node);object_writer.write::<_, _, 4>(&prepared_task_namespace);object_writer.write::<_, _, 4>(&prepared_task_name);if let ::core::option::Option::Some(prepared_spec) = prepared_spec {object_writer.write::<_, _, 4>(&prepared_spec);}if let ::core::option::Option::Some(prepared_kind) = prepared_kind {object_writer.write::<_, _, 1>(&prepared_kind);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<NodeCommand>> for NodeCommand {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<NodeCommand> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<NodeCommand>> for NodeCommand {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<NodeCommand>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<NodeCommand> for NodeCommand {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<NodeCommand> {
        NodeCommand::create(
            builder,
        
            
            self.command_id,
            
        
            
            &self.node,
            
        
            
            self.kind,
            
        
            
            &self.task_namespace,
            
        
            
            &self.task_name,
            
        
            
            &self.spec,
            
        
        )
    }
}

/// Builder for serializing an instance of the [NodeCommand] type.
///
/// Can be created using the [NodeCommand::builder] method.
#[derive(Debug)]
#[must_use]
pub struct NodeCommandBuilder<State>(State);

impl<
    
> NodeCommandBuilder
<
    (
    
    )
>
{
    /// Setter for the [`command_id` field](NodeCommand#structfield.command_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn command_id<T0>(self, value: T0) -> NodeCommandBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u64, u64>
    {
        NodeCommandBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`command_id` field](NodeCommand#structfield.command_id) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn command_id_as_default(self) -> NodeCommandBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.command_id(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> NodeCommandBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`node` field](NodeCommand#structfield.node).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn node<T1>(self, value: T1) -> NodeCommandBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;NodeCommandBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
> NodeCommandBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`kind` field](NodeCommand#structfield.kind).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn kind<T2>(self, value: T2) -> NodeCommandBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsDefault<self::NodeCommandKind, self::NodeCommandKind>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;NodeCommandBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    
    /// Sets the [`kind` field](NodeCommand#structfield.kind) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn kind_as_default(self) -> NodeCommandBuilder<(
        
            T0,
        
            T1,
        
        ::planus::DefaultValue,
    )>
    {
        self.kind(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> NodeCommandBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`task_namespace` field](NodeCommand#structfield.task_namespace).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn task_namespace<T3>(self, value: T3) -> NodeCommandBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;NodeCommandBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> NodeCommandBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )
>
{
    /// Setter for the [`task_name` field](NodeCommand#structfield.task_name).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn task_name<T4>(self, value: T4) -> NodeCommandBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )>
    where T4: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = self.0;NodeCommandBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
> NodeCommandBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )
>
{
    /// Setter for the [`spec` field](NodeCommand#structfield.spec).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn spec<T5>(self, value: T5) -> NodeCommandBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
    )>
    where T5: ::planus::WriteAsOptional<::planus::Offset<[u8]>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        ) = self.0;NodeCommandBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
            value,
        ))
    }

    

    
    /// Sets the [`spec` field](NodeCommand#structfield.spec) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn spec_as_null(self) -> NodeCommandBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
        (),
    )>
    {
        self.spec(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
> NodeCommandBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [NodeCommand].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<NodeCommand>
        where Self: ::planus::WriteAsOffset<NodeCommand>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsDefault<self::NodeCommandKind, self::NodeCommandKind>,
    
        T3: ::planus::WriteAs<::planus::Offset<str>>,
    
        T4: ::planus::WriteAs<::planus::Offset<str>>,
    
        T5: ::planus::WriteAsOptional<::planus::Offset<[u8]>>,
    
> ::planus::WriteAs<::planus::Offset<NodeCommand>> for NodeCommandBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
)> {
    type Prepared = ::planus::Offset<NodeCommand>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<NodeCommand> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsDefault<self::NodeCommandKind, self::NodeCommandKind>,
    
        T3: ::planus::WriteAs<::planus::Offset<str>>,
    
        T4: ::planus::WriteAs<::planus::Offset<str>>,
    
        T5: ::planus::WriteAsOptional<::planus::Offset<[u8]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<NodeCommand>> for NodeCommandBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
)> {
    type Prepared = ::planus::Offset<NodeCommand>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<NodeCommand>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsDefault<self::NodeCommandKind, self::NodeCommandKind>,
    
        T3: ::planus::WriteAs<::planus::Offset<str>>,
    
        T4: ::planus::WriteAs<::planus::Offset<str>>,
    
        T5: ::planus::WriteAsOptional<::planus::Offset<[u8]>>,
    
> ::planus::WriteAsOffset<NodeCommand> for NodeCommandBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<NodeCommand> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
        ) = &self.0;NodeCommand::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
        )
    }
}

/// Reference to a deserialized [NodeCommand].
#[derive(Copy, Clone)]
pub struct NodeCommandRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> NodeCommandRef<'a> {
    
        /// Getter for the [`command_id` field](NodeCommand#structfield.command_id).
        #[inline]
        pub fn command_id(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "NodeCommand", "command_id")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`node` field](NodeCommand#structfield.node).
        #[inline]
        pub fn node(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(1, "NodeCommand", "node")
              
            
            
            
        }
    
        /// Getter for the [`kind` field](NodeCommand#structfield.kind).
        #[inline]
        pub fn kind(&self) -> ::planus::Result<self::NodeCommandKind> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(2, "NodeCommand", "kind")
              
            
            ?.unwrap_or(self::NodeCommandKind::StartTask))
            
        }
    
        /// Getter for the [`task_namespace` field](NodeCommand#structfield.task_namespace).
        #[inline]
        pub fn task_namespace(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(3, "NodeCommand", "task_namespace")
              
            
            
            
        }
    
        /// Getter for the [`task_name` field](NodeCommand#structfield.task_name).
        #[inline]
        pub fn task_name(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(4, "NodeCommand", "task_name")
              
            
            
            
        }
    
        /// Getter for the [`spec` field](NodeCommand#structfield.spec).
        #[inline]
        pub fn spec(&self) -> ::planus::Result<::core::option::Option<&'a [u8]>> {
            
            
              
              self.0.access(5, "NodeCommand", "spec")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for NodeCommandRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("NodeCommandRef");
        f.field("command_id", &self.command_id());f.field("node", &self.node());f.field("kind", &self.kind());f.field("task_namespace", &self.task_namespace());f.field("task_name", &self.task_name());if let ::core::option::Option::Some(field_spec) = self.spec().transpose() {
                f.field("spec", &field_spec);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<NodeCommandRef<'a>> for NodeCommand {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: NodeCommandRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            command_id: ::core::convert::TryInto::try_into(value.command_id()?)?,node: ::core::convert::Into::into(value.node()?),kind: ::core::convert::TryInto::try_into(value.kind()?)?,task_namespace: ::core::convert::Into::into(value.task_namespace()?),task_name: ::core::convert::Into::into(value.task_name()?),spec: value.spec()?.map(|v| v.to_vec()),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for NodeCommandRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for NodeCommandRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[NodeCommandRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<NodeCommand>> for NodeCommand {
    type Value = ::planus::Offset<NodeCommand>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<NodeCommand>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for NodeCommandRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[NodeCommandRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  RESERVED. Executor → orchestrator: the observed state of a task.
/// 
/// Generated from these locations:
/// * Table `NodeCommandReport` in the file `bindings/schema/reserved.fbs:65`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct NodeCommandReport{
    
        /// The field `command_id` in the table `NodeCommandReport`
        pub command_id: u64,
        /// The field `node` in the table `NodeCommandReport`
        pub node: ::planus::alloc::string::String,
        /// The field `observed` in the table `NodeCommandReport`
        pub observed: ::core::option::Option<::planus::alloc::boxed::Box<self::ResourceSpec>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for NodeCommandReport {
    fn default() -> Self {
        Self {
        command_id: 0,
        node: ::core::default::Default::default(),
        observed: ::core::default::Default::default(),
        
        }
    }
}


impl NodeCommandReport {
    /// Creates a [NodeCommandReportBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> NodeCommandReportBuilder<()> {
        NodeCommandReportBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_command_id: impl ::planus::WriteAsDefault<u64, u64>,
        field_node: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_observed: impl ::planus::WriteAsOptional<::planus::Offset<self::ResourceSpec>>,
        
    ) -> ::planus::Offset<Self> {let prepared_command_id = field_command_id.prepare(builder, &0);let prepared_node = field_node.prepare(builder);let prepared_observed = field_observed.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        if prepared_command_id.is_some() {table_writer.write_entry::<u64>(0);}table_writer.write_entry::<::planus::Offset<str>>(1);if prepared_observed.is_some() {table_writer.write_entry::<::planus::Offset<self::ResourceSpec>>(2);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_command_id) = prepared_command_id {object_writer.write::<_, _, 8>(&prepared_command_id);}object_writer.write::<_, _, 4>(&prepared_node);if let ::core::option::Option::Some(prepared_observed) = prepared_observed {object_writer.write::<_, _, 4>(&prepared_observed);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<NodeCommandReport>> for NodeCommandReport {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<NodeCommandReport> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<NodeCommandReport>> for NodeCommandReport {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<NodeCommandReport>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<NodeCommandReport> for NodeCommandReport {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<NodeCommandReport> {
        NodeCommandReport::create(
            builder,
        
            
            self.command_id,
            
        
            
            &self.node,
            
        
            
            &self.observed,
            
        
        )
    }
}

/// Builder for serializing an instance of the [NodeCommandReport] type.
///
/// Can be created using the [NodeCommandReport::builder] method.
#[derive(Debug)]
#[must_use]
pub struct NodeCommandReportBuilder<State>(State);

impl<
    
> NodeCommandReportBuilder
<
    (
    
    )
>
{
    /// Setter for the [`command_id` field](NodeCommandReport#structfield.command_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn command_id<T0>(self, value: T0) -> NodeCommandReportBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u64, u64>
    {
        NodeCommandReportBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`command_id` field](NodeCommandReport#structfield.command_id) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn command_id_as_default(self) -> NodeCommandReportBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.command_id(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> NodeCommandReportBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`node` field](NodeCommandReport#structfield.node).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn node<T1>(self, value: T1) -> NodeCommandReportBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;NodeCommandReportBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
> NodeCommandReportBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`observed` field](NodeCommandReport#structfield.observed).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn observed<T2>(self, value: T2) -> NodeCommandReportBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsOptional<::planus::Offset<self::ResourceSpec>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;NodeCommandReportBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
    /// Sets the [`observed` field](NodeCommandReport#structfield.observed) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn observed_as_null(self) -> NodeCommandReportBuilder<(
        
            T0,
        
            T1,
        
        (),
    )>
    {
        self.observed(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
> NodeCommandReportBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [NodeCommandReport].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<NodeCommandReport>
        where Self: ::planus::WriteAsOffset<NodeCommandReport>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<self::ResourceSpec>>,
    
> ::planus::WriteAs<::planus::Offset<NodeCommandReport>> for NodeCommandReportBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<NodeCommandReport>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<NodeCommandReport> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<self::ResourceSpec>>,
    
> ::planus::WriteAsOptional<::planus::Offset<NodeCommandReport>> for NodeCommandReportBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<NodeCommandReport>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<NodeCommandReport>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<self::ResourceSpec>>,
    
> ::planus::WriteAsOffset<NodeCommandReport> for NodeCommandReportBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<NodeCommandReport> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = &self.0;NodeCommandReport::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
        )
    }
}

/// Reference to a deserialized [NodeCommandReport].
#[derive(Copy, Clone)]
pub struct NodeCommandReportRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> NodeCommandReportRef<'a> {
    
        /// Getter for the [`command_id` field](NodeCommandReport#structfield.command_id).
        #[inline]
        pub fn command_id(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "NodeCommandReport", "command_id")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`node` field](NodeCommandReport#structfield.node).
        #[inline]
        pub fn node(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(1, "NodeCommandReport", "node")
              
            
            
            
        }
    
        /// Getter for the [`observed` field](NodeCommandReport#structfield.observed).
        #[inline]
        pub fn observed(&self) -> ::planus::Result<::core::option::Option<self::ResourceSpecRef<'a>>> {
            
            
              
              self.0.access(2, "NodeCommandReport", "observed")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for NodeCommandReportRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("NodeCommandReportRef");
        f.field("command_id", &self.command_id());f.field("node", &self.node());if let ::core::option::Option::Some(field_observed) = self.observed().transpose() {
                f.field("observed", &field_observed);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<NodeCommandReportRef<'a>> for NodeCommandReport {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: NodeCommandReportRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            command_id: ::core::convert::TryInto::try_into(value.command_id()?)?,node: ::core::convert::Into::into(value.node()?),observed: 
                                if let ::core::option::Option::Some(observed) = value.observed()? {
                                    ::core::option::Option::Some(::planus::alloc::boxed::Box::new(::core::convert::TryInto::try_into(observed)?))
                                } else {
                                    ::core::option::Option::None
                                }
                            ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for NodeCommandReportRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for NodeCommandReportRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[NodeCommandReportRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<NodeCommandReport>> for NodeCommandReport {
    type Value = ::planus::Offset<NodeCommandReport>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<NodeCommandReport>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for NodeCommandReportRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[NodeCommandReportRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  A resource id: 16 bytes, opaque to clients, carried as two big-endian halves (`high` is bytes
///  0..8, `low` bytes 8..16). Its text form is the 32 hexadecimal digits of `high` then `low`.
/// 
/// Generated from these locations:
/// * Struct `ResourceId` in the file `bindings/schema/common.fbs:9`
#[derive(Copy, Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
Default, 
::serde::Serialize, ::serde::Deserialize
)]
pub struct ResourceId {
    
        /// The field `high` in the struct `ResourceId`
        pub high: u64,
    
        /// The field `low` in the struct `ResourceId`
        pub low: u64,
    
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for ResourceId {
    const ALIGNMENT: usize = 8;
    const SIZE: usize = 16;
}

#[allow(clippy::identity_op)]
impl ::planus::WriteAsPrimitive<ResourceId> for ResourceId {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        let (cur, cursor) = cursor.split::<8 , 8>();
            self.high.write(cur, buffer_position - 0);let (cur, cursor) = cursor.split::<8 , 0>();
            self.low.write(cur, buffer_position - 8);
        cursor.finish([]);
    }
}

impl ::planus::WriteAsOffset<ResourceId> for ResourceId {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ResourceId> {
        unsafe {
            builder.write_with(
                16,
                7,
                |buffer_position, bytes| {
                    let bytes = bytes.as_mut_ptr();

                    ::planus::WriteAsPrimitive::write(
                        self,
                        ::planus::Cursor::new(&mut *(bytes as *mut [::core::mem::MaybeUninit<u8>; 16])),
                        buffer_position,
                    );
                }
            );
        }
        builder.current_offset()
    }
}

impl ::planus::WriteAs<ResourceId> for ResourceId {
    type Prepared = Self;
    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }
}

impl ::planus::WriteAsOptional<ResourceId> for ResourceId {
    type Prepared = Self;
    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<Self> {
        ::core::option::Option::Some(*self)
    }
}

/// Reference to a deserialized [ResourceId].
#[derive(Copy, Clone)]
pub struct ResourceIdRef<'a>(::planus::ArrayWithStartOffset<'a, 16>);

impl<'a> ResourceIdRef<'a> {
    
        /// Getter for the [`high` field](ResourceId#structfield.high).
        pub fn high(&self) -> u64 {
            let buffer = self.0.advance_as_array::<8>(0).unwrap();
            
            u64::from_le_bytes(*buffer.as_array())
            
        }
    
        /// Getter for the [`low` field](ResourceId#structfield.low).
        pub fn low(&self) -> u64 {
            let buffer = self.0.advance_as_array::<8>(8).unwrap();
            
            u64::from_le_bytes(*buffer.as_array())
            
        }
    
}

impl<'a> ::core::fmt::Debug for ResourceIdRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("ResourceIdRef");
        f.field("high", &self.high());f.field("low", &self.low());
        f.finish()
    }
}

impl<'a> ::core::convert::From<::planus::ArrayWithStartOffset<'a, 16>> for ResourceIdRef<'a> {
    fn from(array: ::planus::ArrayWithStartOffset<'a, 16>) -> Self {
        Self(array)
    }
}

impl<'a> ::core::convert::From<ResourceIdRef<'a>> for ResourceId {
    #[allow(unreachable_code)]
    fn from(value: ResourceIdRef<'a>) -> Self {
        Self {
        high:
            value.high(),
            low:
            value.low(),
            
        }
    }
}

impl<'a, 'b> ::core::cmp::PartialEq<ResourceIdRef<'a>> for ResourceIdRef<'b> {
    fn eq(&self, other: &ResourceIdRef<'_>) -> bool {
        
            self.high() == other.high() && 
            self.low() == other.low()
    }
}

    impl<'a> ::core::cmp::Eq for ResourceIdRef<'a> {}
    impl<'a, 'b> ::core::cmp::PartialOrd<ResourceIdRef<'a>> for ResourceIdRef<'b> {
        fn partial_cmp(&self, other: &ResourceIdRef<'_>) -> ::core::option::Option<::core::cmp::Ordering> {
            ::core::option::Option::Some(::core::cmp::Ord::cmp(self, other))
        }
    }

    impl<'a> ::core::cmp::Ord for ResourceIdRef<'a> {
        fn cmp(&self, other: &ResourceIdRef<'_>) -> ::core::cmp::Ordering {
            
                self.high().cmp(&other.high())
                
                .then_with(|| self.low().cmp(&other.low()))
                
        }
    }

    impl<'a> ::core::hash::Hash for ResourceIdRef<'a> {
        fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
            self.high().hash(state);self.low().hash(state);
        }
    }


impl<'a> ::planus::TableRead<'a> for ResourceIdRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let buffer = buffer.advance_as_array::<16>(offset)?;
        ::core::result::Result::Ok(Self(buffer))
    }
}

impl<'a> ::planus::VectorRead<'a> for ResourceIdRef<'a> {
    const STRIDE: usize = 16;

    #[inline]
    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> Self {
        Self(unsafe { buffer.unchecked_advance_as_array(offset) })
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<ResourceId> for ResourceId {
    const STRIDE: usize = 16;

    type Value = ResourceId;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self::Value {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[ResourceId],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 16];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - (16 * i) as u32,
                
            );
        }
    }
}

    
///  A 128-bit unsigned number (budget sums can pass 2^64): `high` * 2^64 + `low`.
/// 
/// Generated from these locations:
/// * Struct `Uint128` in the file `bindings/schema/common.fbs:15`
#[derive(Copy, Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
Default, 
::serde::Serialize, ::serde::Deserialize
)]
pub struct Uint128 {
    
        /// The field `high` in the struct `Uint128`
        pub high: u64,
    
        /// The field `low` in the struct `Uint128`
        pub low: u64,
    
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for Uint128 {
    const ALIGNMENT: usize = 8;
    const SIZE: usize = 16;
}

#[allow(clippy::identity_op)]
impl ::planus::WriteAsPrimitive<Uint128> for Uint128 {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        let (cur, cursor) = cursor.split::<8 , 8>();
            self.high.write(cur, buffer_position - 0);let (cur, cursor) = cursor.split::<8 , 0>();
            self.low.write(cur, buffer_position - 8);
        cursor.finish([]);
    }
}

impl ::planus::WriteAsOffset<Uint128> for Uint128 {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Uint128> {
        unsafe {
            builder.write_with(
                16,
                7,
                |buffer_position, bytes| {
                    let bytes = bytes.as_mut_ptr();

                    ::planus::WriteAsPrimitive::write(
                        self,
                        ::planus::Cursor::new(&mut *(bytes as *mut [::core::mem::MaybeUninit<u8>; 16])),
                        buffer_position,
                    );
                }
            );
        }
        builder.current_offset()
    }
}

impl ::planus::WriteAs<Uint128> for Uint128 {
    type Prepared = Self;
    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }
}

impl ::planus::WriteAsOptional<Uint128> for Uint128 {
    type Prepared = Self;
    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<Self> {
        ::core::option::Option::Some(*self)
    }
}

/// Reference to a deserialized [Uint128].
#[derive(Copy, Clone)]
pub struct Uint128Ref<'a>(::planus::ArrayWithStartOffset<'a, 16>);

impl<'a> Uint128Ref<'a> {
    
        /// Getter for the [`high` field](Uint128#structfield.high).
        pub fn high(&self) -> u64 {
            let buffer = self.0.advance_as_array::<8>(0).unwrap();
            
            u64::from_le_bytes(*buffer.as_array())
            
        }
    
        /// Getter for the [`low` field](Uint128#structfield.low).
        pub fn low(&self) -> u64 {
            let buffer = self.0.advance_as_array::<8>(8).unwrap();
            
            u64::from_le_bytes(*buffer.as_array())
            
        }
    
}

impl<'a> ::core::fmt::Debug for Uint128Ref<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("Uint128Ref");
        f.field("high", &self.high());f.field("low", &self.low());
        f.finish()
    }
}

impl<'a> ::core::convert::From<::planus::ArrayWithStartOffset<'a, 16>> for Uint128Ref<'a> {
    fn from(array: ::planus::ArrayWithStartOffset<'a, 16>) -> Self {
        Self(array)
    }
}

impl<'a> ::core::convert::From<Uint128Ref<'a>> for Uint128 {
    #[allow(unreachable_code)]
    fn from(value: Uint128Ref<'a>) -> Self {
        Self {
        high:
            value.high(),
            low:
            value.low(),
            
        }
    }
}

impl<'a, 'b> ::core::cmp::PartialEq<Uint128Ref<'a>> for Uint128Ref<'b> {
    fn eq(&self, other: &Uint128Ref<'_>) -> bool {
        
            self.high() == other.high() && 
            self.low() == other.low()
    }
}

    impl<'a> ::core::cmp::Eq for Uint128Ref<'a> {}
    impl<'a, 'b> ::core::cmp::PartialOrd<Uint128Ref<'a>> for Uint128Ref<'b> {
        fn partial_cmp(&self, other: &Uint128Ref<'_>) -> ::core::option::Option<::core::cmp::Ordering> {
            ::core::option::Option::Some(::core::cmp::Ord::cmp(self, other))
        }
    }

    impl<'a> ::core::cmp::Ord for Uint128Ref<'a> {
        fn cmp(&self, other: &Uint128Ref<'_>) -> ::core::cmp::Ordering {
            
                self.high().cmp(&other.high())
                
                .then_with(|| self.low().cmp(&other.low()))
                
        }
    }

    impl<'a> ::core::hash::Hash for Uint128Ref<'a> {
        fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
            self.high().hash(state);self.low().hash(state);
        }
    }


impl<'a> ::planus::TableRead<'a> for Uint128Ref<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let buffer = buffer.advance_as_array::<16>(offset)?;
        ::core::result::Result::Ok(Self(buffer))
    }
}

impl<'a> ::planus::VectorRead<'a> for Uint128Ref<'a> {
    const STRIDE: usize = 16;

    #[inline]
    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> Self {
        Self(unsafe { buffer.unchecked_advance_as_array(offset) })
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<Uint128> for Uint128 {
    const STRIDE: usize = 16;

    type Value = Uint128;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self::Value {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Uint128],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 16];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - (16 * i) as u32,
                
            );
        }
    }
}

    
///  One tag of a resource. A resource's tags are sorted by key, each key once.
/// 
/// Generated from these locations:
/// * Table `Tag` in the file `bindings/schema/common.fbs:21`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Tag{
    
        /// The field `key` in the table `Tag`
        pub key: ::planus::alloc::string::String,
        /// The field `value` in the table `Tag`
        pub value: ::planus::alloc::string::String,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Tag {
    fn default() -> Self {
        Self {
        key: ::core::default::Default::default(),
        value: ::core::default::Default::default(),
        
        }
    }
}


impl Tag {
    /// Creates a [TagBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> TagBuilder<()> {
        TagBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_key: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_value: impl ::planus::WriteAs<::planus::Offset<str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_key = field_key.prepare(builder);let prepared_value = field_value.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);table_writer.write_entry::<::planus::Offset<str>>(1);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_key);object_writer.write::<_, _, 4>(&prepared_value);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Tag>> for Tag {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Tag> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Tag>> for Tag {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Tag>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Tag> for Tag {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Tag> {
        Tag::create(
            builder,
        
            
            &self.key,
            
        
            
            &self.value,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Tag] type.
///
/// Can be created using the [Tag::builder] method.
#[derive(Debug)]
#[must_use]
pub struct TagBuilder<State>(State);

impl<
    
> TagBuilder
<
    (
    
    )
>
{
    /// Setter for the [`key` field](Tag#structfield.key).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn key<T0>(self, value: T0) -> TagBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        TagBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> TagBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`value` field](Tag#structfield.value).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn value<T1>(self, value: T1) -> TagBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;TagBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
> TagBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Tag].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Tag>
        where Self: ::planus::WriteAsOffset<Tag>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAs<::planus::Offset<Tag>> for TagBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<Tag>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Tag> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<Tag>> for TagBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<Tag>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Tag>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOffset<Tag> for TagBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Tag> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;Tag::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [Tag].
#[derive(Copy, Clone)]
pub struct TagRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> TagRef<'a> {
    
        /// Getter for the [`key` field](Tag#structfield.key).
        #[inline]
        pub fn key(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "Tag", "key")
              
            
            
            
        }
    
        /// Getter for the [`value` field](Tag#structfield.value).
        #[inline]
        pub fn value(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(1, "Tag", "value")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for TagRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("TagRef");
        f.field("key", &self.key());f.field("value", &self.value());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<TagRef<'a>> for Tag {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: TagRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            key: ::core::convert::Into::into(value.key()?),value: ::core::convert::Into::into(value.value()?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for TagRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for TagRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[TagRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Tag>> for Tag {
    type Value = ::planus::Offset<Tag>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Tag>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for TagRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[TagRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  What a writer gives for a create, update or put: every field of a resource but id, created
///  time and revision, which the engine assigns.
/// 
/// Generated from these locations:
/// * Table `ResourceSpec` in the file `bindings/schema/common.fbs:28`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct ResourceSpec{
    
        ///  The version of the resource's schema, such as `v1`.
        pub api_version: ::planus::alloc::string::String,
        ///  `/` or `/segment(/segment)*`.
        pub namespace_path: ::planus::alloc::string::String,
        /// The field `name` in the table `ResourceSpec`
        pub name: ::planus::alloc::string::String,
        ///  The design's `type`.
        pub kind: ::planus::alloc::string::String,
        ///  Absent means empty.
        pub owner: ::core::option::Option<::planus::alloc::string::String>,
        /// The field `tags` in the table `ResourceSpec`
        pub tags: ::core::option::Option<::planus::alloc::vec::Vec<self::Tag>>,
        ///  Charged against the namespace's budgets.
        pub cost: u64,
        ///  Opaque bytes (JSON by convention), up to 1 MiB.
        pub data: ::core::option::Option<::planus::alloc::vec::Vec<u8>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for ResourceSpec {
    fn default() -> Self {
        Self {
        api_version: ::core::default::Default::default(),
        namespace_path: ::core::default::Default::default(),
        name: ::core::default::Default::default(),
        kind: ::core::default::Default::default(),
        owner: ::core::default::Default::default(),
        tags: ::core::default::Default::default(),
        cost: 0,
        data: ::core::default::Default::default(),
        
        }
    }
}


impl ResourceSpec {
    /// Creates a [ResourceSpecBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> ResourceSpecBuilder<()> {
        ResourceSpecBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_api_version: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_namespace_path: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_name: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_kind: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_owner: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        field_tags: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Tag>]>>,
        field_cost: impl ::planus::WriteAsDefault<u64, u64>,
        field_data: impl ::planus::WriteAsOptional<::planus::Offset<[u8]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_api_version = field_api_version.prepare(builder);let prepared_namespace_path = field_namespace_path.prepare(builder);let prepared_name = field_name.prepare(builder);let prepared_kind = field_kind.prepare(builder);let prepared_owner = field_owner.prepare(builder);let prepared_tags = field_tags.prepare(builder);let prepared_cost = field_cost.prepare(builder, &0);let prepared_data = field_data.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<20> = ::core::default::Default::default();
        if prepared_cost.is_some() {table_writer.write_entry::<u64>(6);}table_writer.write_entry::<::planus::Offset<str>>(0);table_writer.write_entry::<::planus::Offset<str>>(1);table_writer.write_entry::<::planus::Offset<str>>(2);table_writer.write_entry::<::planus::Offset<str>>(3);if prepared_owner.is_some() {table_writer.write_entry::<::planus::Offset<str>>(4);}if prepared_tags.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<self::Tag>]>>(5);}if prepared_data.is_some() {table_writer.write_entry::<::planus::Offset<[u8]>>(7);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_cost) = prepared_cost {object_writer.write::<_, _, 8>(&prepared_cost);}object_writer.write::<_, _, 4>(&prepared_api_version);object_writer.write::<_, _, 4>(&prepared_namespace_path);object_writer.write::<_, _, 4>(&prepared_name);object_writer.write::<_, _, 4>(&prepared_kind);if let ::core::option::Option::Some(prepared_owner) = prepared_owner {object_writer.write::<_, _, 4>(&prepared_owner);}if let ::core::option::Option::Some(prepared_tags) = prepared_tags {object_writer.write::<_, _, 4>(&prepared_tags);}if let ::core::option::Option::Some(prepared_data) = prepared_data {object_writer.write::<_, _, 4>(&prepared_data);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<ResourceSpec>> for ResourceSpec {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ResourceSpec> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<ResourceSpec>> for ResourceSpec {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<ResourceSpec>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<ResourceSpec> for ResourceSpec {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ResourceSpec> {
        ResourceSpec::create(
            builder,
        
            
            &self.api_version,
            
        
            
            &self.namespace_path,
            
        
            
            &self.name,
            
        
            
            &self.kind,
            
        
            
            &self.owner,
            
        
            
            &self.tags,
            
        
            
            self.cost,
            
        
            
            &self.data,
            
        
        )
    }
}

/// Builder for serializing an instance of the [ResourceSpec] type.
///
/// Can be created using the [ResourceSpec::builder] method.
#[derive(Debug)]
#[must_use]
pub struct ResourceSpecBuilder<State>(State);

impl<
    
> ResourceSpecBuilder
<
    (
    
    )
>
{
    /// Setter for the [`api_version` field](ResourceSpec#structfield.api_version).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn api_version<T0>(self, value: T0) -> ResourceSpecBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        ResourceSpecBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> ResourceSpecBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`namespace_path` field](ResourceSpec#structfield.namespace_path).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn namespace_path<T1>(self, value: T1) -> ResourceSpecBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;ResourceSpecBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
> ResourceSpecBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`name` field](ResourceSpec#structfield.name).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn name<T2>(self, value: T2) -> ResourceSpecBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;ResourceSpecBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> ResourceSpecBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`kind` field](ResourceSpec#structfield.kind).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn kind<T3>(self, value: T3) -> ResourceSpecBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;ResourceSpecBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> ResourceSpecBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )
>
{
    /// Setter for the [`owner` field](ResourceSpec#structfield.owner).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn owner<T4>(self, value: T4) -> ResourceSpecBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )>
    where T4: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = self.0;ResourceSpecBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
            value,
        ))
    }

    

    
    /// Sets the [`owner` field](ResourceSpec#structfield.owner) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn owner_as_null(self) -> ResourceSpecBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
        (),
    )>
    {
        self.owner(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
> ResourceSpecBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )
>
{
    /// Setter for the [`tags` field](ResourceSpec#structfield.tags).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn tags<T5>(self, value: T5) -> ResourceSpecBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
    )>
    where T5: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Tag>]>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        ) = self.0;ResourceSpecBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
            value,
        ))
    }

    

    
    /// Sets the [`tags` field](ResourceSpec#structfield.tags) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn tags_as_null(self) -> ResourceSpecBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
        (),
    )>
    {
        self.tags(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
> ResourceSpecBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
    )
>
{
    /// Setter for the [`cost` field](ResourceSpec#structfield.cost).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn cost<T6>(self, value: T6) -> ResourceSpecBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
    )>
    where T6: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
        ) = self.0;ResourceSpecBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
            value,
        ))
    }

    
    /// Sets the [`cost` field](ResourceSpec#structfield.cost) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn cost_as_default(self) -> ResourceSpecBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
            T5,
        
        ::planus::DefaultValue,
    )>
    {
        self.cost(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
> ResourceSpecBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
    )
>
{
    /// Setter for the [`data` field](ResourceSpec#structfield.data).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn data<T7>(self, value: T7) -> ResourceSpecBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
    )>
    where T7: ::planus::WriteAsOptional<::planus::Offset<[u8]>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
        ) = self.0;ResourceSpecBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
            value,
        ))
    }

    

    
    /// Sets the [`data` field](ResourceSpec#structfield.data) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn data_as_null(self) -> ResourceSpecBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
            T5,
        
            T6,
        
        (),
    )>
    {
        self.data(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
> ResourceSpecBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [ResourceSpec].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<ResourceSpec>
        where Self: ::planus::WriteAsOffset<ResourceSpec>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
        T3: ::planus::WriteAs<::planus::Offset<str>>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T5: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Tag>]>>,
    
        T6: ::planus::WriteAsDefault<u64, u64>,
    
        T7: ::planus::WriteAsOptional<::planus::Offset<[u8]>>,
    
> ::planus::WriteAs<::planus::Offset<ResourceSpec>> for ResourceSpecBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
)> {
    type Prepared = ::planus::Offset<ResourceSpec>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ResourceSpec> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
        T3: ::planus::WriteAs<::planus::Offset<str>>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T5: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Tag>]>>,
    
        T6: ::planus::WriteAsDefault<u64, u64>,
    
        T7: ::planus::WriteAsOptional<::planus::Offset<[u8]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<ResourceSpec>> for ResourceSpecBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
)> {
    type Prepared = ::planus::Offset<ResourceSpec>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<ResourceSpec>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
        T3: ::planus::WriteAs<::planus::Offset<str>>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T5: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Tag>]>>,
    
        T6: ::planus::WriteAsDefault<u64, u64>,
    
        T7: ::planus::WriteAsOptional<::planus::Offset<[u8]>>,
    
> ::planus::WriteAsOffset<ResourceSpec> for ResourceSpecBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ResourceSpec> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
                v7,
            
        ) = &self.0;ResourceSpec::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
                v7,
            
        )
    }
}

/// Reference to a deserialized [ResourceSpec].
#[derive(Copy, Clone)]
pub struct ResourceSpecRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> ResourceSpecRef<'a> {
    
        /// Getter for the [`api_version` field](ResourceSpec#structfield.api_version).
        #[inline]
        pub fn api_version(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "ResourceSpec", "api_version")
              
            
            
            
        }
    
        /// Getter for the [`namespace_path` field](ResourceSpec#structfield.namespace_path).
        #[inline]
        pub fn namespace_path(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(1, "ResourceSpec", "namespace_path")
              
            
            
            
        }
    
        /// Getter for the [`name` field](ResourceSpec#structfield.name).
        #[inline]
        pub fn name(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(2, "ResourceSpec", "name")
              
            
            
            
        }
    
        /// Getter for the [`kind` field](ResourceSpec#structfield.kind).
        #[inline]
        pub fn kind(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(3, "ResourceSpec", "kind")
              
            
            
            
        }
    
        /// Getter for the [`owner` field](ResourceSpec#structfield.owner).
        #[inline]
        pub fn owner(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(4, "ResourceSpec", "owner")
              
            
            
            
        }
    
        /// Getter for the [`tags` field](ResourceSpec#structfield.tags).
        #[inline]
        pub fn tags(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<self::TagRef<'a>>>>> {
            
            
              
              self.0.access(5, "ResourceSpec", "tags")
              
            
            
            
        }
    
        /// Getter for the [`cost` field](ResourceSpec#structfield.cost).
        #[inline]
        pub fn cost(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(6, "ResourceSpec", "cost")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`data` field](ResourceSpec#structfield.data).
        #[inline]
        pub fn data(&self) -> ::planus::Result<::core::option::Option<&'a [u8]>> {
            
            
              
              self.0.access(7, "ResourceSpec", "data")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for ResourceSpecRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("ResourceSpecRef");
        f.field("api_version", &self.api_version());f.field("namespace_path", &self.namespace_path());f.field("name", &self.name());f.field("kind", &self.kind());if let ::core::option::Option::Some(field_owner) = self.owner().transpose() {
                f.field("owner", &field_owner);
            }if let ::core::option::Option::Some(field_tags) = self.tags().transpose() {
                f.field("tags", &field_tags);
            }f.field("cost", &self.cost());if let ::core::option::Option::Some(field_data) = self.data().transpose() {
                f.field("data", &field_data);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<ResourceSpecRef<'a>> for ResourceSpec {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: ResourceSpecRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            api_version: ::core::convert::Into::into(value.api_version()?),namespace_path: ::core::convert::Into::into(value.namespace_path()?),name: ::core::convert::Into::into(value.name()?),kind: ::core::convert::Into::into(value.kind()?),owner: 
                                value.owner()?.map(::core::convert::Into::into)
                            ,tags: 
                            if let ::core::option::Option::Some(tags) = value.tags()? {
                                ::core::option::Option::Some(tags.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,cost: ::core::convert::TryInto::try_into(value.cost()?)?,data: value.data()?.map(|v| v.to_vec()),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for ResourceSpecRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for ResourceSpecRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[ResourceSpecRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<ResourceSpec>> for ResourceSpec {
    type Value = ::planus::Offset<ResourceSpec>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<ResourceSpec>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for ResourceSpecRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[ResourceSpecRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  A committed resource, whole.
/// 
/// Generated from these locations:
/// * Table `Resource` in the file `bindings/schema/common.fbs:46`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Resource{
    
        /// The field `api_version` in the table `Resource`
        pub api_version: ::planus::alloc::string::String,
        /// The field `id` in the table `Resource`
        pub id: self::ResourceId,
        /// The field `namespace_path` in the table `Resource`
        pub namespace_path: ::planus::alloc::string::String,
        /// The field `name` in the table `Resource`
        pub name: ::planus::alloc::string::String,
        /// The field `kind` in the table `Resource`
        pub kind: ::planus::alloc::string::String,
        ///  Commit time of its create, milliseconds since the Unix epoch.
        pub created_ms: u64,
        /// The field `owner` in the table `Resource`
        pub owner: ::core::option::Option<::planus::alloc::string::String>,
        /// The field `tags` in the table `Resource`
        pub tags: ::core::option::Option<::planus::alloc::vec::Vec<self::Tag>>,
        /// The field `cost` in the table `Resource`
        pub cost: u64,
        /// The field `data` in the table `Resource`
        pub data: ::core::option::Option<::planus::alloc::vec::Vec<u8>>,
        ///  The commit position of the last batch that changed it (in its shard).
        pub revision: u64,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Resource {
    fn default() -> Self {
        Self {
        api_version: ::core::default::Default::default(),
        id: ::core::default::Default::default(),
        namespace_path: ::core::default::Default::default(),
        name: ::core::default::Default::default(),
        kind: ::core::default::Default::default(),
        created_ms: 0,
        owner: ::core::default::Default::default(),
        tags: ::core::default::Default::default(),
        cost: 0,
        data: ::core::default::Default::default(),
        revision: 0,
        
        }
    }
}


impl Resource {
    /// Creates a [ResourceBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> ResourceBuilder<()> {
        ResourceBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_api_version: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_id: impl ::planus::WriteAs<self::ResourceId>,
        field_namespace_path: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_name: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_kind: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_created_ms: impl ::planus::WriteAsDefault<u64, u64>,
        field_owner: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        field_tags: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Tag>]>>,
        field_cost: impl ::planus::WriteAsDefault<u64, u64>,
        field_data: impl ::planus::WriteAsOptional<::planus::Offset<[u8]>>,
        field_revision: impl ::planus::WriteAsDefault<u64, u64>,
        
    ) -> ::planus::Offset<Self> {let prepared_api_version = field_api_version.prepare(builder);let prepared_id = field_id.prepare(builder);let prepared_namespace_path = field_namespace_path.prepare(builder);let prepared_name = field_name.prepare(builder);let prepared_kind = field_kind.prepare(builder);let prepared_created_ms = field_created_ms.prepare(builder, &0);let prepared_owner = field_owner.prepare(builder);let prepared_tags = field_tags.prepare(builder);let prepared_cost = field_cost.prepare(builder, &0);let prepared_data = field_data.prepare(builder);let prepared_revision = field_revision.prepare(builder, &0);

        let mut table_writer: ::planus::table_writer::TableWriter::<26> = ::core::default::Default::default();
        table_writer.write_entry::<self::ResourceId>(1);if prepared_created_ms.is_some() {table_writer.write_entry::<u64>(5);}if prepared_cost.is_some() {table_writer.write_entry::<u64>(8);}if prepared_revision.is_some() {table_writer.write_entry::<u64>(10);}table_writer.write_entry::<::planus::Offset<str>>(0);table_writer.write_entry::<::planus::Offset<str>>(2);table_writer.write_entry::<::planus::Offset<str>>(3);table_writer.write_entry::<::planus::Offset<str>>(4);if prepared_owner.is_some() {table_writer.write_entry::<::planus::Offset<str>>(6);}if prepared_tags.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<self::Tag>]>>(7);}if prepared_data.is_some() {table_writer.write_entry::<::planus::Offset<[u8]>>(9);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 16>(&prepared_id);if let ::core::option::Option::Some(prepared_created_ms) = prepared_created_ms {object_writer.write::<_, _, 8>(&prepared_created_ms);}if let ::core::option::Option::Some(prepared_cost) = prepared_cost {object_writer.write::<_, _, 8>(&prepared_cost);}if let ::core::option::Option::Some(prepared_revision) = prepared_revision {object_writer.write::<_, _, 8>(&prepared_revision);}object_writer.write::<_, _, 4>(&prepared_api_version);object_writer.write::<_, _, 4>(&prepared_namespace_path);object_writer.write::<_, _, 4>(&prepared_name);object_writer.write::<_, _, 4>(&prepared_kind);if let ::core::option::Option::Some(prepared_owner) = prepared_owner {object_writer.write::<_, _, 4>(&prepared_owner);}if let ::core::option::Option::Some(prepared_tags) = prepared_tags {object_writer.write::<_, _, 4>(&prepared_tags);}if let ::core::option::Option::Some(prepared_data) = prepared_data {object_writer.write::<_, _, 4>(&prepared_data);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Resource>> for Resource {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Resource> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Resource>> for Resource {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Resource>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Resource> for Resource {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Resource> {
        Resource::create(
            builder,
        
            
            &self.api_version,
            
        
            
            self.id,
            
        
            
            &self.namespace_path,
            
        
            
            &self.name,
            
        
            
            &self.kind,
            
        
            
            self.created_ms,
            
        
            
            &self.owner,
            
        
            
            &self.tags,
            
        
            
            self.cost,
            
        
            
            &self.data,
            
        
            
            self.revision,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Resource] type.
///
/// Can be created using the [Resource::builder] method.
#[derive(Debug)]
#[must_use]
pub struct ResourceBuilder<State>(State);

impl<
    
> ResourceBuilder
<
    (
    
    )
>
{
    /// Setter for the [`api_version` field](Resource#structfield.api_version).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn api_version<T0>(self, value: T0) -> ResourceBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        ResourceBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> ResourceBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`id` field](Resource#structfield.id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn id<T1>(self, value: T1) -> ResourceBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<self::ResourceId>
    {
        
        let (
            
                v0,
            
        ) = self.0;ResourceBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
> ResourceBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`namespace_path` field](Resource#structfield.namespace_path).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn namespace_path<T2>(self, value: T2) -> ResourceBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;ResourceBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> ResourceBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`name` field](Resource#structfield.name).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn name<T3>(self, value: T3) -> ResourceBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;ResourceBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> ResourceBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )
>
{
    /// Setter for the [`kind` field](Resource#structfield.kind).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn kind<T4>(self, value: T4) -> ResourceBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )>
    where T4: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = self.0;ResourceBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
> ResourceBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )
>
{
    /// Setter for the [`created_ms` field](Resource#structfield.created_ms).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn created_ms<T5>(self, value: T5) -> ResourceBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
    )>
    where T5: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        ) = self.0;ResourceBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
            value,
        ))
    }

    
    /// Sets the [`created_ms` field](Resource#structfield.created_ms) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn created_ms_as_default(self) -> ResourceBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
        ::planus::DefaultValue,
    )>
    {
        self.created_ms(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
> ResourceBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
    )
>
{
    /// Setter for the [`owner` field](Resource#structfield.owner).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn owner<T6>(self, value: T6) -> ResourceBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
    )>
    where T6: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
        ) = self.0;ResourceBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
            value,
        ))
    }

    

    
    /// Sets the [`owner` field](Resource#structfield.owner) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn owner_as_null(self) -> ResourceBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
            T5,
        
        (),
    )>
    {
        self.owner(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
> ResourceBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
    )
>
{
    /// Setter for the [`tags` field](Resource#structfield.tags).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn tags<T7>(self, value: T7) -> ResourceBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
    )>
    where T7: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Tag>]>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
        ) = self.0;ResourceBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
            value,
        ))
    }

    

    
    /// Sets the [`tags` field](Resource#structfield.tags) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn tags_as_null(self) -> ResourceBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
            T5,
        
            T6,
        
        (),
    )>
    {
        self.tags(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
> ResourceBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
    )
>
{
    /// Setter for the [`cost` field](Resource#structfield.cost).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn cost<T8>(self, value: T8) -> ResourceBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
        T8,
    
    )>
    where T8: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
                v7,
            
        ) = self.0;ResourceBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
                v7,
            
            value,
        ))
    }

    
    /// Sets the [`cost` field](Resource#structfield.cost) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn cost_as_default(self) -> ResourceBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
            T5,
        
            T6,
        
            T7,
        
        ::planus::DefaultValue,
    )>
    {
        self.cost(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
        T8,
    
> ResourceBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
        T8,
    
    )
>
{
    /// Setter for the [`data` field](Resource#structfield.data).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn data<T9>(self, value: T9) -> ResourceBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
        T8,
    
        T9,
    
    )>
    where T9: ::planus::WriteAsOptional<::planus::Offset<[u8]>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
                v7,
            
                v8,
            
        ) = self.0;ResourceBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
                v7,
            
                v8,
            
            value,
        ))
    }

    

    
    /// Sets the [`data` field](Resource#structfield.data) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn data_as_null(self) -> ResourceBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
            T5,
        
            T6,
        
            T7,
        
            T8,
        
        (),
    )>
    {
        self.data(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
        T8,
    
        T9,
    
> ResourceBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
        T8,
    
        T9,
    
    )
>
{
    /// Setter for the [`revision` field](Resource#structfield.revision).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn revision<T10>(self, value: T10) -> ResourceBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
        T8,
    
        T9,
    
        T10,
    
    )>
    where T10: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
                v7,
            
                v8,
            
                v9,
            
        ) = self.0;ResourceBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
                v7,
            
                v8,
            
                v9,
            
            value,
        ))
    }

    
    /// Sets the [`revision` field](Resource#structfield.revision) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn revision_as_default(self) -> ResourceBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
            T5,
        
            T6,
        
            T7,
        
            T8,
        
            T9,
        
        ::planus::DefaultValue,
    )>
    {
        self.revision(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
        T8,
    
        T9,
    
        T10,
    
> ResourceBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
        T8,
    
        T9,
    
        T10,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Resource].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Resource>
        where Self: ::planus::WriteAsOffset<Resource>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<self::ResourceId>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
        T3: ::planus::WriteAs<::planus::Offset<str>>,
    
        T4: ::planus::WriteAs<::planus::Offset<str>>,
    
        T5: ::planus::WriteAsDefault<u64, u64>,
    
        T6: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T7: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Tag>]>>,
    
        T8: ::planus::WriteAsDefault<u64, u64>,
    
        T9: ::planus::WriteAsOptional<::planus::Offset<[u8]>>,
    
        T10: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAs<::planus::Offset<Resource>> for ResourceBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
        T8,
    
        T9,
    
        T10,
    
)> {
    type Prepared = ::planus::Offset<Resource>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Resource> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<self::ResourceId>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
        T3: ::planus::WriteAs<::planus::Offset<str>>,
    
        T4: ::planus::WriteAs<::planus::Offset<str>>,
    
        T5: ::planus::WriteAsDefault<u64, u64>,
    
        T6: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T7: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Tag>]>>,
    
        T8: ::planus::WriteAsDefault<u64, u64>,
    
        T9: ::planus::WriteAsOptional<::planus::Offset<[u8]>>,
    
        T10: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOptional<::planus::Offset<Resource>> for ResourceBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
        T8,
    
        T9,
    
        T10,
    
)> {
    type Prepared = ::planus::Offset<Resource>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Resource>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<self::ResourceId>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
        T3: ::planus::WriteAs<::planus::Offset<str>>,
    
        T4: ::planus::WriteAs<::planus::Offset<str>>,
    
        T5: ::planus::WriteAsDefault<u64, u64>,
    
        T6: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T7: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Tag>]>>,
    
        T8: ::planus::WriteAsDefault<u64, u64>,
    
        T9: ::planus::WriteAsOptional<::planus::Offset<[u8]>>,
    
        T10: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOffset<Resource> for ResourceBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
        T8,
    
        T9,
    
        T10,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Resource> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
                v7,
            
                v8,
            
                v9,
            
                v10,
            
        ) = &self.0;Resource::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
                v7,
            
                v8,
            
                v9,
            
                v10,
            
        )
    }
}

/// Reference to a deserialized [Resource].
#[derive(Copy, Clone)]
pub struct ResourceRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> ResourceRef<'a> {
    
        /// Getter for the [`api_version` field](Resource#structfield.api_version).
        #[inline]
        pub fn api_version(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "Resource", "api_version")
              
            
            
            
        }
    
        /// Getter for the [`id` field](Resource#structfield.id).
        #[inline]
        pub fn id(&self) -> ::planus::Result<self::ResourceIdRef<'a>> {
            
            
              
              self.0.access_required(1, "Resource", "id")
              
            
            
            
        }
    
        /// Getter for the [`namespace_path` field](Resource#structfield.namespace_path).
        #[inline]
        pub fn namespace_path(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(2, "Resource", "namespace_path")
              
            
            
            
        }
    
        /// Getter for the [`name` field](Resource#structfield.name).
        #[inline]
        pub fn name(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(3, "Resource", "name")
              
            
            
            
        }
    
        /// Getter for the [`kind` field](Resource#structfield.kind).
        #[inline]
        pub fn kind(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(4, "Resource", "kind")
              
            
            
            
        }
    
        /// Getter for the [`created_ms` field](Resource#structfield.created_ms).
        #[inline]
        pub fn created_ms(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(5, "Resource", "created_ms")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`owner` field](Resource#structfield.owner).
        #[inline]
        pub fn owner(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(6, "Resource", "owner")
              
            
            
            
        }
    
        /// Getter for the [`tags` field](Resource#structfield.tags).
        #[inline]
        pub fn tags(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<self::TagRef<'a>>>>> {
            
            
              
              self.0.access(7, "Resource", "tags")
              
            
            
            
        }
    
        /// Getter for the [`cost` field](Resource#structfield.cost).
        #[inline]
        pub fn cost(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(8, "Resource", "cost")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`data` field](Resource#structfield.data).
        #[inline]
        pub fn data(&self) -> ::planus::Result<::core::option::Option<&'a [u8]>> {
            
            
              
              self.0.access(9, "Resource", "data")
              
            
            
            
        }
    
        /// Getter for the [`revision` field](Resource#structfield.revision).
        #[inline]
        pub fn revision(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(10, "Resource", "revision")
              
            
            ?.unwrap_or(0))
            
        }
    
}

impl<'a> ::core::fmt::Debug for ResourceRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("ResourceRef");
        f.field("api_version", &self.api_version());f.field("id", &self.id());f.field("namespace_path", &self.namespace_path());f.field("name", &self.name());f.field("kind", &self.kind());f.field("created_ms", &self.created_ms());if let ::core::option::Option::Some(field_owner) = self.owner().transpose() {
                f.field("owner", &field_owner);
            }if let ::core::option::Option::Some(field_tags) = self.tags().transpose() {
                f.field("tags", &field_tags);
            }f.field("cost", &self.cost());if let ::core::option::Option::Some(field_data) = self.data().transpose() {
                f.field("data", &field_data);
            }f.field("revision", &self.revision());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<ResourceRef<'a>> for Resource {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: ResourceRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            api_version: ::core::convert::Into::into(value.api_version()?),id: ::core::convert::Into::into(value.id()?),namespace_path: ::core::convert::Into::into(value.namespace_path()?),name: ::core::convert::Into::into(value.name()?),kind: ::core::convert::Into::into(value.kind()?),created_ms: ::core::convert::TryInto::try_into(value.created_ms()?)?,owner: 
                                value.owner()?.map(::core::convert::Into::into)
                            ,tags: 
                            if let ::core::option::Option::Some(tags) = value.tags()? {
                                ::core::option::Option::Some(tags.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,cost: ::core::convert::TryInto::try_into(value.cost()?)?,data: value.data()?.map(|v| v.to_vec()),revision: ::core::convert::TryInto::try_into(value.revision()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for ResourceRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for ResourceRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[ResourceRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Resource>> for Resource {
    type Value = ::planus::Offset<Resource>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Resource>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for ResourceRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[ResourceRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Which resources of a namespace a query or a subscription covers.
/// 
/// Generated from these locations:
/// * Enum `Scope` in the file `bindings/schema/common.fbs:63`
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]#[repr(u8)]pub enum Scope {
    
        ///  The resources whose namespace is the namespace given.
        Children = 0,
    
        ///  The resources whose namespace is the one given or lies below it.
        Subtree = 1,
    
}

impl Scope {
    /// Array containing all valid variants of Scope
    pub const ENUM_VALUES: [Self; 2] = [Self::Children,Self::Subtree,];
}

impl ::core::convert::TryFrom<u8> for Scope {
    type Error = ::planus::errors::UnknownEnumTagKind;
    #[inline]
    fn try_from(value: u8) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTagKind> {
        #[allow(clippy::match_single_binding)]
        match value {
            0 => ::core::result::Result::Ok(Scope::Children),
            1 => ::core::result::Result::Ok(Scope::Subtree),
            

            _ => ::core::result::Result::Err(::planus::errors::UnknownEnumTagKind { tag: value as i128 }),
        }
    }
}

impl ::core::convert::From<Scope> for u8 {
    #[inline]
    fn from(value: Scope) -> Self {
        value as u8
    }
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for Scope {
    const ALIGNMENT: usize = 1;
    const SIZE: usize = 1;
}

impl ::planus::WriteAsPrimitive<Scope> for Scope {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        (*self as u8).write(cursor, buffer_position);
    }
}

impl ::planus::WriteAs<Scope> for Scope {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Scope {
        *self
    }
}

impl ::planus::WriteAsDefault<Scope, Scope> for Scope {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder, default: &Scope) -> ::core::option::Option<Scope> {
        if self == default {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(*self)
        }
    }
}

impl ::planus::WriteAsOptional<Scope> for Scope {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<Scope> {
        ::core::option::Option::Some(*self)
    }
}

impl<'buf> ::planus::TableRead<'buf> for Scope {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'buf>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let n: u8 = ::planus::TableRead::from_buffer(buffer, offset)?;
        ::core::result::Result::Ok(::core::convert::TryInto::try_into(n)?)
    }
}

impl<'buf> ::planus::VectorReadInner<'buf> for Scope {
    type Error = ::planus::errors::UnknownEnumTag;
    const STRIDE: usize = 1;
    #[inline]
    unsafe fn from_buffer(
        buffer: ::planus::SliceWithStartOffset<'buf>,
        offset: usize,
    ) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTag> {let value = unsafe { *buffer.buffer.get_unchecked(offset) };let value: ::core::result::Result<Self, _> = ::core::convert::TryInto::try_into(value);
        value.map_err(|error_kind| error_kind.with_error_location(
            "Scope",
            "VectorRead::from_buffer",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<Scope> for Scope {
    const STRIDE: usize = 1;

    type Value = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Self],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 1];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - i as u32,
                
            );
        }
    }
}

    
///  A list of resources: a namespace, its children or subtree, optionally one type and a tag
///  selector (the text form of engine/src/query/selector.rs, as Kubernetes label selectors).
/// 
/// Generated from these locations:
/// * Table `Query` in the file `bindings/schema/common.fbs:72`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Query{
    
        /// The field `namespace_path` in the table `Query`
        pub namespace_path: ::planus::alloc::string::String,
        /// The field `scope` in the table `Query`
        pub scope: self::Scope,
        ///  Only resources of this type, when present.
        pub kind: ::core::option::Option<::planus::alloc::string::String>,
        ///  Only resources whose tags it matches, when present.
        pub selector: ::core::option::Option<::planus::alloc::string::String>,
        ///  The most resources one page returns: 1 to 1000.
        pub page_size: u32,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Query {
    fn default() -> Self {
        Self {
        namespace_path: ::core::default::Default::default(),
        scope: self::Scope::Children,
        kind: ::core::default::Default::default(),
        selector: ::core::default::Default::default(),
        page_size: 0,
        
        }
    }
}


impl Query {
    /// Creates a [QueryBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> QueryBuilder<()> {
        QueryBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_namespace_path: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_scope: impl ::planus::WriteAsDefault<self::Scope, self::Scope>,
        field_kind: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        field_selector: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        field_page_size: impl ::planus::WriteAsDefault<u32, u32>,
        
    ) -> ::planus::Offset<Self> {let prepared_namespace_path = field_namespace_path.prepare(builder);let prepared_scope = field_scope.prepare(builder, &self::Scope::Children);let prepared_kind = field_kind.prepare(builder);let prepared_selector = field_selector.prepare(builder);let prepared_page_size = field_page_size.prepare(builder, &0);

        let mut table_writer: ::planus::table_writer::TableWriter::<14> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);if prepared_kind.is_some() {table_writer.write_entry::<::planus::Offset<str>>(2);}if prepared_selector.is_some() {table_writer.write_entry::<::planus::Offset<str>>(3);}if prepared_page_size.is_some() {table_writer.write_entry::<u32>(4);}if prepared_scope.is_some() {table_writer.write_entry::<self::Scope>(1);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_namespace_path);if let ::core::option::Option::Some(prepared_kind) = prepared_kind {object_writer.write::<_, _, 4>(&prepared_kind);}if let ::core::option::Option::Some(prepared_selector) = prepared_selector {object_writer.write::<_, _, 4>(&prepared_selector);}if let ::core::option::Option::Some(prepared_page_size) = prepared_page_size {object_writer.write::<_, _, 4>(&prepared_page_size);}if let ::core::option::Option::Some(prepared_scope) = prepared_scope {object_writer.write::<_, _, 1>(&prepared_scope);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Query>> for Query {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Query> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Query>> for Query {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Query>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Query> for Query {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Query> {
        Query::create(
            builder,
        
            
            &self.namespace_path,
            
        
            
            self.scope,
            
        
            
            &self.kind,
            
        
            
            &self.selector,
            
        
            
            self.page_size,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Query] type.
///
/// Can be created using the [Query::builder] method.
#[derive(Debug)]
#[must_use]
pub struct QueryBuilder<State>(State);

impl<
    
> QueryBuilder
<
    (
    
    )
>
{
    /// Setter for the [`namespace_path` field](Query#structfield.namespace_path).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn namespace_path<T0>(self, value: T0) -> QueryBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        QueryBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> QueryBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`scope` field](Query#structfield.scope).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn scope<T1>(self, value: T1) -> QueryBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsDefault<self::Scope, self::Scope>
    {
        
        let (
            
                v0,
            
        ) = self.0;QueryBuilder((
            
                v0,
            
            value,
        ))
    }

    
    /// Sets the [`scope` field](Query#structfield.scope) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn scope_as_default(self) -> QueryBuilder<(
        
            T0,
        
        ::planus::DefaultValue,
    )>
    {
        self.scope(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
> QueryBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`kind` field](Query#structfield.kind).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn kind<T2>(self, value: T2) -> QueryBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;QueryBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
    /// Sets the [`kind` field](Query#structfield.kind) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn kind_as_null(self) -> QueryBuilder<(
        
            T0,
        
            T1,
        
        (),
    )>
    {
        self.kind(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> QueryBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`selector` field](Query#structfield.selector).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn selector<T3>(self, value: T3) -> QueryBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;QueryBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    

    
    /// Sets the [`selector` field](Query#structfield.selector) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn selector_as_null(self) -> QueryBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
        (),
    )>
    {
        self.selector(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> QueryBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )
>
{
    /// Setter for the [`page_size` field](Query#structfield.page_size).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn page_size<T4>(self, value: T4) -> QueryBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )>
    where T4: ::planus::WriteAsDefault<u32, u32>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = self.0;QueryBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
            value,
        ))
    }

    
    /// Sets the [`page_size` field](Query#structfield.page_size) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn page_size_as_default(self) -> QueryBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
        ::planus::DefaultValue,
    )>
    {
        self.page_size(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
> QueryBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Query].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Query>
        where Self: ::planus::WriteAsOffset<Query>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsDefault<self::Scope, self::Scope>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T3: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T4: ::planus::WriteAsDefault<u32, u32>,
    
> ::planus::WriteAs<::planus::Offset<Query>> for QueryBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    type Prepared = ::planus::Offset<Query>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Query> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsDefault<self::Scope, self::Scope>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T3: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T4: ::planus::WriteAsDefault<u32, u32>,
    
> ::planus::WriteAsOptional<::planus::Offset<Query>> for QueryBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    type Prepared = ::planus::Offset<Query>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Query>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsDefault<self::Scope, self::Scope>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T3: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T4: ::planus::WriteAsDefault<u32, u32>,
    
> ::planus::WriteAsOffset<Query> for QueryBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Query> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        ) = &self.0;Query::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        )
    }
}

/// Reference to a deserialized [Query].
#[derive(Copy, Clone)]
pub struct QueryRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> QueryRef<'a> {
    
        /// Getter for the [`namespace_path` field](Query#structfield.namespace_path).
        #[inline]
        pub fn namespace_path(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "Query", "namespace_path")
              
            
            
            
        }
    
        /// Getter for the [`scope` field](Query#structfield.scope).
        #[inline]
        pub fn scope(&self) -> ::planus::Result<self::Scope> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(1, "Query", "scope")
              
            
            ?.unwrap_or(self::Scope::Children))
            
        }
    
        /// Getter for the [`kind` field](Query#structfield.kind).
        #[inline]
        pub fn kind(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(2, "Query", "kind")
              
            
            
            
        }
    
        /// Getter for the [`selector` field](Query#structfield.selector).
        #[inline]
        pub fn selector(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(3, "Query", "selector")
              
            
            
            
        }
    
        /// Getter for the [`page_size` field](Query#structfield.page_size).
        #[inline]
        pub fn page_size(&self) -> ::planus::Result<u32> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(4, "Query", "page_size")
              
            
            ?.unwrap_or(0))
            
        }
    
}

impl<'a> ::core::fmt::Debug for QueryRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("QueryRef");
        f.field("namespace_path", &self.namespace_path());f.field("scope", &self.scope());if let ::core::option::Option::Some(field_kind) = self.kind().transpose() {
                f.field("kind", &field_kind);
            }if let ::core::option::Option::Some(field_selector) = self.selector().transpose() {
                f.field("selector", &field_selector);
            }f.field("page_size", &self.page_size());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<QueryRef<'a>> for Query {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: QueryRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            namespace_path: ::core::convert::Into::into(value.namespace_path()?),scope: ::core::convert::TryInto::try_into(value.scope()?)?,kind: 
                                value.kind()?.map(::core::convert::Into::into)
                            ,selector: 
                                value.selector()?.map(::core::convert::Into::into)
                            ,page_size: ::core::convert::TryInto::try_into(value.page_size()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for QueryRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for QueryRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[QueryRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Query>> for Query {
    type Value = ::planus::Offset<Query>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Query>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for QueryRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[QueryRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  What failed. Values are fixed forever; a new code takes a new value and comes with a new
///  protocol version, so a peer only meets the codes of the version it negotiated.
/// 
/// Generated from these locations:
/// * Enum `ErrorCode` in the file `bindings/schema/error.fbs:10`
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]#[repr(u16)]pub enum ErrorCode {
    
        ///  A failure the client cannot act on (IO, corruption, configuration): see `message`.
        Internal = 0,
    
        ///  The input breaks a rule or a limit; nothing was written. Fix the input.
        InvalidInput = 1,
    
        ///  The query breaks a rule or a limit; nothing was read.
        InvalidQuery = 2,
    
        ///  The continuation token is damaged or belongs to another query; start the query again.
        InvalidToken = 3,
    
        ///  The subscription pattern breaks a rule; nothing was subscribed.
        InvalidPattern = 4,
    
        ///  A condition of the batch did not hold (`ConflictDetail`); nothing was written.
        Conflict = 10,
    
        ///  A command filter refused the batch, or the permission rules a read (`RejectionDetail`);
        ///  nothing was written or read.
        Rejected = 11,
    
        ///  The batch names namespaces of different shards (`SpansShardsDetail`); split it.
        BatchSpansShards = 12,
    
        ///  A shard's queue is full (`OverloadedDetail`); nothing was queued. Retry later.
        Overloaded = 20,
    
        ///  A shard is down until the node restarts (`ShardDetail`). A write so answered was not
        ///  acknowledged; its outcome is decided by recovery.
        ShardDown = 21,
    
        ///  A shard or the node cannot serve now (its log failed, it is shutting down); `ShardDetail`
        ///  when one shard is named. Retry elsewhere or later.
        Unavailable = 22,
    
        ///  The position asked for is no longer (or not yet) held (`CompactedDetail`): list again at
        ///  `current`, then follow from there.
        Compacted = 30,
    
        ///  A frame or message broke the protocol (bad frame header, bad FlatBuffer, missing field, a
        ///  message not allowed on this stream). The connection or stream is closed.
        Malformed = 40,
    
        ///  A frame's length is over the receiver's limit. The connection is closed.
        FrameTooLarge = 41,
    
        ///  No protocol version is common to both ends.
        UnsupportedVersion = 42,
    
        ///  A message other than the handshake arrived before the handshake ended.
        Unauthenticated = 43,
    
        ///  The handshake's proof is wrong: the peer does not know the cluster key.
        AuthenticationFailed = 44,
    
        ///  The message belongs to a family this node does not serve yet (intents, node-commands).
        NotImplemented = 45,
    
}

impl ErrorCode {
    /// Array containing all valid variants of ErrorCode
    pub const ENUM_VALUES: [Self; 18] = [Self::Internal,Self::InvalidInput,Self::InvalidQuery,Self::InvalidToken,Self::InvalidPattern,Self::Conflict,Self::Rejected,Self::BatchSpansShards,Self::Overloaded,Self::ShardDown,Self::Unavailable,Self::Compacted,Self::Malformed,Self::FrameTooLarge,Self::UnsupportedVersion,Self::Unauthenticated,Self::AuthenticationFailed,Self::NotImplemented,];
}

impl ::core::convert::TryFrom<u16> for ErrorCode {
    type Error = ::planus::errors::UnknownEnumTagKind;
    #[inline]
    fn try_from(value: u16) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTagKind> {
        #[allow(clippy::match_single_binding)]
        match value {
            0 => ::core::result::Result::Ok(ErrorCode::Internal),
            1 => ::core::result::Result::Ok(ErrorCode::InvalidInput),
            2 => ::core::result::Result::Ok(ErrorCode::InvalidQuery),
            3 => ::core::result::Result::Ok(ErrorCode::InvalidToken),
            4 => ::core::result::Result::Ok(ErrorCode::InvalidPattern),
            10 => ::core::result::Result::Ok(ErrorCode::Conflict),
            11 => ::core::result::Result::Ok(ErrorCode::Rejected),
            12 => ::core::result::Result::Ok(ErrorCode::BatchSpansShards),
            20 => ::core::result::Result::Ok(ErrorCode::Overloaded),
            21 => ::core::result::Result::Ok(ErrorCode::ShardDown),
            22 => ::core::result::Result::Ok(ErrorCode::Unavailable),
            30 => ::core::result::Result::Ok(ErrorCode::Compacted),
            40 => ::core::result::Result::Ok(ErrorCode::Malformed),
            41 => ::core::result::Result::Ok(ErrorCode::FrameTooLarge),
            42 => ::core::result::Result::Ok(ErrorCode::UnsupportedVersion),
            43 => ::core::result::Result::Ok(ErrorCode::Unauthenticated),
            44 => ::core::result::Result::Ok(ErrorCode::AuthenticationFailed),
            45 => ::core::result::Result::Ok(ErrorCode::NotImplemented),
            

            _ => ::core::result::Result::Err(::planus::errors::UnknownEnumTagKind { tag: value as i128 }),
        }
    }
}

impl ::core::convert::From<ErrorCode> for u16 {
    #[inline]
    fn from(value: ErrorCode) -> Self {
        value as u16
    }
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for ErrorCode {
    const ALIGNMENT: usize = 2;
    const SIZE: usize = 2;
}

impl ::planus::WriteAsPrimitive<ErrorCode> for ErrorCode {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        (*self as u16).write(cursor, buffer_position);
    }
}

impl ::planus::WriteAs<ErrorCode> for ErrorCode {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ErrorCode {
        *self
    }
}

impl ::planus::WriteAsDefault<ErrorCode, ErrorCode> for ErrorCode {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder, default: &ErrorCode) -> ::core::option::Option<ErrorCode> {
        if self == default {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(*self)
        }
    }
}

impl ::planus::WriteAsOptional<ErrorCode> for ErrorCode {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<ErrorCode> {
        ::core::option::Option::Some(*self)
    }
}

impl<'buf> ::planus::TableRead<'buf> for ErrorCode {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'buf>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let n: u16 = ::planus::TableRead::from_buffer(buffer, offset)?;
        ::core::result::Result::Ok(::core::convert::TryInto::try_into(n)?)
    }
}

impl<'buf> ::planus::VectorReadInner<'buf> for ErrorCode {
    type Error = ::planus::errors::UnknownEnumTag;
    const STRIDE: usize = 2;
    #[inline]
    unsafe fn from_buffer(
        buffer: ::planus::SliceWithStartOffset<'buf>,
        offset: usize,
    ) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTag> {let value = unsafe { <u16 as ::planus::VectorRead>::from_buffer(buffer, offset) };let value: ::core::result::Result<Self, _> = ::core::convert::TryInto::try_into(value);
        value.map_err(|error_kind| error_kind.with_error_location(
            "ErrorCode",
            "VectorRead::from_buffer",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<ErrorCode> for ErrorCode {
    const STRIDE: usize = 2;

    type Value = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Self],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 2];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - (2 * i) as u32,
                
            );
        }
    }
}

    
///  Why a command's condition failed.
/// 
/// Generated from these locations:
/// * Enum `ConflictKind` in the file `bindings/schema/error.fbs:55`
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]#[repr(u8)]pub enum ConflictKind {
    
        ///  A create met an existing key (`revision` is its revision).
        AlreadyExists = 0,
    
        ///  An update or delete met an absent key.
        NotFound = 1,
    
        ///  The key's revision is `actual` (0: absent), the command expected `expected`.
        RevisionMismatch = 2,
    
}

impl ConflictKind {
    /// Array containing all valid variants of ConflictKind
    pub const ENUM_VALUES: [Self; 3] = [Self::AlreadyExists,Self::NotFound,Self::RevisionMismatch,];
}

impl ::core::convert::TryFrom<u8> for ConflictKind {
    type Error = ::planus::errors::UnknownEnumTagKind;
    #[inline]
    fn try_from(value: u8) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTagKind> {
        #[allow(clippy::match_single_binding)]
        match value {
            0 => ::core::result::Result::Ok(ConflictKind::AlreadyExists),
            1 => ::core::result::Result::Ok(ConflictKind::NotFound),
            2 => ::core::result::Result::Ok(ConflictKind::RevisionMismatch),
            

            _ => ::core::result::Result::Err(::planus::errors::UnknownEnumTagKind { tag: value as i128 }),
        }
    }
}

impl ::core::convert::From<ConflictKind> for u8 {
    #[inline]
    fn from(value: ConflictKind) -> Self {
        value as u8
    }
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for ConflictKind {
    const ALIGNMENT: usize = 1;
    const SIZE: usize = 1;
}

impl ::planus::WriteAsPrimitive<ConflictKind> for ConflictKind {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        (*self as u8).write(cursor, buffer_position);
    }
}

impl ::planus::WriteAs<ConflictKind> for ConflictKind {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ConflictKind {
        *self
    }
}

impl ::planus::WriteAsDefault<ConflictKind, ConflictKind> for ConflictKind {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder, default: &ConflictKind) -> ::core::option::Option<ConflictKind> {
        if self == default {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(*self)
        }
    }
}

impl ::planus::WriteAsOptional<ConflictKind> for ConflictKind {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<ConflictKind> {
        ::core::option::Option::Some(*self)
    }
}

impl<'buf> ::planus::TableRead<'buf> for ConflictKind {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'buf>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let n: u8 = ::planus::TableRead::from_buffer(buffer, offset)?;
        ::core::result::Result::Ok(::core::convert::TryInto::try_into(n)?)
    }
}

impl<'buf> ::planus::VectorReadInner<'buf> for ConflictKind {
    type Error = ::planus::errors::UnknownEnumTag;
    const STRIDE: usize = 1;
    #[inline]
    unsafe fn from_buffer(
        buffer: ::planus::SliceWithStartOffset<'buf>,
        offset: usize,
    ) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTag> {let value = unsafe { *buffer.buffer.get_unchecked(offset) };let value: ::core::result::Result<Self, _> = ::core::convert::TryInto::try_into(value);
        value.map_err(|error_kind| error_kind.with_error_location(
            "ConflictKind",
            "VectorRead::from_buffer",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<ConflictKind> for ConflictKind {
    const STRIDE: usize = 1;

    type Value = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Self],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 1];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - i as u32,
                
            );
        }
    }
}

    
/// The table `ConflictDetail` in the namespace `aorta.wire`
/// 
/// Generated from these locations:
/// * Table `ConflictDetail` in the file `bindings/schema/error.fbs:64`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct ConflictDetail{
    
        /// The field `command_index` in the table `ConflictDetail`
        pub command_index: u32,
        /// The field `key` in the table `ConflictDetail`
        pub key: ::planus::alloc::string::String,
        /// The field `kind` in the table `ConflictDetail`
        pub kind: self::ConflictKind,
        ///  `AlreadyExists`: the existing revision.
        pub revision: u64,
        ///  `RevisionMismatch`: what the command expected and what the key has.
        pub expected: u64,
        /// The field `actual` in the table `ConflictDetail`
        pub actual: u64,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for ConflictDetail {
    fn default() -> Self {
        Self {
        command_index: 0,
        key: ::core::default::Default::default(),
        kind: self::ConflictKind::AlreadyExists,
        revision: 0,
        expected: 0,
        actual: 0,
        
        }
    }
}


impl ConflictDetail {
    /// Creates a [ConflictDetailBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> ConflictDetailBuilder<()> {
        ConflictDetailBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_command_index: impl ::planus::WriteAsDefault<u32, u32>,
        field_key: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_kind: impl ::planus::WriteAsDefault<self::ConflictKind, self::ConflictKind>,
        field_revision: impl ::planus::WriteAsDefault<u64, u64>,
        field_expected: impl ::planus::WriteAsDefault<u64, u64>,
        field_actual: impl ::planus::WriteAsDefault<u64, u64>,
        
    ) -> ::planus::Offset<Self> {let prepared_command_index = field_command_index.prepare(builder, &0);let prepared_key = field_key.prepare(builder);let prepared_kind = field_kind.prepare(builder, &self::ConflictKind::AlreadyExists);let prepared_revision = field_revision.prepare(builder, &0);let prepared_expected = field_expected.prepare(builder, &0);let prepared_actual = field_actual.prepare(builder, &0);

        let mut table_writer: ::planus::table_writer::TableWriter::<16> = ::core::default::Default::default();
        if prepared_revision.is_some() {table_writer.write_entry::<u64>(3);}if prepared_expected.is_some() {table_writer.write_entry::<u64>(4);}if prepared_actual.is_some() {table_writer.write_entry::<u64>(5);}if prepared_command_index.is_some() {table_writer.write_entry::<u32>(0);}table_writer.write_entry::<::planus::Offset<str>>(1);if prepared_kind.is_some() {table_writer.write_entry::<self::ConflictKind>(2);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_revision) = prepared_revision {object_writer.write::<_, _, 8>(&prepared_revision);}if let ::core::option::Option::Some(prepared_expected) = prepared_expected {object_writer.write::<_, _, 8>(&prepared_expected);}if let ::core::option::Option::Some(prepared_actual) = prepared_actual {object_writer.write::<_, _, 8>(&prepared_actual);}if let ::core::option::Option::Some(prepared_command_index) = prepared_command_index {object_writer.write::<_, _, 4>(&prepared_command_index);}object_writer.write::<_, _, 4>(&prepared_key);if let ::core::option::Option::Some(prepared_kind) = prepared_kind {object_writer.write::<_, _, 1>(&prepared_kind);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<ConflictDetail>> for ConflictDetail {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ConflictDetail> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<ConflictDetail>> for ConflictDetail {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<ConflictDetail>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<ConflictDetail> for ConflictDetail {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ConflictDetail> {
        ConflictDetail::create(
            builder,
        
            
            self.command_index,
            
        
            
            &self.key,
            
        
            
            self.kind,
            
        
            
            self.revision,
            
        
            
            self.expected,
            
        
            
            self.actual,
            
        
        )
    }
}

/// Builder for serializing an instance of the [ConflictDetail] type.
///
/// Can be created using the [ConflictDetail::builder] method.
#[derive(Debug)]
#[must_use]
pub struct ConflictDetailBuilder<State>(State);

impl<
    
> ConflictDetailBuilder
<
    (
    
    )
>
{
    /// Setter for the [`command_index` field](ConflictDetail#structfield.command_index).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn command_index<T0>(self, value: T0) -> ConflictDetailBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u32, u32>
    {
        ConflictDetailBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`command_index` field](ConflictDetail#structfield.command_index) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn command_index_as_default(self) -> ConflictDetailBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.command_index(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> ConflictDetailBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`key` field](ConflictDetail#structfield.key).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn key<T1>(self, value: T1) -> ConflictDetailBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;ConflictDetailBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
> ConflictDetailBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`kind` field](ConflictDetail#structfield.kind).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn kind<T2>(self, value: T2) -> ConflictDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsDefault<self::ConflictKind, self::ConflictKind>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;ConflictDetailBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    
    /// Sets the [`kind` field](ConflictDetail#structfield.kind) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn kind_as_default(self) -> ConflictDetailBuilder<(
        
            T0,
        
            T1,
        
        ::planus::DefaultValue,
    )>
    {
        self.kind(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> ConflictDetailBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`revision` field](ConflictDetail#structfield.revision).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn revision<T3>(self, value: T3) -> ConflictDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;ConflictDetailBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    
    /// Sets the [`revision` field](ConflictDetail#structfield.revision) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn revision_as_default(self) -> ConflictDetailBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
        ::planus::DefaultValue,
    )>
    {
        self.revision(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> ConflictDetailBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )
>
{
    /// Setter for the [`expected` field](ConflictDetail#structfield.expected).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn expected<T4>(self, value: T4) -> ConflictDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )>
    where T4: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = self.0;ConflictDetailBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
            value,
        ))
    }

    
    /// Sets the [`expected` field](ConflictDetail#structfield.expected) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn expected_as_default(self) -> ConflictDetailBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
        ::planus::DefaultValue,
    )>
    {
        self.expected(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
> ConflictDetailBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )
>
{
    /// Setter for the [`actual` field](ConflictDetail#structfield.actual).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn actual<T5>(self, value: T5) -> ConflictDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
    )>
    where T5: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        ) = self.0;ConflictDetailBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
            value,
        ))
    }

    
    /// Sets the [`actual` field](ConflictDetail#structfield.actual) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn actual_as_default(self) -> ConflictDetailBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
        ::planus::DefaultValue,
    )>
    {
        self.actual(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
> ConflictDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [ConflictDetail].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<ConflictDetail>
        where Self: ::planus::WriteAsOffset<ConflictDetail>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u32, u32>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsDefault<self::ConflictKind, self::ConflictKind>,
    
        T3: ::planus::WriteAsDefault<u64, u64>,
    
        T4: ::planus::WriteAsDefault<u64, u64>,
    
        T5: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAs<::planus::Offset<ConflictDetail>> for ConflictDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
)> {
    type Prepared = ::planus::Offset<ConflictDetail>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ConflictDetail> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u32, u32>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsDefault<self::ConflictKind, self::ConflictKind>,
    
        T3: ::planus::WriteAsDefault<u64, u64>,
    
        T4: ::planus::WriteAsDefault<u64, u64>,
    
        T5: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOptional<::planus::Offset<ConflictDetail>> for ConflictDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
)> {
    type Prepared = ::planus::Offset<ConflictDetail>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<ConflictDetail>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u32, u32>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsDefault<self::ConflictKind, self::ConflictKind>,
    
        T3: ::planus::WriteAsDefault<u64, u64>,
    
        T4: ::planus::WriteAsDefault<u64, u64>,
    
        T5: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOffset<ConflictDetail> for ConflictDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ConflictDetail> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
        ) = &self.0;ConflictDetail::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
        )
    }
}

/// Reference to a deserialized [ConflictDetail].
#[derive(Copy, Clone)]
pub struct ConflictDetailRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> ConflictDetailRef<'a> {
    
        /// Getter for the [`command_index` field](ConflictDetail#structfield.command_index).
        #[inline]
        pub fn command_index(&self) -> ::planus::Result<u32> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "ConflictDetail", "command_index")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`key` field](ConflictDetail#structfield.key).
        #[inline]
        pub fn key(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(1, "ConflictDetail", "key")
              
            
            
            
        }
    
        /// Getter for the [`kind` field](ConflictDetail#structfield.kind).
        #[inline]
        pub fn kind(&self) -> ::planus::Result<self::ConflictKind> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(2, "ConflictDetail", "kind")
              
            
            ?.unwrap_or(self::ConflictKind::AlreadyExists))
            
        }
    
        /// Getter for the [`revision` field](ConflictDetail#structfield.revision).
        #[inline]
        pub fn revision(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(3, "ConflictDetail", "revision")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`expected` field](ConflictDetail#structfield.expected).
        #[inline]
        pub fn expected(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(4, "ConflictDetail", "expected")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`actual` field](ConflictDetail#structfield.actual).
        #[inline]
        pub fn actual(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(5, "ConflictDetail", "actual")
              
            
            ?.unwrap_or(0))
            
        }
    
}

impl<'a> ::core::fmt::Debug for ConflictDetailRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("ConflictDetailRef");
        f.field("command_index", &self.command_index());f.field("key", &self.key());f.field("kind", &self.kind());f.field("revision", &self.revision());f.field("expected", &self.expected());f.field("actual", &self.actual());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<ConflictDetailRef<'a>> for ConflictDetail {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: ConflictDetailRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            command_index: ::core::convert::TryInto::try_into(value.command_index()?)?,key: ::core::convert::Into::into(value.key()?),kind: ::core::convert::TryInto::try_into(value.kind()?)?,revision: ::core::convert::TryInto::try_into(value.revision()?)?,expected: ::core::convert::TryInto::try_into(value.expected()?)?,actual: ::core::convert::TryInto::try_into(value.actual()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for ConflictDetailRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for ConflictDetailRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[ConflictDetailRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<ConflictDetail>> for ConflictDetail {
    type Value = ::planus::Offset<ConflictDetail>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<ConflictDetail>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for ConflictDetailRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[ConflictDetailRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  What a filter's rule names an action.
/// 
/// Generated from these locations:
/// * Enum `CommandAction` in the file `bindings/schema/error.fbs:76`
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]#[repr(u8)]pub enum CommandAction {
    
        /// The variant `Create` in the enum `CommandAction`
        Create = 0,
    
        /// The variant `Update` in the enum `CommandAction`
        Update = 1,
    
        /// The variant `Delete` in the enum `CommandAction`
        Delete = 2,
    
}

impl CommandAction {
    /// Array containing all valid variants of CommandAction
    pub const ENUM_VALUES: [Self; 3] = [Self::Create,Self::Update,Self::Delete,];
}

impl ::core::convert::TryFrom<u8> for CommandAction {
    type Error = ::planus::errors::UnknownEnumTagKind;
    #[inline]
    fn try_from(value: u8) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTagKind> {
        #[allow(clippy::match_single_binding)]
        match value {
            0 => ::core::result::Result::Ok(CommandAction::Create),
            1 => ::core::result::Result::Ok(CommandAction::Update),
            2 => ::core::result::Result::Ok(CommandAction::Delete),
            

            _ => ::core::result::Result::Err(::planus::errors::UnknownEnumTagKind { tag: value as i128 }),
        }
    }
}

impl ::core::convert::From<CommandAction> for u8 {
    #[inline]
    fn from(value: CommandAction) -> Self {
        value as u8
    }
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for CommandAction {
    const ALIGNMENT: usize = 1;
    const SIZE: usize = 1;
}

impl ::planus::WriteAsPrimitive<CommandAction> for CommandAction {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        (*self as u8).write(cursor, buffer_position);
    }
}

impl ::planus::WriteAs<CommandAction> for CommandAction {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> CommandAction {
        *self
    }
}

impl ::planus::WriteAsDefault<CommandAction, CommandAction> for CommandAction {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder, default: &CommandAction) -> ::core::option::Option<CommandAction> {
        if self == default {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(*self)
        }
    }
}

impl ::planus::WriteAsOptional<CommandAction> for CommandAction {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<CommandAction> {
        ::core::option::Option::Some(*self)
    }
}

impl<'buf> ::planus::TableRead<'buf> for CommandAction {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'buf>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let n: u8 = ::planus::TableRead::from_buffer(buffer, offset)?;
        ::core::result::Result::Ok(::core::convert::TryInto::try_into(n)?)
    }
}

impl<'buf> ::planus::VectorReadInner<'buf> for CommandAction {
    type Error = ::planus::errors::UnknownEnumTag;
    const STRIDE: usize = 1;
    #[inline]
    unsafe fn from_buffer(
        buffer: ::planus::SliceWithStartOffset<'buf>,
        offset: usize,
    ) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTag> {let value = unsafe { *buffer.buffer.get_unchecked(offset) };let value: ::core::result::Result<Self, _> = ::core::convert::TryInto::try_into(value);
        value.map_err(|error_kind| error_kind.with_error_location(
            "CommandAction",
            "VectorRead::from_buffer",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<CommandAction> for CommandAction {
    const STRIDE: usize = 1;

    type Value = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Self],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 1];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - i as u32,
                
            );
        }
    }
}

    
///  A deny rule matched (`rule` names it), or no allow rule did (`rule` absent).
/// 
/// Generated from these locations:
/// * Table `Denied` in the file `bindings/schema/error.fbs:83`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Denied{
    
        /// The field `principal` in the table `Denied`
        pub principal: ::planus::alloc::string::String,
        ///  The command's action; meaningless when `read` is true.
        pub action: self::CommandAction,
        /// The field `namespace_path` in the table `Denied`
        pub namespace_path: ::planus::alloc::string::String,
        ///  The resource's type; `*` when a read of a whole namespace or subtree was refused.
        pub kind: ::planus::alloc::string::String,
        /// The field `rule` in the table `Denied`
        pub rule: ::core::option::Option<::planus::alloc::string::String>,
        ///  The refused action is a read (a get, a list, a subscription): `RejectionDetail.key` is what
        ///  was asked (a key, a namespace, an id), `action` is to be ignored. An optional field, so
        ///  that it could come within version 1 (older readers skip it; `CommandAction` could not take
        ///  a new value without a new protocol version).
        pub read: bool,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Denied {
    fn default() -> Self {
        Self {
        principal: ::core::default::Default::default(),
        action: self::CommandAction::Create,
        namespace_path: ::core::default::Default::default(),
        kind: ::core::default::Default::default(),
        rule: ::core::default::Default::default(),
        read: false,
        
        }
    }
}


impl Denied {
    /// Creates a [DeniedBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> DeniedBuilder<()> {
        DeniedBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_principal: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_action: impl ::planus::WriteAsDefault<self::CommandAction, self::CommandAction>,
        field_namespace_path: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_kind: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_rule: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        field_read: impl ::planus::WriteAsDefault<bool, bool>,
        
    ) -> ::planus::Offset<Self> {let prepared_principal = field_principal.prepare(builder);let prepared_action = field_action.prepare(builder, &self::CommandAction::Create);let prepared_namespace_path = field_namespace_path.prepare(builder);let prepared_kind = field_kind.prepare(builder);let prepared_rule = field_rule.prepare(builder);let prepared_read = field_read.prepare(builder, &false);

        let mut table_writer: ::planus::table_writer::TableWriter::<16> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);table_writer.write_entry::<::planus::Offset<str>>(2);table_writer.write_entry::<::planus::Offset<str>>(3);if prepared_rule.is_some() {table_writer.write_entry::<::planus::Offset<str>>(4);}if prepared_action.is_some() {table_writer.write_entry::<self::CommandAction>(1);}if prepared_read.is_some() {table_writer.write_entry::<bool>(5);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_principal);object_writer.write::<_, _, 4>(&prepared_namespace_path);object_writer.write::<_, _, 4>(&prepared_kind);if let ::core::option::Option::Some(prepared_rule) = prepared_rule {object_writer.write::<_, _, 4>(&prepared_rule);}if let ::core::option::Option::Some(prepared_action) = prepared_action {object_writer.write::<_, _, 1>(&prepared_action);}if let ::core::option::Option::Some(prepared_read) = prepared_read {object_writer.write::<_, _, 1>(&prepared_read);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Denied>> for Denied {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Denied> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Denied>> for Denied {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Denied>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Denied> for Denied {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Denied> {
        Denied::create(
            builder,
        
            
            &self.principal,
            
        
            
            self.action,
            
        
            
            &self.namespace_path,
            
        
            
            &self.kind,
            
        
            
            &self.rule,
            
        
            
            self.read,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Denied] type.
///
/// Can be created using the [Denied::builder] method.
#[derive(Debug)]
#[must_use]
pub struct DeniedBuilder<State>(State);

impl<
    
> DeniedBuilder
<
    (
    
    )
>
{
    /// Setter for the [`principal` field](Denied#structfield.principal).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn principal<T0>(self, value: T0) -> DeniedBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        DeniedBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> DeniedBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`action` field](Denied#structfield.action).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn action<T1>(self, value: T1) -> DeniedBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsDefault<self::CommandAction, self::CommandAction>
    {
        
        let (
            
                v0,
            
        ) = self.0;DeniedBuilder((
            
                v0,
            
            value,
        ))
    }

    
    /// Sets the [`action` field](Denied#structfield.action) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn action_as_default(self) -> DeniedBuilder<(
        
            T0,
        
        ::planus::DefaultValue,
    )>
    {
        self.action(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
> DeniedBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`namespace_path` field](Denied#structfield.namespace_path).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn namespace_path<T2>(self, value: T2) -> DeniedBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;DeniedBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> DeniedBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`kind` field](Denied#structfield.kind).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn kind<T3>(self, value: T3) -> DeniedBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;DeniedBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> DeniedBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )
>
{
    /// Setter for the [`rule` field](Denied#structfield.rule).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn rule<T4>(self, value: T4) -> DeniedBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )>
    where T4: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = self.0;DeniedBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
            value,
        ))
    }

    

    
    /// Sets the [`rule` field](Denied#structfield.rule) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn rule_as_null(self) -> DeniedBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
        (),
    )>
    {
        self.rule(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
> DeniedBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )
>
{
    /// Setter for the [`read` field](Denied#structfield.read).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn read<T5>(self, value: T5) -> DeniedBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
    )>
    where T5: ::planus::WriteAsDefault<bool, bool>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        ) = self.0;DeniedBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
            value,
        ))
    }

    
    /// Sets the [`read` field](Denied#structfield.read) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn read_as_default(self) -> DeniedBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
        ::planus::DefaultValue,
    )>
    {
        self.read(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
> DeniedBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Denied].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Denied>
        where Self: ::planus::WriteAsOffset<Denied>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsDefault<self::CommandAction, self::CommandAction>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
        T3: ::planus::WriteAs<::planus::Offset<str>>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T5: ::planus::WriteAsDefault<bool, bool>,
    
> ::planus::WriteAs<::planus::Offset<Denied>> for DeniedBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
)> {
    type Prepared = ::planus::Offset<Denied>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Denied> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsDefault<self::CommandAction, self::CommandAction>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
        T3: ::planus::WriteAs<::planus::Offset<str>>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T5: ::planus::WriteAsDefault<bool, bool>,
    
> ::planus::WriteAsOptional<::planus::Offset<Denied>> for DeniedBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
)> {
    type Prepared = ::planus::Offset<Denied>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Denied>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsDefault<self::CommandAction, self::CommandAction>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
        T3: ::planus::WriteAs<::planus::Offset<str>>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T5: ::planus::WriteAsDefault<bool, bool>,
    
> ::planus::WriteAsOffset<Denied> for DeniedBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Denied> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
        ) = &self.0;Denied::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
        )
    }
}

/// Reference to a deserialized [Denied].
#[derive(Copy, Clone)]
pub struct DeniedRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> DeniedRef<'a> {
    
        /// Getter for the [`principal` field](Denied#structfield.principal).
        #[inline]
        pub fn principal(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "Denied", "principal")
              
            
            
            
        }
    
        /// Getter for the [`action` field](Denied#structfield.action).
        #[inline]
        pub fn action(&self) -> ::planus::Result<self::CommandAction> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(1, "Denied", "action")
              
            
            ?.unwrap_or(self::CommandAction::Create))
            
        }
    
        /// Getter for the [`namespace_path` field](Denied#structfield.namespace_path).
        #[inline]
        pub fn namespace_path(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(2, "Denied", "namespace_path")
              
            
            
            
        }
    
        /// Getter for the [`kind` field](Denied#structfield.kind).
        #[inline]
        pub fn kind(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(3, "Denied", "kind")
              
            
            
            
        }
    
        /// Getter for the [`rule` field](Denied#structfield.rule).
        #[inline]
        pub fn rule(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(4, "Denied", "rule")
              
            
            
            
        }
    
        /// Getter for the [`read` field](Denied#structfield.read).
        #[inline]
        pub fn read(&self) -> ::planus::Result<bool> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(5, "Denied", "read")
              
            
            ?.unwrap_or(false))
            
        }
    
}

impl<'a> ::core::fmt::Debug for DeniedRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("DeniedRef");
        f.field("principal", &self.principal());f.field("action", &self.action());f.field("namespace_path", &self.namespace_path());f.field("kind", &self.kind());if let ::core::option::Option::Some(field_rule) = self.rule().transpose() {
                f.field("rule", &field_rule);
            }f.field("read", &self.read());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<DeniedRef<'a>> for Denied {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: DeniedRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            principal: ::core::convert::Into::into(value.principal()?),action: ::core::convert::TryInto::try_into(value.action()?)?,namespace_path: ::core::convert::Into::into(value.namespace_path()?),kind: ::core::convert::Into::into(value.kind()?),rule: 
                                value.rule()?.map(::core::convert::Into::into)
                            ,read: ::core::convert::TryInto::try_into(value.read()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for DeniedRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for DeniedRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[DeniedRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Denied>> for Denied {
    type Value = ::planus::Offset<Denied>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Denied>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for DeniedRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[DeniedRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  The batch would take the subtree of `namespace` over the budget `budget`.
/// 
/// Generated from these locations:
/// * Table `OverBudget` in the file `bindings/schema/error.fbs:99`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct OverBudget{
    
        /// The field `budget` in the table `OverBudget`
        pub budget: ::planus::alloc::string::String,
        /// The field `namespace_path` in the table `OverBudget`
        pub namespace_path: ::planus::alloc::string::String,
        /// The field `used` in the table `OverBudget`
        pub used: self::Uint128,
        /// The field `limit` in the table `OverBudget`
        pub limit: u64,
        /// The field `asked` in the table `OverBudget`
        pub asked: self::Uint128,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for OverBudget {
    fn default() -> Self {
        Self {
        budget: ::core::default::Default::default(),
        namespace_path: ::core::default::Default::default(),
        used: ::core::default::Default::default(),
        limit: 0,
        asked: ::core::default::Default::default(),
        
        }
    }
}


impl OverBudget {
    /// Creates a [OverBudgetBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> OverBudgetBuilder<()> {
        OverBudgetBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_budget: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_namespace_path: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_used: impl ::planus::WriteAs<self::Uint128>,
        field_limit: impl ::planus::WriteAsDefault<u64, u64>,
        field_asked: impl ::planus::WriteAs<self::Uint128>,
        
    ) -> ::planus::Offset<Self> {let prepared_budget = field_budget.prepare(builder);let prepared_namespace_path = field_namespace_path.prepare(builder);let prepared_used = field_used.prepare(builder);let prepared_limit = field_limit.prepare(builder, &0);let prepared_asked = field_asked.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<14> = ::core::default::Default::default();
        table_writer.write_entry::<self::Uint128>(2);if prepared_limit.is_some() {table_writer.write_entry::<u64>(3);}table_writer.write_entry::<self::Uint128>(4);table_writer.write_entry::<::planus::Offset<str>>(0);table_writer.write_entry::<::planus::Offset<str>>(1);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 16>(&prepared_used);if let ::core::option::Option::Some(prepared_limit) = prepared_limit {object_writer.write::<_, _, 8>(&prepared_limit);}object_writer.write::<_, _, 16>(&prepared_asked);object_writer.write::<_, _, 4>(&prepared_budget);object_writer.write::<_, _, 4>(&prepared_namespace_path);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<OverBudget>> for OverBudget {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<OverBudget> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<OverBudget>> for OverBudget {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<OverBudget>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<OverBudget> for OverBudget {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<OverBudget> {
        OverBudget::create(
            builder,
        
            
            &self.budget,
            
        
            
            &self.namespace_path,
            
        
            
            self.used,
            
        
            
            self.limit,
            
        
            
            self.asked,
            
        
        )
    }
}

/// Builder for serializing an instance of the [OverBudget] type.
///
/// Can be created using the [OverBudget::builder] method.
#[derive(Debug)]
#[must_use]
pub struct OverBudgetBuilder<State>(State);

impl<
    
> OverBudgetBuilder
<
    (
    
    )
>
{
    /// Setter for the [`budget` field](OverBudget#structfield.budget).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn budget<T0>(self, value: T0) -> OverBudgetBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        OverBudgetBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> OverBudgetBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`namespace_path` field](OverBudget#structfield.namespace_path).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn namespace_path<T1>(self, value: T1) -> OverBudgetBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;OverBudgetBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
> OverBudgetBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`used` field](OverBudget#structfield.used).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn used<T2>(self, value: T2) -> OverBudgetBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAs<self::Uint128>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;OverBudgetBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> OverBudgetBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`limit` field](OverBudget#structfield.limit).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn limit<T3>(self, value: T3) -> OverBudgetBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;OverBudgetBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    
    /// Sets the [`limit` field](OverBudget#structfield.limit) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn limit_as_default(self) -> OverBudgetBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
        ::planus::DefaultValue,
    )>
    {
        self.limit(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> OverBudgetBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )
>
{
    /// Setter for the [`asked` field](OverBudget#structfield.asked).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn asked<T4>(self, value: T4) -> OverBudgetBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )>
    where T4: ::planus::WriteAs<self::Uint128>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = self.0;OverBudgetBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
> OverBudgetBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [OverBudget].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<OverBudget>
        where Self: ::planus::WriteAsOffset<OverBudget>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAs<self::Uint128>,
    
        T3: ::planus::WriteAsDefault<u64, u64>,
    
        T4: ::planus::WriteAs<self::Uint128>,
    
> ::planus::WriteAs<::planus::Offset<OverBudget>> for OverBudgetBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    type Prepared = ::planus::Offset<OverBudget>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<OverBudget> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAs<self::Uint128>,
    
        T3: ::planus::WriteAsDefault<u64, u64>,
    
        T4: ::planus::WriteAs<self::Uint128>,
    
> ::planus::WriteAsOptional<::planus::Offset<OverBudget>> for OverBudgetBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    type Prepared = ::planus::Offset<OverBudget>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<OverBudget>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAs<self::Uint128>,
    
        T3: ::planus::WriteAsDefault<u64, u64>,
    
        T4: ::planus::WriteAs<self::Uint128>,
    
> ::planus::WriteAsOffset<OverBudget> for OverBudgetBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<OverBudget> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        ) = &self.0;OverBudget::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        )
    }
}

/// Reference to a deserialized [OverBudget].
#[derive(Copy, Clone)]
pub struct OverBudgetRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> OverBudgetRef<'a> {
    
        /// Getter for the [`budget` field](OverBudget#structfield.budget).
        #[inline]
        pub fn budget(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "OverBudget", "budget")
              
            
            
            
        }
    
        /// Getter for the [`namespace_path` field](OverBudget#structfield.namespace_path).
        #[inline]
        pub fn namespace_path(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(1, "OverBudget", "namespace_path")
              
            
            
            
        }
    
        /// Getter for the [`used` field](OverBudget#structfield.used).
        #[inline]
        pub fn used(&self) -> ::planus::Result<self::Uint128Ref<'a>> {
            
            
              
              self.0.access_required(2, "OverBudget", "used")
              
            
            
            
        }
    
        /// Getter for the [`limit` field](OverBudget#structfield.limit).
        #[inline]
        pub fn limit(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(3, "OverBudget", "limit")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`asked` field](OverBudget#structfield.asked).
        #[inline]
        pub fn asked(&self) -> ::planus::Result<self::Uint128Ref<'a>> {
            
            
              
              self.0.access_required(4, "OverBudget", "asked")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for OverBudgetRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("OverBudgetRef");
        f.field("budget", &self.budget());f.field("namespace_path", &self.namespace_path());f.field("used", &self.used());f.field("limit", &self.limit());f.field("asked", &self.asked());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<OverBudgetRef<'a>> for OverBudget {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: OverBudgetRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            budget: ::core::convert::Into::into(value.budget()?),namespace_path: ::core::convert::Into::into(value.namespace_path()?),used: ::core::convert::Into::into(value.used()?),limit: ::core::convert::TryInto::try_into(value.limit()?)?,asked: ::core::convert::Into::into(value.asked()?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for OverBudgetRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for OverBudgetRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[OverBudgetRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<OverBudget>> for OverBudget {
    type Value = ::planus::Offset<OverBudget>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<OverBudget>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for OverBudgetRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[OverBudgetRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  The resource's data breaks the schema declared for its type.
/// 
/// Generated from these locations:
/// * Table `SchemaViolation` in the file `bindings/schema/error.fbs:108`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct SchemaViolation{
    
        /// The field `kind` in the table `SchemaViolation`
        pub kind: ::planus::alloc::string::String,
        /// The field `schema` in the table `SchemaViolation`
        pub schema: ::planus::alloc::string::String,
        /// The field `reason` in the table `SchemaViolation`
        pub reason: ::planus::alloc::string::String,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for SchemaViolation {
    fn default() -> Self {
        Self {
        kind: ::core::default::Default::default(),
        schema: ::core::default::Default::default(),
        reason: ::core::default::Default::default(),
        
        }
    }
}


impl SchemaViolation {
    /// Creates a [SchemaViolationBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> SchemaViolationBuilder<()> {
        SchemaViolationBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_kind: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_schema: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_reason: impl ::planus::WriteAs<::planus::Offset<str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_kind = field_kind.prepare(builder);let prepared_schema = field_schema.prepare(builder);let prepared_reason = field_reason.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);table_writer.write_entry::<::planus::Offset<str>>(1);table_writer.write_entry::<::planus::Offset<str>>(2);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_kind);object_writer.write::<_, _, 4>(&prepared_schema);object_writer.write::<_, _, 4>(&prepared_reason);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<SchemaViolation>> for SchemaViolation {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SchemaViolation> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<SchemaViolation>> for SchemaViolation {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SchemaViolation>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<SchemaViolation> for SchemaViolation {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SchemaViolation> {
        SchemaViolation::create(
            builder,
        
            
            &self.kind,
            
        
            
            &self.schema,
            
        
            
            &self.reason,
            
        
        )
    }
}

/// Builder for serializing an instance of the [SchemaViolation] type.
///
/// Can be created using the [SchemaViolation::builder] method.
#[derive(Debug)]
#[must_use]
pub struct SchemaViolationBuilder<State>(State);

impl<
    
> SchemaViolationBuilder
<
    (
    
    )
>
{
    /// Setter for the [`kind` field](SchemaViolation#structfield.kind).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn kind<T0>(self, value: T0) -> SchemaViolationBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        SchemaViolationBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> SchemaViolationBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`schema` field](SchemaViolation#structfield.schema).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn schema<T1>(self, value: T1) -> SchemaViolationBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;SchemaViolationBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
> SchemaViolationBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`reason` field](SchemaViolation#structfield.reason).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn reason<T2>(self, value: T2) -> SchemaViolationBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;SchemaViolationBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
> SchemaViolationBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [SchemaViolation].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<SchemaViolation>
        where Self: ::planus::WriteAsOffset<SchemaViolation>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAs<::planus::Offset<SchemaViolation>> for SchemaViolationBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<SchemaViolation>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SchemaViolation> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<SchemaViolation>> for SchemaViolationBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<SchemaViolation>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SchemaViolation>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOffset<SchemaViolation> for SchemaViolationBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SchemaViolation> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = &self.0;SchemaViolation::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
        )
    }
}

/// Reference to a deserialized [SchemaViolation].
#[derive(Copy, Clone)]
pub struct SchemaViolationRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> SchemaViolationRef<'a> {
    
        /// Getter for the [`kind` field](SchemaViolation#structfield.kind).
        #[inline]
        pub fn kind(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "SchemaViolation", "kind")
              
            
            
            
        }
    
        /// Getter for the [`schema` field](SchemaViolation#structfield.schema).
        #[inline]
        pub fn schema(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(1, "SchemaViolation", "schema")
              
            
            
            
        }
    
        /// Getter for the [`reason` field](SchemaViolation#structfield.reason).
        #[inline]
        pub fn reason(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(2, "SchemaViolation", "reason")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for SchemaViolationRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("SchemaViolationRef");
        f.field("kind", &self.kind());f.field("schema", &self.schema());f.field("reason", &self.reason());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<SchemaViolationRef<'a>> for SchemaViolation {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: SchemaViolationRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            kind: ::core::convert::Into::into(value.kind()?),schema: ::core::convert::Into::into(value.schema()?),reason: ::core::convert::Into::into(value.reason()?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for SchemaViolationRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for SchemaViolationRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[SchemaViolationRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<SchemaViolation>> for SchemaViolation {
    type Value = ::planus::Offset<SchemaViolation>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<SchemaViolation>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for SchemaViolationRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[SchemaViolationRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  A resource under the policy namespace is not a well-formed policy resource.
/// 
/// Generated from these locations:
/// * Table `InvalidPolicy` in the file `bindings/schema/error.fbs:115`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct InvalidPolicy{
    
        /// The field `reason` in the table `InvalidPolicy`
        pub reason: ::planus::alloc::string::String,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for InvalidPolicy {
    fn default() -> Self {
        Self {
        reason: ::core::default::Default::default(),
        
        }
    }
}


impl InvalidPolicy {
    /// Creates a [InvalidPolicyBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> InvalidPolicyBuilder<()> {
        InvalidPolicyBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_reason: impl ::planus::WriteAs<::planus::Offset<str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_reason = field_reason.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_reason);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<InvalidPolicy>> for InvalidPolicy {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<InvalidPolicy> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<InvalidPolicy>> for InvalidPolicy {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<InvalidPolicy>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<InvalidPolicy> for InvalidPolicy {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<InvalidPolicy> {
        InvalidPolicy::create(
            builder,
        
            
            &self.reason,
            
        
        )
    }
}

/// Builder for serializing an instance of the [InvalidPolicy] type.
///
/// Can be created using the [InvalidPolicy::builder] method.
#[derive(Debug)]
#[must_use]
pub struct InvalidPolicyBuilder<State>(State);

impl<
    
> InvalidPolicyBuilder
<
    (
    
    )
>
{
    /// Setter for the [`reason` field](InvalidPolicy#structfield.reason).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn reason<T0>(self, value: T0) -> InvalidPolicyBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        InvalidPolicyBuilder((
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
> InvalidPolicyBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [InvalidPolicy].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<InvalidPolicy>
        where Self: ::planus::WriteAsOffset<InvalidPolicy>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAs<::planus::Offset<InvalidPolicy>> for InvalidPolicyBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<InvalidPolicy>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<InvalidPolicy> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<InvalidPolicy>> for InvalidPolicyBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<InvalidPolicy>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<InvalidPolicy>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOffset<InvalidPolicy> for InvalidPolicyBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<InvalidPolicy> {
        
        let (
            
                v0,
            
        ) = &self.0;InvalidPolicy::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [InvalidPolicy].
#[derive(Copy, Clone)]
pub struct InvalidPolicyRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> InvalidPolicyRef<'a> {
    
        /// Getter for the [`reason` field](InvalidPolicy#structfield.reason).
        #[inline]
        pub fn reason(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "InvalidPolicy", "reason")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for InvalidPolicyRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("InvalidPolicyRef");
        f.field("reason", &self.reason());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<InvalidPolicyRef<'a>> for InvalidPolicy {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: InvalidPolicyRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            reason: ::core::convert::Into::into(value.reason()?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for InvalidPolicyRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for InvalidPolicyRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[InvalidPolicyRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<InvalidPolicy>> for InvalidPolicy {
    type Value = ::planus::Offset<InvalidPolicy>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<InvalidPolicy>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for InvalidPolicyRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[InvalidPolicyRef]",
            "read_as_root",
            0,
        ))
    }
}

    
/// The union `Rejection` in the namespace `aorta.wire`
/// 
/// Generated from these locations:
/// * Union `Rejection` in the file `bindings/schema/error.fbs:119`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize)]
pub enum Rejection{
    
        /// The variant of type `Denied` in the union `Rejection`
        Denied(::planus::alloc::boxed::Box<self::Denied>),
    
        /// The variant of type `OverBudget` in the union `Rejection`
        OverBudget(::planus::alloc::boxed::Box<self::OverBudget>),
    
        /// The variant of type `SchemaViolation` in the union `Rejection`
        SchemaViolation(::planus::alloc::boxed::Box<self::SchemaViolation>),
    
        /// The variant of type `InvalidPolicy` in the union `Rejection`
        InvalidPolicy(::planus::alloc::boxed::Box<self::InvalidPolicy>),
    
}


impl Rejection {
    /// Creates a [RejectionBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> RejectionBuilder<::planus::Uninitialized> {
        RejectionBuilder(::planus::Uninitialized)
    }

    #[inline]
    pub fn create_denied(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Denied>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(1, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_over_budget(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::OverBudget>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(2, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_schema_violation(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::SchemaViolation>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(3, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_invalid_policy(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::InvalidPolicy>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(4, value.prepare(builder).downcast())
    }

    
}



impl ::planus::WriteAsUnion<Rejection> for Rejection {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Self> {
        match self {
            Self::Denied(value) => Self::create_denied(builder, value),
            Self::OverBudget(value) => Self::create_over_budget(builder, value),
            Self::SchemaViolation(value) => Self::create_schema_violation(builder, value),
            Self::InvalidPolicy(value) => Self::create_invalid_policy(builder, value),
            
        }
    }
}


impl ::planus::WriteAsOptionalUnion<Rejection> for Rejection {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Self>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}

/// Builder for serializing an instance of the [Rejection] type.
///
/// Can be created using the [Rejection::builder] method.
#[derive(Debug)]
#[must_use]
pub struct RejectionBuilder<T>(T);

impl RejectionBuilder<::planus::Uninitialized> {
    /// Creates an instance of the [`Denied` variant](Rejection#variant.Denied).
    #[inline]
    pub fn denied<T>(
        self,
        value: T,
    ) -> RejectionBuilder<::planus::Initialized<1, T>>
        where T: ::planus::WriteAsOffset<self::Denied> {
        RejectionBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`OverBudget` variant](Rejection#variant.OverBudget).
    #[inline]
    pub fn over_budget<T>(
        self,
        value: T,
    ) -> RejectionBuilder<::planus::Initialized<2, T>>
        where T: ::planus::WriteAsOffset<self::OverBudget> {
        RejectionBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`SchemaViolation` variant](Rejection#variant.SchemaViolation).
    #[inline]
    pub fn schema_violation<T>(
        self,
        value: T,
    ) -> RejectionBuilder<::planus::Initialized<3, T>>
        where T: ::planus::WriteAsOffset<self::SchemaViolation> {
        RejectionBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`InvalidPolicy` variant](Rejection#variant.InvalidPolicy).
    #[inline]
    pub fn invalid_policy<T>(
        self,
        value: T,
    ) -> RejectionBuilder<::planus::Initialized<4, T>>
        where T: ::planus::WriteAsOffset<self::InvalidPolicy> {
        RejectionBuilder(::planus::Initialized(value))
    }

    
}

impl<const N: u8, T> RejectionBuilder<::planus::Initialized<N, T>> {
    /// Finish writing the builder to get an [UnionOffset](::planus::UnionOffset) to a serialized [Rejection].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Rejection>
        where Self: ::planus::WriteAsUnion<Rejection>
    {
        ::planus::WriteAsUnion::prepare(&self, builder)
    }
}

impl<T> ::planus::WriteAsUnion<Rejection> for RejectionBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::Denied>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Rejection> {
        ::planus::UnionOffset::new(1, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Rejection> for RejectionBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::Denied>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Rejection>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Rejection> for RejectionBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::OverBudget>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Rejection> {
        ::planus::UnionOffset::new(2, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Rejection> for RejectionBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::OverBudget>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Rejection>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Rejection> for RejectionBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::SchemaViolation>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Rejection> {
        ::planus::UnionOffset::new(3, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Rejection> for RejectionBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::SchemaViolation>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Rejection>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Rejection> for RejectionBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::InvalidPolicy>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Rejection> {
        ::planus::UnionOffset::new(4, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Rejection> for RejectionBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::InvalidPolicy>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Rejection>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}


/// Reference to a deserialized [Rejection].
#[derive(Copy, Clone, Debug)]
pub enum RejectionRef<'a>{
    Denied(self::DeniedRef<'a>),
    OverBudget(self::OverBudgetRef<'a>),
    SchemaViolation(self::SchemaViolationRef<'a>),
    InvalidPolicy(self::InvalidPolicyRef<'a>),
    
}


impl<'a> ::core::convert::TryFrom<RejectionRef<'a>> for Rejection {
    type Error = ::planus::Error;

    fn try_from(value: RejectionRef<'a>) -> ::planus::Result<Self> {
        ::core::result::Result::Ok(match value {
            
                RejectionRef::Denied(value) => Self::Denied(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                RejectionRef::OverBudget(value) => Self::OverBudget(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                RejectionRef::SchemaViolation(value) => Self::SchemaViolation(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                RejectionRef::InvalidPolicy(value) => Self::InvalidPolicy(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
        })
    }
}



impl<'a> ::planus::TableReadUnion<'a> for RejectionRef<'a> {
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, tag: u8, field_offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        match tag {
            1 => ::core::result::Result::Ok(Self::Denied(::planus::TableRead::from_buffer(buffer, field_offset)?)),2 => ::core::result::Result::Ok(Self::OverBudget(::planus::TableRead::from_buffer(buffer, field_offset)?)),3 => ::core::result::Result::Ok(Self::SchemaViolation(::planus::TableRead::from_buffer(buffer, field_offset)?)),4 => ::core::result::Result::Ok(Self::InvalidPolicy(::planus::TableRead::from_buffer(buffer, field_offset)?)),_ => ::core::result::Result::Err(::planus::errors::ErrorKind::UnknownUnionTag { tag }),
        }
    }
}



impl<'a> ::planus::VectorReadUnion<'a> for RejectionRef<'a> {
    const VECTOR_NAME: &'static str = "[RejectionRef]";
}


    
/// The table `RejectionDetail` in the namespace `aorta.wire`
/// 
/// Generated from these locations:
/// * Table `RejectionDetail` in the file `bindings/schema/error.fbs:126`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct RejectionDetail{
    
        ///  The filter that refused: `permission`, `validation` or `quota`.
        pub filter: ::planus::alloc::string::String,
        /// The field `command_index` in the table `RejectionDetail`
        pub command_index: u32,
        /// The field `key` in the table `RejectionDetail`
        pub key: ::planus::alloc::string::String,
        /// The field `reason` in the table `RejectionDetail`
        pub reason: self::Rejection,}



impl RejectionDetail {
    /// Creates a [RejectionDetailBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> RejectionDetailBuilder<()> {
        RejectionDetailBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_filter: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_command_index: impl ::planus::WriteAsDefault<u32, u32>,
        field_key: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_reason: impl ::planus::WriteAsUnion<self::Rejection>,
        
    ) -> ::planus::Offset<Self> {let prepared_filter = field_filter.prepare(builder);let prepared_command_index = field_command_index.prepare(builder, &0);let prepared_key = field_key.prepare(builder);let prepared_reason = field_reason.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<14> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);if prepared_command_index.is_some() {table_writer.write_entry::<u32>(1);}table_writer.write_entry::<::planus::Offset<str>>(2);table_writer.write_entry::<::planus::Offset<self::Rejection>>(4);table_writer.write_entry::<u8>(3);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_filter);if let ::core::option::Option::Some(prepared_command_index) = prepared_command_index {object_writer.write::<_, _, 4>(&prepared_command_index);}object_writer.write::<_, _, 4>(&prepared_key);object_writer.write::<_, _, 4>(&prepared_reason.offset());object_writer.write::<_, _, 1>(&prepared_reason.tag());
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<RejectionDetail>> for RejectionDetail {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<RejectionDetail> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<RejectionDetail>> for RejectionDetail {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<RejectionDetail>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<RejectionDetail> for RejectionDetail {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<RejectionDetail> {
        RejectionDetail::create(
            builder,
        
            
            &self.filter,
            
        
            
            self.command_index,
            
        
            
            &self.key,
            
        
            
            &self.reason,
            
        
        )
    }
}

/// Builder for serializing an instance of the [RejectionDetail] type.
///
/// Can be created using the [RejectionDetail::builder] method.
#[derive(Debug)]
#[must_use]
pub struct RejectionDetailBuilder<State>(State);

impl<
    
> RejectionDetailBuilder
<
    (
    
    )
>
{
    /// Setter for the [`filter` field](RejectionDetail#structfield.filter).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn filter<T0>(self, value: T0) -> RejectionDetailBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        RejectionDetailBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> RejectionDetailBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`command_index` field](RejectionDetail#structfield.command_index).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn command_index<T1>(self, value: T1) -> RejectionDetailBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsDefault<u32, u32>
    {
        
        let (
            
                v0,
            
        ) = self.0;RejectionDetailBuilder((
            
                v0,
            
            value,
        ))
    }

    
    /// Sets the [`command_index` field](RejectionDetail#structfield.command_index) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn command_index_as_default(self) -> RejectionDetailBuilder<(
        
            T0,
        
        ::planus::DefaultValue,
    )>
    {
        self.command_index(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
> RejectionDetailBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`key` field](RejectionDetail#structfield.key).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn key<T2>(self, value: T2) -> RejectionDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;RejectionDetailBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> RejectionDetailBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`reason` field](RejectionDetail#structfield.reason).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn reason<T3>(self, value: T3) -> RejectionDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAsUnion<self::Rejection>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;RejectionDetailBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> RejectionDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [RejectionDetail].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<RejectionDetail>
        where Self: ::planus::WriteAsOffset<RejectionDetail>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsDefault<u32, u32>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
        T3: ::planus::WriteAsUnion<self::Rejection>,
    
> ::planus::WriteAs<::planus::Offset<RejectionDetail>> for RejectionDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
)> {
    type Prepared = ::planus::Offset<RejectionDetail>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<RejectionDetail> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsDefault<u32, u32>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
        T3: ::planus::WriteAsUnion<self::Rejection>,
    
> ::planus::WriteAsOptional<::planus::Offset<RejectionDetail>> for RejectionDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
)> {
    type Prepared = ::planus::Offset<RejectionDetail>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<RejectionDetail>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsDefault<u32, u32>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
        T3: ::planus::WriteAsUnion<self::Rejection>,
    
> ::planus::WriteAsOffset<RejectionDetail> for RejectionDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<RejectionDetail> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = &self.0;RejectionDetail::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        )
    }
}

/// Reference to a deserialized [RejectionDetail].
#[derive(Copy, Clone)]
pub struct RejectionDetailRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> RejectionDetailRef<'a> {
    
        /// Getter for the [`filter` field](RejectionDetail#structfield.filter).
        #[inline]
        pub fn filter(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "RejectionDetail", "filter")
              
            
            
            
        }
    
        /// Getter for the [`command_index` field](RejectionDetail#structfield.command_index).
        #[inline]
        pub fn command_index(&self) -> ::planus::Result<u32> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(1, "RejectionDetail", "command_index")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`key` field](RejectionDetail#structfield.key).
        #[inline]
        pub fn key(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(2, "RejectionDetail", "key")
              
            
            
            
        }
    
        /// Getter for the [`reason` field](RejectionDetail#structfield.reason).
        #[inline]
        pub fn reason(&self) -> ::planus::Result<self::RejectionRef<'a>> {
            
            
              
              self.0.access_union_required(3, "RejectionDetail", "reason")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for RejectionDetailRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("RejectionDetailRef");
        f.field("filter", &self.filter());f.field("command_index", &self.command_index());f.field("key", &self.key());f.field("reason", &self.reason());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<RejectionDetailRef<'a>> for RejectionDetail {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: RejectionDetailRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            filter: ::core::convert::Into::into(value.filter()?),command_index: ::core::convert::TryInto::try_into(value.command_index()?)?,key: ::core::convert::Into::into(value.key()?),reason: ::core::convert::TryInto::try_into(value.reason()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for RejectionDetailRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for RejectionDetailRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[RejectionDetailRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<RejectionDetail>> for RejectionDetail {
    type Value = ::planus::Offset<RejectionDetail>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<RejectionDetail>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for RejectionDetailRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[RejectionDetailRef]",
            "read_as_root",
            0,
        ))
    }
}

    
/// The table `SpansShardsDetail` in the namespace `aorta.wire`
/// 
/// Generated from these locations:
/// * Table `SpansShardsDetail` in the file `bindings/schema/error.fbs:134`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct SpansShardsDetail{
    
        /// The field `first_shard` in the table `SpansShardsDetail`
        pub first_shard: u16,
        /// The field `other_shard` in the table `SpansShardsDetail`
        pub other_shard: u16,
        /// The field `first_namespace` in the table `SpansShardsDetail`
        pub first_namespace: ::planus::alloc::string::String,
        /// The field `other_namespace` in the table `SpansShardsDetail`
        pub other_namespace: ::planus::alloc::string::String,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for SpansShardsDetail {
    fn default() -> Self {
        Self {
        first_shard: 0,
        other_shard: 0,
        first_namespace: ::core::default::Default::default(),
        other_namespace: ::core::default::Default::default(),
        
        }
    }
}


impl SpansShardsDetail {
    /// Creates a [SpansShardsDetailBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> SpansShardsDetailBuilder<()> {
        SpansShardsDetailBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_first_shard: impl ::planus::WriteAsDefault<u16, u16>,
        field_other_shard: impl ::planus::WriteAsDefault<u16, u16>,
        field_first_namespace: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_other_namespace: impl ::planus::WriteAs<::planus::Offset<str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_first_shard = field_first_shard.prepare(builder, &0);let prepared_other_shard = field_other_shard.prepare(builder, &0);let prepared_first_namespace = field_first_namespace.prepare(builder);let prepared_other_namespace = field_other_namespace.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<12> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(2);table_writer.write_entry::<::planus::Offset<str>>(3);if prepared_first_shard.is_some() {table_writer.write_entry::<u16>(0);}if prepared_other_shard.is_some() {table_writer.write_entry::<u16>(1);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_first_namespace);object_writer.write::<_, _, 4>(&prepared_other_namespace);if let ::core::option::Option::Some(prepared_first_shard) = prepared_first_shard {object_writer.write::<_, _, 2>(&prepared_first_shard);}if let ::core::option::Option::Some(prepared_other_shard) = prepared_other_shard {object_writer.write::<_, _, 2>(&prepared_other_shard);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<SpansShardsDetail>> for SpansShardsDetail {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SpansShardsDetail> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<SpansShardsDetail>> for SpansShardsDetail {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SpansShardsDetail>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<SpansShardsDetail> for SpansShardsDetail {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SpansShardsDetail> {
        SpansShardsDetail::create(
            builder,
        
            
            self.first_shard,
            
        
            
            self.other_shard,
            
        
            
            &self.first_namespace,
            
        
            
            &self.other_namespace,
            
        
        )
    }
}

/// Builder for serializing an instance of the [SpansShardsDetail] type.
///
/// Can be created using the [SpansShardsDetail::builder] method.
#[derive(Debug)]
#[must_use]
pub struct SpansShardsDetailBuilder<State>(State);

impl<
    
> SpansShardsDetailBuilder
<
    (
    
    )
>
{
    /// Setter for the [`first_shard` field](SpansShardsDetail#structfield.first_shard).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn first_shard<T0>(self, value: T0) -> SpansShardsDetailBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u16, u16>
    {
        SpansShardsDetailBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`first_shard` field](SpansShardsDetail#structfield.first_shard) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn first_shard_as_default(self) -> SpansShardsDetailBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.first_shard(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> SpansShardsDetailBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`other_shard` field](SpansShardsDetail#structfield.other_shard).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn other_shard<T1>(self, value: T1) -> SpansShardsDetailBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsDefault<u16, u16>
    {
        
        let (
            
                v0,
            
        ) = self.0;SpansShardsDetailBuilder((
            
                v0,
            
            value,
        ))
    }

    
    /// Sets the [`other_shard` field](SpansShardsDetail#structfield.other_shard) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn other_shard_as_default(self) -> SpansShardsDetailBuilder<(
        
            T0,
        
        ::planus::DefaultValue,
    )>
    {
        self.other_shard(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
> SpansShardsDetailBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`first_namespace` field](SpansShardsDetail#structfield.first_namespace).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn first_namespace<T2>(self, value: T2) -> SpansShardsDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;SpansShardsDetailBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> SpansShardsDetailBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`other_namespace` field](SpansShardsDetail#structfield.other_namespace).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn other_namespace<T3>(self, value: T3) -> SpansShardsDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;SpansShardsDetailBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> SpansShardsDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [SpansShardsDetail].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<SpansShardsDetail>
        where Self: ::planus::WriteAsOffset<SpansShardsDetail>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAsDefault<u16, u16>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
        T3: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAs<::planus::Offset<SpansShardsDetail>> for SpansShardsDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
)> {
    type Prepared = ::planus::Offset<SpansShardsDetail>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SpansShardsDetail> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAsDefault<u16, u16>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
        T3: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<SpansShardsDetail>> for SpansShardsDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
)> {
    type Prepared = ::planus::Offset<SpansShardsDetail>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SpansShardsDetail>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAsDefault<u16, u16>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
        T3: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOffset<SpansShardsDetail> for SpansShardsDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SpansShardsDetail> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = &self.0;SpansShardsDetail::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        )
    }
}

/// Reference to a deserialized [SpansShardsDetail].
#[derive(Copy, Clone)]
pub struct SpansShardsDetailRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> SpansShardsDetailRef<'a> {
    
        /// Getter for the [`first_shard` field](SpansShardsDetail#structfield.first_shard).
        #[inline]
        pub fn first_shard(&self) -> ::planus::Result<u16> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "SpansShardsDetail", "first_shard")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`other_shard` field](SpansShardsDetail#structfield.other_shard).
        #[inline]
        pub fn other_shard(&self) -> ::planus::Result<u16> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(1, "SpansShardsDetail", "other_shard")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`first_namespace` field](SpansShardsDetail#structfield.first_namespace).
        #[inline]
        pub fn first_namespace(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(2, "SpansShardsDetail", "first_namespace")
              
            
            
            
        }
    
        /// Getter for the [`other_namespace` field](SpansShardsDetail#structfield.other_namespace).
        #[inline]
        pub fn other_namespace(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(3, "SpansShardsDetail", "other_namespace")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for SpansShardsDetailRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("SpansShardsDetailRef");
        f.field("first_shard", &self.first_shard());f.field("other_shard", &self.other_shard());f.field("first_namespace", &self.first_namespace());f.field("other_namespace", &self.other_namespace());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<SpansShardsDetailRef<'a>> for SpansShardsDetail {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: SpansShardsDetailRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            first_shard: ::core::convert::TryInto::try_into(value.first_shard()?)?,other_shard: ::core::convert::TryInto::try_into(value.other_shard()?)?,first_namespace: ::core::convert::Into::into(value.first_namespace()?),other_namespace: ::core::convert::Into::into(value.other_namespace()?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for SpansShardsDetailRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for SpansShardsDetailRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[SpansShardsDetailRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<SpansShardsDetail>> for SpansShardsDetail {
    type Value = ::planus::Offset<SpansShardsDetail>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<SpansShardsDetail>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for SpansShardsDetailRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[SpansShardsDetailRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Which of a shard's queue budgets is full.
/// 
/// Generated from these locations:
/// * Enum `QueueBudget` in the file `bindings/schema/error.fbs:142`
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]#[repr(u8)]pub enum QueueBudget {
    
        /// The variant `Requests` in the enum `QueueBudget`
        Requests = 0,
    
        /// The variant `Bytes` in the enum `QueueBudget`
        Bytes = 1,
    
}

impl QueueBudget {
    /// Array containing all valid variants of QueueBudget
    pub const ENUM_VALUES: [Self; 2] = [Self::Requests,Self::Bytes,];
}

impl ::core::convert::TryFrom<u8> for QueueBudget {
    type Error = ::planus::errors::UnknownEnumTagKind;
    #[inline]
    fn try_from(value: u8) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTagKind> {
        #[allow(clippy::match_single_binding)]
        match value {
            0 => ::core::result::Result::Ok(QueueBudget::Requests),
            1 => ::core::result::Result::Ok(QueueBudget::Bytes),
            

            _ => ::core::result::Result::Err(::planus::errors::UnknownEnumTagKind { tag: value as i128 }),
        }
    }
}

impl ::core::convert::From<QueueBudget> for u8 {
    #[inline]
    fn from(value: QueueBudget) -> Self {
        value as u8
    }
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for QueueBudget {
    const ALIGNMENT: usize = 1;
    const SIZE: usize = 1;
}

impl ::planus::WriteAsPrimitive<QueueBudget> for QueueBudget {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        (*self as u8).write(cursor, buffer_position);
    }
}

impl ::planus::WriteAs<QueueBudget> for QueueBudget {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> QueueBudget {
        *self
    }
}

impl ::planus::WriteAsDefault<QueueBudget, QueueBudget> for QueueBudget {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder, default: &QueueBudget) -> ::core::option::Option<QueueBudget> {
        if self == default {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(*self)
        }
    }
}

impl ::planus::WriteAsOptional<QueueBudget> for QueueBudget {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<QueueBudget> {
        ::core::option::Option::Some(*self)
    }
}

impl<'buf> ::planus::TableRead<'buf> for QueueBudget {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'buf>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let n: u8 = ::planus::TableRead::from_buffer(buffer, offset)?;
        ::core::result::Result::Ok(::core::convert::TryInto::try_into(n)?)
    }
}

impl<'buf> ::planus::VectorReadInner<'buf> for QueueBudget {
    type Error = ::planus::errors::UnknownEnumTag;
    const STRIDE: usize = 1;
    #[inline]
    unsafe fn from_buffer(
        buffer: ::planus::SliceWithStartOffset<'buf>,
        offset: usize,
    ) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTag> {let value = unsafe { *buffer.buffer.get_unchecked(offset) };let value: ::core::result::Result<Self, _> = ::core::convert::TryInto::try_into(value);
        value.map_err(|error_kind| error_kind.with_error_location(
            "QueueBudget",
            "VectorRead::from_buffer",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<QueueBudget> for QueueBudget {
    const STRIDE: usize = 1;

    type Value = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Self],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 1];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - i as u32,
                
            );
        }
    }
}

    
/// The table `OverloadedDetail` in the namespace `aorta.wire`
/// 
/// Generated from these locations:
/// * Table `OverloadedDetail` in the file `bindings/schema/error.fbs:147`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct OverloadedDetail{
    
        /// The field `shard` in the table `OverloadedDetail`
        pub shard: u16,
        /// The field `budget` in the table `OverloadedDetail`
        pub budget: self::QueueBudget,
        /// The field `queued` in the table `OverloadedDetail`
        pub queued: u64,
        /// The field `limit` in the table `OverloadedDetail`
        pub limit: u64,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for OverloadedDetail {
    fn default() -> Self {
        Self {
        shard: 0,
        budget: self::QueueBudget::Requests,
        queued: 0,
        limit: 0,
        
        }
    }
}


impl OverloadedDetail {
    /// Creates a [OverloadedDetailBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> OverloadedDetailBuilder<()> {
        OverloadedDetailBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_shard: impl ::planus::WriteAsDefault<u16, u16>,
        field_budget: impl ::planus::WriteAsDefault<self::QueueBudget, self::QueueBudget>,
        field_queued: impl ::planus::WriteAsDefault<u64, u64>,
        field_limit: impl ::planus::WriteAsDefault<u64, u64>,
        
    ) -> ::planus::Offset<Self> {let prepared_shard = field_shard.prepare(builder, &0);let prepared_budget = field_budget.prepare(builder, &self::QueueBudget::Requests);let prepared_queued = field_queued.prepare(builder, &0);let prepared_limit = field_limit.prepare(builder, &0);

        let mut table_writer: ::planus::table_writer::TableWriter::<12> = ::core::default::Default::default();
        if prepared_queued.is_some() {table_writer.write_entry::<u64>(2);}if prepared_limit.is_some() {table_writer.write_entry::<u64>(3);}if prepared_shard.is_some() {table_writer.write_entry::<u16>(0);}if prepared_budget.is_some() {table_writer.write_entry::<self::QueueBudget>(1);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_queued) = prepared_queued {object_writer.write::<_, _, 8>(&prepared_queued);}if let ::core::option::Option::Some(prepared_limit) = prepared_limit {object_writer.write::<_, _, 8>(&prepared_limit);}if let ::core::option::Option::Some(prepared_shard) = prepared_shard {object_writer.write::<_, _, 2>(&prepared_shard);}if let ::core::option::Option::Some(prepared_budget) = prepared_budget {object_writer.write::<_, _, 1>(&prepared_budget);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<OverloadedDetail>> for OverloadedDetail {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<OverloadedDetail> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<OverloadedDetail>> for OverloadedDetail {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<OverloadedDetail>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<OverloadedDetail> for OverloadedDetail {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<OverloadedDetail> {
        OverloadedDetail::create(
            builder,
        
            
            self.shard,
            
        
            
            self.budget,
            
        
            
            self.queued,
            
        
            
            self.limit,
            
        
        )
    }
}

/// Builder for serializing an instance of the [OverloadedDetail] type.
///
/// Can be created using the [OverloadedDetail::builder] method.
#[derive(Debug)]
#[must_use]
pub struct OverloadedDetailBuilder<State>(State);

impl<
    
> OverloadedDetailBuilder
<
    (
    
    )
>
{
    /// Setter for the [`shard` field](OverloadedDetail#structfield.shard).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn shard<T0>(self, value: T0) -> OverloadedDetailBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u16, u16>
    {
        OverloadedDetailBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`shard` field](OverloadedDetail#structfield.shard) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn shard_as_default(self) -> OverloadedDetailBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.shard(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> OverloadedDetailBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`budget` field](OverloadedDetail#structfield.budget).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn budget<T1>(self, value: T1) -> OverloadedDetailBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsDefault<self::QueueBudget, self::QueueBudget>
    {
        
        let (
            
                v0,
            
        ) = self.0;OverloadedDetailBuilder((
            
                v0,
            
            value,
        ))
    }

    
    /// Sets the [`budget` field](OverloadedDetail#structfield.budget) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn budget_as_default(self) -> OverloadedDetailBuilder<(
        
            T0,
        
        ::planus::DefaultValue,
    )>
    {
        self.budget(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
> OverloadedDetailBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`queued` field](OverloadedDetail#structfield.queued).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn queued<T2>(self, value: T2) -> OverloadedDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;OverloadedDetailBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    
    /// Sets the [`queued` field](OverloadedDetail#structfield.queued) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn queued_as_default(self) -> OverloadedDetailBuilder<(
        
            T0,
        
            T1,
        
        ::planus::DefaultValue,
    )>
    {
        self.queued(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> OverloadedDetailBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`limit` field](OverloadedDetail#structfield.limit).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn limit<T3>(self, value: T3) -> OverloadedDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;OverloadedDetailBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    
    /// Sets the [`limit` field](OverloadedDetail#structfield.limit) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn limit_as_default(self) -> OverloadedDetailBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
        ::planus::DefaultValue,
    )>
    {
        self.limit(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> OverloadedDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [OverloadedDetail].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<OverloadedDetail>
        where Self: ::planus::WriteAsOffset<OverloadedDetail>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAsDefault<self::QueueBudget, self::QueueBudget>,
    
        T2: ::planus::WriteAsDefault<u64, u64>,
    
        T3: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAs<::planus::Offset<OverloadedDetail>> for OverloadedDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
)> {
    type Prepared = ::planus::Offset<OverloadedDetail>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<OverloadedDetail> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAsDefault<self::QueueBudget, self::QueueBudget>,
    
        T2: ::planus::WriteAsDefault<u64, u64>,
    
        T3: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOptional<::planus::Offset<OverloadedDetail>> for OverloadedDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
)> {
    type Prepared = ::planus::Offset<OverloadedDetail>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<OverloadedDetail>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAsDefault<self::QueueBudget, self::QueueBudget>,
    
        T2: ::planus::WriteAsDefault<u64, u64>,
    
        T3: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOffset<OverloadedDetail> for OverloadedDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<OverloadedDetail> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = &self.0;OverloadedDetail::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        )
    }
}

/// Reference to a deserialized [OverloadedDetail].
#[derive(Copy, Clone)]
pub struct OverloadedDetailRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> OverloadedDetailRef<'a> {
    
        /// Getter for the [`shard` field](OverloadedDetail#structfield.shard).
        #[inline]
        pub fn shard(&self) -> ::planus::Result<u16> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "OverloadedDetail", "shard")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`budget` field](OverloadedDetail#structfield.budget).
        #[inline]
        pub fn budget(&self) -> ::planus::Result<self::QueueBudget> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(1, "OverloadedDetail", "budget")
              
            
            ?.unwrap_or(self::QueueBudget::Requests))
            
        }
    
        /// Getter for the [`queued` field](OverloadedDetail#structfield.queued).
        #[inline]
        pub fn queued(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(2, "OverloadedDetail", "queued")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`limit` field](OverloadedDetail#structfield.limit).
        #[inline]
        pub fn limit(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(3, "OverloadedDetail", "limit")
              
            
            ?.unwrap_or(0))
            
        }
    
}

impl<'a> ::core::fmt::Debug for OverloadedDetailRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("OverloadedDetailRef");
        f.field("shard", &self.shard());f.field("budget", &self.budget());f.field("queued", &self.queued());f.field("limit", &self.limit());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<OverloadedDetailRef<'a>> for OverloadedDetail {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: OverloadedDetailRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            shard: ::core::convert::TryInto::try_into(value.shard()?)?,budget: ::core::convert::TryInto::try_into(value.budget()?)?,queued: ::core::convert::TryInto::try_into(value.queued()?)?,limit: ::core::convert::TryInto::try_into(value.limit()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for OverloadedDetailRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for OverloadedDetailRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[OverloadedDetailRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<OverloadedDetail>> for OverloadedDetail {
    type Value = ::planus::Offset<OverloadedDetail>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<OverloadedDetail>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for OverloadedDetailRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[OverloadedDetailRef]",
            "read_as_root",
            0,
        ))
    }
}

    
/// The table `ShardDetail` in the namespace `aorta.wire`
/// 
/// Generated from these locations:
/// * Table `ShardDetail` in the file `bindings/schema/error.fbs:154`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct ShardDetail{
    
        /// The field `shard` in the table `ShardDetail`
        pub shard: u16,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for ShardDetail {
    fn default() -> Self {
        Self {
        shard: 0,
        
        }
    }
}


impl ShardDetail {
    /// Creates a [ShardDetailBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> ShardDetailBuilder<()> {
        ShardDetailBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_shard: impl ::planus::WriteAsDefault<u16, u16>,
        
    ) -> ::planus::Offset<Self> {let prepared_shard = field_shard.prepare(builder, &0);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        if prepared_shard.is_some() {table_writer.write_entry::<u16>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_shard) = prepared_shard {object_writer.write::<_, _, 2>(&prepared_shard);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<ShardDetail>> for ShardDetail {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ShardDetail> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<ShardDetail>> for ShardDetail {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<ShardDetail>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<ShardDetail> for ShardDetail {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ShardDetail> {
        ShardDetail::create(
            builder,
        
            
            self.shard,
            
        
        )
    }
}

/// Builder for serializing an instance of the [ShardDetail] type.
///
/// Can be created using the [ShardDetail::builder] method.
#[derive(Debug)]
#[must_use]
pub struct ShardDetailBuilder<State>(State);

impl<
    
> ShardDetailBuilder
<
    (
    
    )
>
{
    /// Setter for the [`shard` field](ShardDetail#structfield.shard).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn shard<T0>(self, value: T0) -> ShardDetailBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u16, u16>
    {
        ShardDetailBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`shard` field](ShardDetail#structfield.shard) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn shard_as_default(self) -> ShardDetailBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.shard(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
> ShardDetailBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [ShardDetail].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<ShardDetail>
        where Self: ::planus::WriteAsOffset<ShardDetail>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
> ::planus::WriteAs<::planus::Offset<ShardDetail>> for ShardDetailBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<ShardDetail>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ShardDetail> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
> ::planus::WriteAsOptional<::planus::Offset<ShardDetail>> for ShardDetailBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<ShardDetail>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<ShardDetail>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
> ::planus::WriteAsOffset<ShardDetail> for ShardDetailBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ShardDetail> {
        
        let (
            
                v0,
            
        ) = &self.0;ShardDetail::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [ShardDetail].
#[derive(Copy, Clone)]
pub struct ShardDetailRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> ShardDetailRef<'a> {
    
        /// Getter for the [`shard` field](ShardDetail#structfield.shard).
        #[inline]
        pub fn shard(&self) -> ::planus::Result<u16> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "ShardDetail", "shard")
              
            
            ?.unwrap_or(0))
            
        }
    
}

impl<'a> ::core::fmt::Debug for ShardDetailRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("ShardDetailRef");
        f.field("shard", &self.shard());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<ShardDetailRef<'a>> for ShardDetail {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: ShardDetailRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            shard: ::core::convert::TryInto::try_into(value.shard()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for ShardDetailRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for ShardDetailRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[ShardDetailRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<ShardDetail>> for ShardDetail {
    type Value = ::planus::Offset<ShardDetail>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<ShardDetail>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for ShardDetailRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[ShardDetailRef]",
            "read_as_root",
            0,
        ))
    }
}

    
/// The table `CompactedDetail` in the namespace `aorta.wire`
/// 
/// Generated from these locations:
/// * Table `CompactedDetail` in the file `bindings/schema/error.fbs:158`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct CompactedDetail{
    
        /// The field `shard` in the table `CompactedDetail`
        pub shard: u16,
        /// The field `requested` in the table `CompactedDetail`
        pub requested: u64,
        /// The field `oldest_available` in the table `CompactedDetail`
        pub oldest_available: u64,
        /// The field `current` in the table `CompactedDetail`
        pub current: u64,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for CompactedDetail {
    fn default() -> Self {
        Self {
        shard: 0,
        requested: 0,
        oldest_available: 0,
        current: 0,
        
        }
    }
}


impl CompactedDetail {
    /// Creates a [CompactedDetailBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> CompactedDetailBuilder<()> {
        CompactedDetailBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_shard: impl ::planus::WriteAsDefault<u16, u16>,
        field_requested: impl ::planus::WriteAsDefault<u64, u64>,
        field_oldest_available: impl ::planus::WriteAsDefault<u64, u64>,
        field_current: impl ::planus::WriteAsDefault<u64, u64>,
        
    ) -> ::planus::Offset<Self> {let prepared_shard = field_shard.prepare(builder, &0);let prepared_requested = field_requested.prepare(builder, &0);let prepared_oldest_available = field_oldest_available.prepare(builder, &0);let prepared_current = field_current.prepare(builder, &0);

        let mut table_writer: ::planus::table_writer::TableWriter::<12> = ::core::default::Default::default();
        if prepared_requested.is_some() {table_writer.write_entry::<u64>(1);}if prepared_oldest_available.is_some() {table_writer.write_entry::<u64>(2);}if prepared_current.is_some() {table_writer.write_entry::<u64>(3);}if prepared_shard.is_some() {table_writer.write_entry::<u16>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_requested) = prepared_requested {object_writer.write::<_, _, 8>(&prepared_requested);}if let ::core::option::Option::Some(prepared_oldest_available) = prepared_oldest_available {object_writer.write::<_, _, 8>(&prepared_oldest_available);}if let ::core::option::Option::Some(prepared_current) = prepared_current {object_writer.write::<_, _, 8>(&prepared_current);}if let ::core::option::Option::Some(prepared_shard) = prepared_shard {object_writer.write::<_, _, 2>(&prepared_shard);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<CompactedDetail>> for CompactedDetail {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CompactedDetail> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<CompactedDetail>> for CompactedDetail {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CompactedDetail>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<CompactedDetail> for CompactedDetail {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CompactedDetail> {
        CompactedDetail::create(
            builder,
        
            
            self.shard,
            
        
            
            self.requested,
            
        
            
            self.oldest_available,
            
        
            
            self.current,
            
        
        )
    }
}

/// Builder for serializing an instance of the [CompactedDetail] type.
///
/// Can be created using the [CompactedDetail::builder] method.
#[derive(Debug)]
#[must_use]
pub struct CompactedDetailBuilder<State>(State);

impl<
    
> CompactedDetailBuilder
<
    (
    
    )
>
{
    /// Setter for the [`shard` field](CompactedDetail#structfield.shard).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn shard<T0>(self, value: T0) -> CompactedDetailBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u16, u16>
    {
        CompactedDetailBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`shard` field](CompactedDetail#structfield.shard) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn shard_as_default(self) -> CompactedDetailBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.shard(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> CompactedDetailBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`requested` field](CompactedDetail#structfield.requested).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn requested<T1>(self, value: T1) -> CompactedDetailBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
        ) = self.0;CompactedDetailBuilder((
            
                v0,
            
            value,
        ))
    }

    
    /// Sets the [`requested` field](CompactedDetail#structfield.requested) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn requested_as_default(self) -> CompactedDetailBuilder<(
        
            T0,
        
        ::planus::DefaultValue,
    )>
    {
        self.requested(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
> CompactedDetailBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`oldest_available` field](CompactedDetail#structfield.oldest_available).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn oldest_available<T2>(self, value: T2) -> CompactedDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;CompactedDetailBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    
    /// Sets the [`oldest_available` field](CompactedDetail#structfield.oldest_available) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn oldest_available_as_default(self) -> CompactedDetailBuilder<(
        
            T0,
        
            T1,
        
        ::planus::DefaultValue,
    )>
    {
        self.oldest_available(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> CompactedDetailBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`current` field](CompactedDetail#structfield.current).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn current<T3>(self, value: T3) -> CompactedDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;CompactedDetailBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    
    /// Sets the [`current` field](CompactedDetail#structfield.current) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn current_as_default(self) -> CompactedDetailBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
        ::planus::DefaultValue,
    )>
    {
        self.current(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> CompactedDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [CompactedDetail].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<CompactedDetail>
        where Self: ::planus::WriteAsOffset<CompactedDetail>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAsDefault<u64, u64>,
    
        T2: ::planus::WriteAsDefault<u64, u64>,
    
        T3: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAs<::planus::Offset<CompactedDetail>> for CompactedDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
)> {
    type Prepared = ::planus::Offset<CompactedDetail>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CompactedDetail> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAsDefault<u64, u64>,
    
        T2: ::planus::WriteAsDefault<u64, u64>,
    
        T3: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOptional<::planus::Offset<CompactedDetail>> for CompactedDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
)> {
    type Prepared = ::planus::Offset<CompactedDetail>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CompactedDetail>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u16, u16>,
    
        T1: ::planus::WriteAsDefault<u64, u64>,
    
        T2: ::planus::WriteAsDefault<u64, u64>,
    
        T3: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOffset<CompactedDetail> for CompactedDetailBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CompactedDetail> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = &self.0;CompactedDetail::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        )
    }
}

/// Reference to a deserialized [CompactedDetail].
#[derive(Copy, Clone)]
pub struct CompactedDetailRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> CompactedDetailRef<'a> {
    
        /// Getter for the [`shard` field](CompactedDetail#structfield.shard).
        #[inline]
        pub fn shard(&self) -> ::planus::Result<u16> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "CompactedDetail", "shard")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`requested` field](CompactedDetail#structfield.requested).
        #[inline]
        pub fn requested(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(1, "CompactedDetail", "requested")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`oldest_available` field](CompactedDetail#structfield.oldest_available).
        #[inline]
        pub fn oldest_available(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(2, "CompactedDetail", "oldest_available")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`current` field](CompactedDetail#structfield.current).
        #[inline]
        pub fn current(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(3, "CompactedDetail", "current")
              
            
            ?.unwrap_or(0))
            
        }
    
}

impl<'a> ::core::fmt::Debug for CompactedDetailRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("CompactedDetailRef");
        f.field("shard", &self.shard());f.field("requested", &self.requested());f.field("oldest_available", &self.oldest_available());f.field("current", &self.current());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<CompactedDetailRef<'a>> for CompactedDetail {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: CompactedDetailRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            shard: ::core::convert::TryInto::try_into(value.shard()?)?,requested: ::core::convert::TryInto::try_into(value.requested()?)?,oldest_available: ::core::convert::TryInto::try_into(value.oldest_available()?)?,current: ::core::convert::TryInto::try_into(value.current()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for CompactedDetailRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for CompactedDetailRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[CompactedDetailRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<CompactedDetail>> for CompactedDetail {
    type Value = ::planus::Offset<CompactedDetail>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<CompactedDetail>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for CompactedDetailRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[CompactedDetailRef]",
            "read_as_root",
            0,
        ))
    }
}

    
/// The union `ErrorDetail` in the namespace `aorta.wire`
/// 
/// Generated from these locations:
/// * Union `ErrorDetail` in the file `bindings/schema/error.fbs:165`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize)]
pub enum ErrorDetail{
    
        /// The variant of type `ConflictDetail` in the union `ErrorDetail`
        ConflictDetail(::planus::alloc::boxed::Box<self::ConflictDetail>),
    
        /// The variant of type `RejectionDetail` in the union `ErrorDetail`
        RejectionDetail(::planus::alloc::boxed::Box<self::RejectionDetail>),
    
        /// The variant of type `SpansShardsDetail` in the union `ErrorDetail`
        SpansShardsDetail(::planus::alloc::boxed::Box<self::SpansShardsDetail>),
    
        /// The variant of type `OverloadedDetail` in the union `ErrorDetail`
        OverloadedDetail(::planus::alloc::boxed::Box<self::OverloadedDetail>),
    
        /// The variant of type `ShardDetail` in the union `ErrorDetail`
        ShardDetail(::planus::alloc::boxed::Box<self::ShardDetail>),
    
        /// The variant of type `CompactedDetail` in the union `ErrorDetail`
        CompactedDetail(::planus::alloc::boxed::Box<self::CompactedDetail>),
    
}


impl ErrorDetail {
    /// Creates a [ErrorDetailBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> ErrorDetailBuilder<::planus::Uninitialized> {
        ErrorDetailBuilder(::planus::Uninitialized)
    }

    #[inline]
    pub fn create_conflict_detail(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::ConflictDetail>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(1, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_rejection_detail(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::RejectionDetail>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(2, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_spans_shards_detail(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::SpansShardsDetail>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(3, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_overloaded_detail(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::OverloadedDetail>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(4, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_shard_detail(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::ShardDetail>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(5, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_compacted_detail(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::CompactedDetail>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(6, value.prepare(builder).downcast())
    }

    
}



impl ::planus::WriteAsUnion<ErrorDetail> for ErrorDetail {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Self> {
        match self {
            Self::ConflictDetail(value) => Self::create_conflict_detail(builder, value),
            Self::RejectionDetail(value) => Self::create_rejection_detail(builder, value),
            Self::SpansShardsDetail(value) => Self::create_spans_shards_detail(builder, value),
            Self::OverloadedDetail(value) => Self::create_overloaded_detail(builder, value),
            Self::ShardDetail(value) => Self::create_shard_detail(builder, value),
            Self::CompactedDetail(value) => Self::create_compacted_detail(builder, value),
            
        }
    }
}


impl ::planus::WriteAsOptionalUnion<ErrorDetail> for ErrorDetail {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Self>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}

/// Builder for serializing an instance of the [ErrorDetail] type.
///
/// Can be created using the [ErrorDetail::builder] method.
#[derive(Debug)]
#[must_use]
pub struct ErrorDetailBuilder<T>(T);

impl ErrorDetailBuilder<::planus::Uninitialized> {
    /// Creates an instance of the [`ConflictDetail` variant](ErrorDetail#variant.ConflictDetail).
    #[inline]
    pub fn conflict_detail<T>(
        self,
        value: T,
    ) -> ErrorDetailBuilder<::planus::Initialized<1, T>>
        where T: ::planus::WriteAsOffset<self::ConflictDetail> {
        ErrorDetailBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`RejectionDetail` variant](ErrorDetail#variant.RejectionDetail).
    #[inline]
    pub fn rejection_detail<T>(
        self,
        value: T,
    ) -> ErrorDetailBuilder<::planus::Initialized<2, T>>
        where T: ::planus::WriteAsOffset<self::RejectionDetail> {
        ErrorDetailBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`SpansShardsDetail` variant](ErrorDetail#variant.SpansShardsDetail).
    #[inline]
    pub fn spans_shards_detail<T>(
        self,
        value: T,
    ) -> ErrorDetailBuilder<::planus::Initialized<3, T>>
        where T: ::planus::WriteAsOffset<self::SpansShardsDetail> {
        ErrorDetailBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`OverloadedDetail` variant](ErrorDetail#variant.OverloadedDetail).
    #[inline]
    pub fn overloaded_detail<T>(
        self,
        value: T,
    ) -> ErrorDetailBuilder<::planus::Initialized<4, T>>
        where T: ::planus::WriteAsOffset<self::OverloadedDetail> {
        ErrorDetailBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`ShardDetail` variant](ErrorDetail#variant.ShardDetail).
    #[inline]
    pub fn shard_detail<T>(
        self,
        value: T,
    ) -> ErrorDetailBuilder<::planus::Initialized<5, T>>
        where T: ::planus::WriteAsOffset<self::ShardDetail> {
        ErrorDetailBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`CompactedDetail` variant](ErrorDetail#variant.CompactedDetail).
    #[inline]
    pub fn compacted_detail<T>(
        self,
        value: T,
    ) -> ErrorDetailBuilder<::planus::Initialized<6, T>>
        where T: ::planus::WriteAsOffset<self::CompactedDetail> {
        ErrorDetailBuilder(::planus::Initialized(value))
    }

    
}

impl<const N: u8, T> ErrorDetailBuilder<::planus::Initialized<N, T>> {
    /// Finish writing the builder to get an [UnionOffset](::planus::UnionOffset) to a serialized [ErrorDetail].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ErrorDetail>
        where Self: ::planus::WriteAsUnion<ErrorDetail>
    {
        ::planus::WriteAsUnion::prepare(&self, builder)
    }
}

impl<T> ::planus::WriteAsUnion<ErrorDetail> for ErrorDetailBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::ConflictDetail>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ErrorDetail> {
        ::planus::UnionOffset::new(1, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ErrorDetail> for ErrorDetailBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::ConflictDetail>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ErrorDetail>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<ErrorDetail> for ErrorDetailBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::RejectionDetail>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ErrorDetail> {
        ::planus::UnionOffset::new(2, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ErrorDetail> for ErrorDetailBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::RejectionDetail>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ErrorDetail>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<ErrorDetail> for ErrorDetailBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::SpansShardsDetail>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ErrorDetail> {
        ::planus::UnionOffset::new(3, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ErrorDetail> for ErrorDetailBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::SpansShardsDetail>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ErrorDetail>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<ErrorDetail> for ErrorDetailBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::OverloadedDetail>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ErrorDetail> {
        ::planus::UnionOffset::new(4, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ErrorDetail> for ErrorDetailBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::OverloadedDetail>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ErrorDetail>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<ErrorDetail> for ErrorDetailBuilder<::planus::Initialized<5, T>>
    where T: ::planus::WriteAsOffset<self::ShardDetail>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ErrorDetail> {
        ::planus::UnionOffset::new(5, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ErrorDetail> for ErrorDetailBuilder<::planus::Initialized<5, T>>
    where T: ::planus::WriteAsOffset<self::ShardDetail>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ErrorDetail>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<ErrorDetail> for ErrorDetailBuilder<::planus::Initialized<6, T>>
    where T: ::planus::WriteAsOffset<self::CompactedDetail>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ErrorDetail> {
        ::planus::UnionOffset::new(6, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ErrorDetail> for ErrorDetailBuilder<::planus::Initialized<6, T>>
    where T: ::planus::WriteAsOffset<self::CompactedDetail>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ErrorDetail>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}


/// Reference to a deserialized [ErrorDetail].
#[derive(Copy, Clone, Debug)]
pub enum ErrorDetailRef<'a>{
    ConflictDetail(self::ConflictDetailRef<'a>),
    RejectionDetail(self::RejectionDetailRef<'a>),
    SpansShardsDetail(self::SpansShardsDetailRef<'a>),
    OverloadedDetail(self::OverloadedDetailRef<'a>),
    ShardDetail(self::ShardDetailRef<'a>),
    CompactedDetail(self::CompactedDetailRef<'a>),
    
}


impl<'a> ::core::convert::TryFrom<ErrorDetailRef<'a>> for ErrorDetail {
    type Error = ::planus::Error;

    fn try_from(value: ErrorDetailRef<'a>) -> ::planus::Result<Self> {
        ::core::result::Result::Ok(match value {
            
                ErrorDetailRef::ConflictDetail(value) => Self::ConflictDetail(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                ErrorDetailRef::RejectionDetail(value) => Self::RejectionDetail(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                ErrorDetailRef::SpansShardsDetail(value) => Self::SpansShardsDetail(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                ErrorDetailRef::OverloadedDetail(value) => Self::OverloadedDetail(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                ErrorDetailRef::ShardDetail(value) => Self::ShardDetail(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                ErrorDetailRef::CompactedDetail(value) => Self::CompactedDetail(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
        })
    }
}



impl<'a> ::planus::TableReadUnion<'a> for ErrorDetailRef<'a> {
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, tag: u8, field_offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        match tag {
            1 => ::core::result::Result::Ok(Self::ConflictDetail(::planus::TableRead::from_buffer(buffer, field_offset)?)),2 => ::core::result::Result::Ok(Self::RejectionDetail(::planus::TableRead::from_buffer(buffer, field_offset)?)),3 => ::core::result::Result::Ok(Self::SpansShardsDetail(::planus::TableRead::from_buffer(buffer, field_offset)?)),4 => ::core::result::Result::Ok(Self::OverloadedDetail(::planus::TableRead::from_buffer(buffer, field_offset)?)),5 => ::core::result::Result::Ok(Self::ShardDetail(::planus::TableRead::from_buffer(buffer, field_offset)?)),6 => ::core::result::Result::Ok(Self::CompactedDetail(::planus::TableRead::from_buffer(buffer, field_offset)?)),_ => ::core::result::Result::Err(::planus::errors::ErrorKind::UnknownUnionTag { tag }),
        }
    }
}



impl<'a> ::planus::VectorReadUnion<'a> for ErrorDetailRef<'a> {
    const VECTOR_NAME: &'static str = "[ErrorDetailRef]";
}


    
///  A typed error: `code` for programs, `message` for people (what failed, where, what to do),
///  `detail` with the figures when the code has them.
/// 
/// Generated from these locations:
/// * Table `Error` in the file `bindings/schema/error.fbs:176`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Error{
    
        /// The field `code` in the table `Error`
        pub code: self::ErrorCode,
        /// The field `message` in the table `Error`
        pub message: ::planus::alloc::string::String,
        /// The field `detail` in the table `Error`
        pub detail: ::core::option::Option<self::ErrorDetail>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Error {
    fn default() -> Self {
        Self {
        code: self::ErrorCode::Internal,
        message: ::core::default::Default::default(),
        detail: ::core::default::Default::default(),
        
        }
    }
}


impl Error {
    /// Creates a [ErrorBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> ErrorBuilder<()> {
        ErrorBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_code: impl ::planus::WriteAsDefault<self::ErrorCode, self::ErrorCode>,
        field_message: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_detail: impl ::planus::WriteAsOptionalUnion<self::ErrorDetail>,
        
    ) -> ::planus::Offset<Self> {let prepared_code = field_code.prepare(builder, &self::ErrorCode::Internal);let prepared_message = field_message.prepare(builder);let prepared_detail = field_detail.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<12> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(1);if prepared_detail.is_some() {table_writer.write_entry::<::planus::Offset<self::ErrorDetail>>(3);}if prepared_code.is_some() {table_writer.write_entry::<self::ErrorCode>(0);}if prepared_detail.is_some() {table_writer.write_entry::<u8>(2);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_message);if let ::core::option::Option::Some(prepared_detail) = prepared_detail {object_writer.write::<_, _, 4>(&prepared_detail.offset());}if let ::core::option::Option::Some(prepared_code) = prepared_code {object_writer.write::<_, _, 2>(&prepared_code);}if let ::core::option::Option::Some(prepared_detail) = prepared_detail {object_writer.write::<_, _, 1>(&prepared_detail.tag());}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Error>> for Error {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Error> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Error>> for Error {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Error>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Error> for Error {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Error> {
        Error::create(
            builder,
        
            
            self.code,
            
        
            
            &self.message,
            
        
            
            &self.detail,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Error] type.
///
/// Can be created using the [Error::builder] method.
#[derive(Debug)]
#[must_use]
pub struct ErrorBuilder<State>(State);

impl<
    
> ErrorBuilder
<
    (
    
    )
>
{
    /// Setter for the [`code` field](Error#structfield.code).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn code<T0>(self, value: T0) -> ErrorBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<self::ErrorCode, self::ErrorCode>
    {
        ErrorBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`code` field](Error#structfield.code) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn code_as_default(self) -> ErrorBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.code(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> ErrorBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`message` field](Error#structfield.message).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn message<T1>(self, value: T1) -> ErrorBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;ErrorBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
> ErrorBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`detail` field](Error#structfield.detail).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn detail<T2>(self, value: T2) -> ErrorBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsOptionalUnion<self::ErrorDetail>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;ErrorBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
    /// Sets the [`detail` field](Error#structfield.detail) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn detail_as_null(self) -> ErrorBuilder<(
        
            T0,
        
            T1,
        
        (),
    )>
    {
        self.detail(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
> ErrorBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Error].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Error>
        where Self: ::planus::WriteAsOffset<Error>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::ErrorCode, self::ErrorCode>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsOptionalUnion<self::ErrorDetail>,
    
> ::planus::WriteAs<::planus::Offset<Error>> for ErrorBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<Error>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Error> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::ErrorCode, self::ErrorCode>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsOptionalUnion<self::ErrorDetail>,
    
> ::planus::WriteAsOptional<::planus::Offset<Error>> for ErrorBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<Error>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Error>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::ErrorCode, self::ErrorCode>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsOptionalUnion<self::ErrorDetail>,
    
> ::planus::WriteAsOffset<Error> for ErrorBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Error> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = &self.0;Error::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
        )
    }
}

/// Reference to a deserialized [Error].
#[derive(Copy, Clone)]
pub struct ErrorRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> ErrorRef<'a> {
    
        /// Getter for the [`code` field](Error#structfield.code).
        #[inline]
        pub fn code(&self) -> ::planus::Result<self::ErrorCode> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "Error", "code")
              
            
            ?.unwrap_or(self::ErrorCode::Internal))
            
        }
    
        /// Getter for the [`message` field](Error#structfield.message).
        #[inline]
        pub fn message(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(1, "Error", "message")
              
            
            
            
        }
    
        /// Getter for the [`detail` field](Error#structfield.detail).
        #[inline]
        pub fn detail(&self) -> ::planus::Result<::core::option::Option<self::ErrorDetailRef<'a>>> {
            
            
              
              self.0.access_union(2, "Error", "detail")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for ErrorRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("ErrorRef");
        f.field("code", &self.code());f.field("message", &self.message());if let ::core::option::Option::Some(field_detail) = self.detail().transpose() {
                f.field("detail", &field_detail);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<ErrorRef<'a>> for Error {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: ErrorRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            code: ::core::convert::TryInto::try_into(value.code()?)?,message: ::core::convert::Into::into(value.message()?),detail: 
                    if let ::core::option::Option::Some(detail) = value.detail()? {
                        ::core::option::Option::Some(::core::convert::TryInto::try_into(detail)?)
                    } else {
                        ::core::option::Option::None
                    }
                ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for ErrorRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for ErrorRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[ErrorRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Error>> for Error {
    type Value = ::planus::Offset<Error>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Error>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for ErrorRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[ErrorRef]",
            "read_as_root",
            0,
        ))
    }
}

    }}}