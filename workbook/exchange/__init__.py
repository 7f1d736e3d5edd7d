"""Exchange with the formats people pass around: Word (docx), Excel (xlsx) and PDF."""
