"""The core's version: plugins declare which core versions they support against it."""

__version__ = "0.1.0"
