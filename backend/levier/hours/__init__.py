"""Monthly hours: the employer of record declares each assignment's hours per month, the
facilitator validates or rejects them; only validated hours count."""
