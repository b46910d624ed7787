"""Follow-ups ("my day"): what is due, who acts next, by when; snooze and hand over."""
