"""Participants: people far from employment, their eligibility, pathways and exits."""
