"""Training code for the models the checker ships (see models/)."""
