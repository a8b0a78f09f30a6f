"""The reader's screens and modals, one per module."""
