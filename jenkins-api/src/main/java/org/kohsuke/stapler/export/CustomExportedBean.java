package org.kohsuke.stapler.export;

/** A bean exported through the REST API as another object. */
public interface CustomExportedBean {
    Object toExportedObject();
}
