// @generated from bindings/schema/*.fbs: do not edit.
// Regenerate: AORTA_WIRE_REGENERATE=1 cargo test -p aorta-wire --test generated_code_is_current

impl Weigh for wire::MessageRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        match self {
            wire::MessageRef::ClientHello(value) => value.weigh(scale),
            wire::MessageRef::Challenge(value) => value.weigh(scale),
            wire::MessageRef::Proof(value) => value.weigh(scale),
            wire::MessageRef::Welcome(value) => value.weigh(scale),
            wire::MessageRef::HandshakeRefused(value) => value.weigh(scale),
            wire::MessageRef::Ping(value) => value.weigh(scale),
            wire::MessageRef::Pong(value) => value.weigh(scale),
            wire::MessageRef::Request(value) => value.weigh(scale),
            wire::MessageRef::Response(value) => value.weigh(scale),
            wire::MessageRef::Subscribe(value) => value.weigh(scale),
            wire::MessageRef::Subscribed(value) => value.weigh(scale),
            wire::MessageRef::Events(value) => value.weigh(scale),
            wire::MessageRef::SubscriptionEnd(value) => value.weigh(scale),
            wire::MessageRef::PublishIntents(value) => value.weigh(scale),
            wire::MessageRef::IntentDeliveryMessage(value) => value.weigh(scale),
            wire::MessageRef::IntentAck(value) => value.weigh(scale),
            wire::MessageRef::NodeCommand(value) => value.weigh(scale),
            wire::MessageRef::NodeCommandReport(value) => value.weigh(scale),
        }
    }
}

impl Weigh for wire::EnvelopeRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.message()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::ClientHelloRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.versions()?.weigh(scale)?;
        self.principal()?.weigh(scale)?;
        self.client_nonce()?.weigh(scale)?;
        self.token()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::ChallengeRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.server_nonce()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::ProofRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.mac()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::WelcomeRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.principal()?.weigh(scale)?;
        self.mac()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::HandshakeRefusedRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.error()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::PingRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        Ok(())
    }
}

impl Weigh for wire::PongRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        Ok(())
    }
}

impl Weigh for wire::CreateCommandRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.spec()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::UpdateCommandRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.spec()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::PutCommandRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.spec()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::DeleteCommandRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.namespace_path()?.weigh(scale)?;
        self.name()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::CommandRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        match self {
            wire::CommandRef::CreateCommand(value) => value.weigh(scale),
            wire::CommandRef::UpdateCommand(value) => value.weigh(scale),
            wire::CommandRef::PutCommand(value) => value.weigh(scale),
            wire::CommandRef::DeleteCommand(value) => value.weigh(scale),
        }
    }
}

impl Weigh for wire::BatchCommandRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.command()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::CommitRequestRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.commands()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::GetRequestRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.namespace_path()?.weigh(scale)?;
        self.name()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::GetByIdRequestRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        Ok(())
    }
}

impl Weigh for wire::ListRequestRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.query()?.weigh(scale)?;
        self.token()?.weigh(scale)?;
        self.at_positions()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::PositionsRequestRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        Ok(())
    }
}

impl Weigh for wire::StatusRequestRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        Ok(())
    }
}

impl Weigh for wire::RequestBodyRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        match self {
            wire::RequestBodyRef::CommitRequest(value) => value.weigh(scale),
            wire::RequestBodyRef::GetRequest(value) => value.weigh(scale),
            wire::RequestBodyRef::GetByIdRequest(value) => value.weigh(scale),
            wire::RequestBodyRef::ListRequest(value) => value.weigh(scale),
            wire::RequestBodyRef::PositionsRequest(value) => value.weigh(scale),
            wire::RequestBodyRef::StatusRequest(value) => value.weigh(scale),
        }
    }
}

impl Weigh for wire::RequestRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.body()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::CommitReceiptRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.ids()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::GetResponseRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.resource()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::PageRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.items()?.weigh(scale)?;
        self.positions()?.weigh(scale)?;
        self.next_token()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::PositionsResponseRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.positions()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::ShardHealthRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.down_cause()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::StatusResponseRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.shards()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::ResponseBodyRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        match self {
            wire::ResponseBodyRef::CommitReceipt(value) => value.weigh(scale),
            wire::ResponseBodyRef::GetResponse(value) => value.weigh(scale),
            wire::ResponseBodyRef::Page(value) => value.weigh(scale),
            wire::ResponseBodyRef::PositionsResponse(value) => value.weigh(scale),
            wire::ResponseBodyRef::StatusResponse(value) => value.weigh(scale),
            wire::ResponseBodyRef::Error(value) => value.weigh(scale),
        }
    }
}

