"""Job offers opened on a lot's clause (or for an enterprise generally), seen by the referents
of their territory while open."""
