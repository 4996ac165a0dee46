"""Text: extracted blocks -> passages (nlp pipelines, the pre-filter, segmentation)."""
