"""Issued documents: completion certificates, end-of-assignment reports, buyers' monthly
compliance reports (domain clauses.md §5), archived unchanged with their SHA-256."""
