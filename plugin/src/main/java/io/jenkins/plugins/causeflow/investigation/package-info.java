/**
 * Live investigation updates in Jenkins: the one stream subscription of the controller ({@link
 * io.jenkins.plugins.causeflow.investigation.LiveUpdates}), the builds as its targets ({@link
 * io.jenkins.plugins.causeflow.investigation.BuildTargets}) and the timeline as persisted in {@code build.xml}
 * ({@link io.jenkins.plugins.causeflow.investigation.StoredTimeline}). The stream, routing, index and waiting are the
 * client library's {@code io.causeflow.client.investigation}.
 */
package io.jenkins.plugins.causeflow.investigation;
