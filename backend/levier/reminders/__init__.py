"""Reminders to awardees: lots behind their clause and last month's hours not declared."""
