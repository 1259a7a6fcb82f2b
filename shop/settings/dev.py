"""A laptop: SQLite file, database search, console email, DEBUG on."""
from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
