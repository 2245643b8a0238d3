package io.jenkins.plugins.causeflow.e2e;

/**
 * The JCasC YAML of the suite: executors, the Jenkins URL, the three Secret-text credentials (values from the
 * environment through JCasC's {@code ${VAR}}, so the file holds no secret) and {@code unclassified.causeflow}
 * pointing at the receiver, live investigation updates on, automatic alerts for the jobs named {@code e2e-automatic-…}
 * only. Authorization is left open (anonymous may do anything) so that Chromium, which has no login, sees the pages
 * an administrator sees.
 */
final class CascYaml {
    static final String API_KEY_ID = "causeflow-api-key";
    static final String WEBHOOK_SECRET_ID = "causeflow-webhook-secret";
    /** The live investigation updates' stream token (docs/plugin.md section 8b): live updates are on in the suite. */
    static final String STREAM_TOKEN_ID = "causeflow-stream-token";
    /** The severity rule the suite checks: this job's failures are critical, the others get the default, high. */
    static final String CRITICAL_JOB = "e2e-scripted";
    /** Automatic alerts (no step in the Jenkinsfile) are on for the jobs whose names start with this, only. */
    static final String AUTOMATIC_JOBS_PREFIX = "e2e-automatic-";

    private static final String JENKINS = """
            jenkins:
              systemMessage: "CauseFlow end-to-end suite"
              numExecutors: 3
              mode: NORMAL
              authorizationStrategy: unsecured
            """;

    private static final String CREDENTIALS = """
            credentials:
              system:
                domainCredentials:
                  - credentials:
                      - string:
                          scope: GLOBAL
                          id: "%s"
                          description: "CauseFlow API key"
                          secret: "${CAUSEFLOW_E2E_API_KEY}"
                      - string:
                          scope: GLOBAL
                          id: "%s"
                          description: "CauseFlow webhook secret"
                          secret: "${CAUSEFLOW_E2E_WEBHOOK_SECRET}"
                      - string:
                          scope: GLOBAL
                          id: "%s"
                          description: "CauseFlow stream token"
                          secret: "${CAUSEFLOW_E2E_STREAM_TOKEN}"
            """.formatted(API_KEY_ID, WEBHOOK_SECRET_ID, STREAM_TOKEN_ID);

    private static final String LOCATION = """
            unclassified:
              location:
                url: "%s"
            """;

    private static final String CAUSEFLOW = """
              causeflow:
                enabled: true
                endpointUrl: "%s"
                tenantId: "%s"
                apiKeyCredentialsId: "%s"
                webhookSecretCredentialsId: "%s"
                defaultEnvironment: "e2e"
                severityRules: |-
                  job:%s=critical
                maxAttempts: 3
                perAttemptTimeoutSeconds: 30
                totalBudgetSeconds: 90
                liveUpdates: true
                streamTokenCredentialsId: "%s"
                automaticAlerts: true
                includeJobs: |-
                  %s*
            """;

    private CascYaml() {
    }

    static String withCauseFlow(String jenkinsUrl, String receiverUrl, String tenantId) {
        return JENKINS + CREDENTIALS + LOCATION.formatted(jenkinsUrl)
                + CAUSEFLOW.formatted(receiverUrl, tenantId, API_KEY_ID, WEBHOOK_SECRET_ID, CRITICAL_JOB,
                        STREAM_TOKEN_ID, AUTOMATIC_JOBS_PREFIX);
    }

    /** Without our plugin (the benchmark's baseline): JCasC refuses keys of plugins that are not installed. */
    static String withoutCauseFlow(String jenkinsUrl) {
        return JENKINS + CREDENTIALS + LOCATION.formatted(jenkinsUrl);
    }
}
