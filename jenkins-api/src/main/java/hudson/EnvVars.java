package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Map;
import java.util.TreeMap;

/** Environment variables. Constructors build a working map; other methods throw. */
public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {
        super(String.CASE_INSENSITIVE_ORDER);
    }

    public EnvVars(@NonNull Map<String, String> m) {
        this();
        putAll(m);
    }

    public EnvVars(@NonNull EnvVars m) {
        this((Map<String, String>) m);
    }

    public String expand(String s) {
        throw new UnsupportedOperationException();
    }
}
