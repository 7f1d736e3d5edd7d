"""The words and numbers people read and type: messages in Dutch and English, Dutch dates and numbers."""
