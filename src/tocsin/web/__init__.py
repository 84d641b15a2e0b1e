"""The dashboard served by `tocsin serve` at `/`: one page, its script and style, no network."""
