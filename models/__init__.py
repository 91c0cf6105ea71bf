"""Database tables (`tables`) and the plain records passed between stages (`records`)."""
