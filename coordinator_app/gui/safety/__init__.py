"""The Safety & labs page: a subject's adverse events with their SAE clocks, lab results and liver-score trends."""
