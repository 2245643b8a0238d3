package org.kohsuke.stapler;

/** Object that renders itself as an HTTP response. */
public interface HttpResponse {
}
