"""Messages (code → French, English): job offers and the ROME."""

MESSAGES: dict[str, tuple[str, str]] = {
    "rome_unknown": (
        "Code ROME inconnu : {rome_code}.",
        "Unknown ROME code: {rome_code}.",
    ),
    "offer_lot_unknown": (
        "Ce lot est introuvable parmi ceux que vous suivez.",
        "This lot is not among those you follow.",
    ),
    "offer_lot_required": (
        "Une offre est ouverte sur un lot attribué à votre entreprise.",
        "An offer is opened on a lot awarded to your enterprise.",
    ),
    "offer_lot_not_awarded": (
        "Ce lot n'est pas encore attribué : une offre s'ouvre pour son attributaire.",
        "This lot is not awarded yet: an offer is opened for its awardee.",
    ),
    "offer_enterprise_not_on_lot": (
        "Cette entreprise n'est ni attributaire ni sous-traitant déclaré de ce lot.",
        "This enterprise is neither an awardee nor a declared subcontractor of this lot.",
    ),
    "offer_start_in_past": (
        "La date de début ne peut pas être passée.",
        "The start date cannot be in the past.",
    ),
    "offer_not_open": (
        "Cette offre n'est plus ouverte ({status}) : elle ne se modifie plus.",
        "This offer is no longer open ({status}): it cannot be changed.",
    ),
    "offer_transition_refused": (
        "Une offre ne passe pas de « {status} » à « {target} ».",
        "An offer does not move from “{status}” to “{target}”.",
    ),
    # The offer's statuses, as messages name them (labels of enum parameters).
    "OfferStatus.open": ("ouverte", "open"),
    "OfferStatus.filled": ("pourvue", "filled"),
    "OfferStatus.closed": ("fermée", "closed"),
}
