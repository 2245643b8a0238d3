package org.kohsuke.stapler;

/** An object that hands URL dispatch over to another object (or refuses it, for permission checks). */
public interface StaplerProxy {
    Object getTarget();
}
