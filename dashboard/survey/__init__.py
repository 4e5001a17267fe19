"""A salary survey in the aijobs.net schema: reading and validating it, filtering, aggregating, showing it."""
