"""Export of checklists: the Markdown document and writing it to a file safely."""