impl Weigh for wire::ResponseRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.body()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::PatternRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.namespace_path()?.weigh(scale)?;
        self.kind()?.weigh(scale)?;
        self.selector()?.weigh(scale)?;
        self.actions()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::SubscribeRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.pattern()?.weigh(scale)?;
        self.resume_after()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::SubscribedRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.resume_token()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::EventRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.old()?.weigh(scale)?;
        self.new()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::EventsRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.events()?.weigh(scale)?;
        self.resume_token()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::SubscriptionEndRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.error()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::IntentRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.topic()?.weigh(scale)?;
        self.key()?.weigh(scale)?;
        self.dead_letter_topic()?.weigh(scale)?;
        self.data()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::PublishIntentsRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.intents()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::IntentDeliveryMessageRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.intent()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::IntentAckRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        Ok(())
    }
}

impl Weigh for wire::NodeCommandRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.node()?.weigh(scale)?;
        self.task_namespace()?.weigh(scale)?;
        self.task_name()?.weigh(scale)?;
        self.spec()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::NodeCommandReportRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.node()?.weigh(scale)?;
        self.observed()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::TagRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.key()?.weigh(scale)?;
        self.value()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::ResourceSpecRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.api_version()?.weigh(scale)?;
        self.namespace_path()?.weigh(scale)?;
        self.name()?.weigh(scale)?;
        self.kind()?.weigh(scale)?;
        self.owner()?.weigh(scale)?;
        self.tags()?.weigh(scale)?;
        self.data()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::ResourceRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.api_version()?.weigh(scale)?;
        self.namespace_path()?.weigh(scale)?;
        self.name()?.weigh(scale)?;
        self.kind()?.weigh(scale)?;
        self.owner()?.weigh(scale)?;
        self.tags()?.weigh(scale)?;
        self.data()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::QueryRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.namespace_path()?.weigh(scale)?;
        self.kind()?.weigh(scale)?;
        self.selector()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::ConflictDetailRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.key()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::DeniedRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.principal()?.weigh(scale)?;
        self.namespace_path()?.weigh(scale)?;
        self.kind()?.weigh(scale)?;
        self.rule()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::OverBudgetRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.budget()?.weigh(scale)?;
        self.namespace_path()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::SchemaViolationRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.kind()?.weigh(scale)?;
        self.schema()?.weigh(scale)?;
        self.reason()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::InvalidPolicyRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.reason()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::RejectionRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        match self {
            wire::RejectionRef::Denied(value) => value.weigh(scale),
            wire::RejectionRef::OverBudget(value) => value.weigh(scale),
            wire::RejectionRef::SchemaViolation(value) => value.weigh(scale),
            wire::RejectionRef::InvalidPolicy(value) => value.weigh(scale),
        }
    }
}

impl Weigh for wire::RejectionDetailRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.filter()?.weigh(scale)?;
        self.key()?.weigh(scale)?;
        self.reason()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::SpansShardsDetailRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.first_namespace()?.weigh(scale)?;
        self.other_namespace()?.weigh(scale)?;
        Ok(())
    }
}

impl Weigh for wire::OverloadedDetailRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        Ok(())
    }
}

impl Weigh for wire::ShardDetailRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        Ok(())
    }
}

impl Weigh for wire::CompactedDetailRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        Ok(())
    }
}

impl Weigh for wire::ErrorDetailRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        match self {
            wire::ErrorDetailRef::ConflictDetail(value) => value.weigh(scale),
            wire::ErrorDetailRef::RejectionDetail(value) => value.weigh(scale),
            wire::ErrorDetailRef::SpansShardsDetail(value) => value.weigh(scale),
            wire::ErrorDetailRef::OverloadedDetail(value) => value.weigh(scale),
            wire::ErrorDetailRef::ShardDetail(value) => value.weigh(scale),
            wire::ErrorDetailRef::CompactedDetail(value) => value.weigh(scale),
        }
    }
}

impl Weigh for wire::ErrorRef<'_> {
    fn weigh(&self, scale: &mut Scale) -> Result<(), WeighError> {
        scale.charge(TABLE_BYTES)?;
        self.message()?.weigh(scale)?;
        self.detail()?.weigh(scale)?;
        Ok(())
    }
}
