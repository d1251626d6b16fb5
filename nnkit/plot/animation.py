"""Animations for the HTML book, which has no kernel: a matplotlib animation becomes a
self-contained player (``to_jshtml``) with JPEG frames, to keep pages light (60 frames of
a 6x3 in figure: 0.93 MB, against 3.2 MB as PNG), and alt text for screen readers."""
import html

import matplotlib
import matplotlib.pyplot as plt


def animation_html(anim, alt, fps=None):
    """The animation ``anim`` as an ``IPython.display.HTML`` player whose frames carry
    ``alt`` (a sentence saying what the animation shows). Closes the figure, so the
    notebook does not also show its last frame as a still."""
    from IPython.display import HTML

    if not alt or len(alt.split()) < 3:
        raise ValueError(f"alt must describe the animation in a few words. Received: {alt!r}")
    with matplotlib.rc_context({"animation.frame_format": "jpeg", "savefig.dpi": 72}):
        player = anim.to_jshtml(fps=fps)
    plt.close(anim._fig)
    return HTML(player.replace("<img ", f'<img alt="{html.escape(alt)}" ', 1))
