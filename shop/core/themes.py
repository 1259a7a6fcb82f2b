"""Theme lookup (imported by settings: no Django models here)."""

from pathlib import Path

DEFAULT_THEME = "default"


def theme_dirs(themes_dir, requested):
    """Folders to search, chosen theme first, then the default one as fallback.

    An unknown theme name falls back to the default rather than failing, so a
    typo in OCOP_THEME never takes the site down.
    """
    themes_dir = Path(themes_dir)
    names = [requested] if requested and (themes_dir / requested).is_dir() else []
    names.append(DEFAULT_THEME)
    return [themes_dir / name for name in dict.fromkeys(names)]
