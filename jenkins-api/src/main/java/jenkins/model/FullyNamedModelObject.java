package jenkins.model;

import hudson.model.ModelObject;

/** A model object with a full display name. */
public interface FullyNamedModelObject extends ModelObject {
    String getFullDisplayName();
}
