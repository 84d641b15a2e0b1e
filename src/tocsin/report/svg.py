"""Figures for the bulletin as inline SVG that is the same, byte for byte, for the same data:
matplotlib without a display, a fixed hash salt, text as text, no date or creator."""

from __future__ import annotations

import io
from collections.abc import Callable

import matplotlib

matplotlib.use("Agg")  # no display: files only
import matplotlib.pyplot as plt
from matplotlib.axes import Axes


def draw_svg(draw: Callable[[Axes], None], size: tuple[float, float]) -> str:
    """The figure ``draw`` makes on one axes of ``size`` inches, as an inline SVG document."""
    with plt.rc_context({"svg.hashsalt": "tocsin", "svg.fonttype": "none", "font.size": 8}):
        fig, ax = plt.subplots(figsize=size)
        try:
            draw(ax)
            out = io.StringIO()
            fig.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
        finally:
            plt.close(fig)
    text = out.getvalue()
    return text[text.index("<svg") :]  # inline: no XML declaration or doctype
