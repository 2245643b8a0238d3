package io.causeflow.client.cli;

/** How results are printed: one readable line, or one JSON object per line for scripts. */
public enum OutputFormat {
    TEXT, JSON
}
