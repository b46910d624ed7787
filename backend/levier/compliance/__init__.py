"""Compliance: where each clause stands against its required hours (domain clauses.md §4)."""
