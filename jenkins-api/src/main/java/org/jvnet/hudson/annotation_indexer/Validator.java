package org.jvnet.hudson.annotation_indexer;

import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.annotation.processing.ProcessingEnvironment;

/** Compile-time check of an indexed annotation's use (real type; unused by the plugin). */
public interface Validator {
    void check(Element use, RoundEnvironment roundEnvironment, ProcessingEnvironment environment);
}
