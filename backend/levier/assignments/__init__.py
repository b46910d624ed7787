"""Assignments: a person at work on an awarded lot's clause, in one fulfilment mode."""
