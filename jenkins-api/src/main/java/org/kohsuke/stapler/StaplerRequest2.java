package org.kohsuke.stapler;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import net.sf.json.JSONObject;

/**
 * The current request (Jakarta servlet flavour). Only the members the plugin uses are declared: plugins receive
 * requests, they never implement this interface.
 * api-conformance: partial
 */
public interface StaplerRequest2 extends HttpServletRequest {
    <T> T findAncestorObject(Class<T> type);

    boolean hasParameter(String name);

    <T> T bindJSON(Class<T> type, JSONObject src);

    void bindJSON(Object bean, JSONObject src);

    JSONObject getSubmittedForm() throws ServletException;
}
