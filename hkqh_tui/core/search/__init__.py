"""Search: folding, query parsing, the index, term matching, ranking and highlights."""
