"""Desktop workstation for clinical-trial site coordinators."""

__version__ = "0.1.0"
