"""Human review: review sheets, reviewer agreement and their commands."""
