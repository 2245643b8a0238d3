package io.causeflow.client.cli;

import java.io.PrintWriter;
import java.util.Map;

/** What a command may touch: the environment and the two streams (tests pass their own). */
record CliContext(Map<String, String> env, PrintWriter out, PrintWriter err) {
    String env(final String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value;
    }
}
