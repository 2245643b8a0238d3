package io.jenkins.plugins.causeflow.delivery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the "default tags" text of the global configuration: one {@code key=value} per line; blank lines and lines
 * starting with {@code #} are ignored.
 */
public final class TagLines {
    private TagLines() {
    }

    /**
     * Parses the text.
     *
     * @param text the tags text
     * @return the tags in the order given
     * @throws IllegalArgumentException naming the line number and its text when a line has no {@code =} or an empty
     *                                  key
     */
    public static Map<String, String> parse(final String text) {
        Map<String, String> tags = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("tags line " + (i + 1) + " ('" + line
                        + "'): expected key=value, e.g. team=payments");
            }
            tags.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }
        return tags;
    }
}
