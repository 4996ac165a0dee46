"""Reading: files -> extracted documents (discover, extract/, digest, doctype, language)."""
