"""Building the spaCy pipeline and its gazetteer entity ruler."""
