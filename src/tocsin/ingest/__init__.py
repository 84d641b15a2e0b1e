"""Readers that turn files, directories, stdin and JSONL into documents or recorded rejections."""
