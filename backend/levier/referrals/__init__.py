"""Referrals: a person of a referent's portfolio proposed for a job offer, up to the hire."""
