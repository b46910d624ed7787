"""The messages shown to people, by area; `levier.core.i18n` merges them (a code is defined
once: a test fails on a duplicate)."""

from levier.core.messages import (
    common,
    directory,
    documents,
    fulfilment,
    offers,
    participants,
    tenders,
)

CATALOGUES = (
    common.MESSAGES,
    directory.MESSAGES,
    participants.MESSAGES,
    tenders.MESSAGES,
    offers.MESSAGES,
    fulfilment.MESSAGES,
    documents.MESSAGES,
)
