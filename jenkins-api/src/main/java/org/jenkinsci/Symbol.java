package org.jenkinsci;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.annotation.ElementType;
import java.lang.annotation.Documented;
import org.jvnet.hudson.annotation_indexer.Indexed;

/** Short name of a describable for Pipeline and JCasC; indexed through {@code @Indexed}. */
@Indexed
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Documented
public @interface Symbol {
    String[] value();
}
