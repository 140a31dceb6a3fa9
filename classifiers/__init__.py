"""Pure text classifiers: record types, dates, sentences, clinical context and evidence flags (no I/O)."""
