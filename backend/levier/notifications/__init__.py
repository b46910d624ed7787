"""In-app notifications: each user's own list of what Levier told them."""
