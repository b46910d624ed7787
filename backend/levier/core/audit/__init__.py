"""The audit log and the outbox: models and the flush hook that writes them (every domain's
writes pass here, so it sits in core; `levier.audit` is the read API)."""
