package io.jenkins.plugins.causeflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the suite finds its inputs, passed by failsafe (or the bench profile) as system properties; see
 * {@code e2e/pom.xml}. A missing input fails with a message saying where it comes from.
 *
 * @param jenkinsWar          the kit's {@code jenkins-war-2.541.3.war}, resolved by Maven
 * @param pluginsDirectory    the {@code .hpi} files to install (ours and the kit's), collected by Maven
 * @param receiverJar         {@code receiver/target/causeflow-receiver.jar}
 * @param workDirectory       scratch space under {@code e2e/target/}
 * @param screenshotsDirectory where Chromium screenshots are kept as test artifacts
 * @param chromium            the Chromium binary
 */
record E2eSettings(Path jenkinsWar, Path pluginsDirectory, Path receiverJar, Path workDirectory,
                   Path screenshotsDirectory, Path chromium) {

    private static final String KIT_HINT = "The Jenkins kit (jenkins.war and the plugins' .hpi files) comes from "
            + "../shared/jenkins/ beside the checkout (see docs/building.md); on a machine that reaches "
            + "repo.jenkins-ci.org, plugin/pom-jenkins.xml is the conventional alternative.";

    static E2eSettings fromSystemProperties() {
        return new E2eSettings(
                existing("e2e.jenkinsWar", "the Jenkins war. " + KIT_HINT),
                existing("e2e.pluginsDirectory", "the plugins to install. " + KIT_HINT),
                existing("e2e.receiverJar", "the reference receiver's jar; build it with "
                        + "'mvn -B -pl e2e -am verify' (the reactor builds receiver/ first)"),
                path("e2e.workDirectory"),
                path("e2e.screenshotsDirectory"),
                existing("e2e.chromium", "headless Chromium; install the Debian package 'chromium' "
                        + "(.ci/run does that)"));
    }

    private static Path existing(String property, String what) {
        Path file = path(property);
        if (!Files.exists(file)) {
            throw new IllegalStateException("Missing " + what + ": " + file + " (system property " + property + ")");
        }
        return file;
    }

    private static Path path(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("System property " + property + " is not set; run the suite through "
                    + "Maven: mvn -B -pl e2e -am verify. " + KIT_HINT);
        }
        return Path.of(value).toAbsolutePath();
    }
}
