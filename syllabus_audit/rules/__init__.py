"""The curated rules shipped in lexicons/: lexicons, section rules and the lexicon self-check."""
