package hudson.model;

/** Looks descriptors up by id for URLs such as {@code descriptorByName/...}. */
public interface DescriptorByNameOwner extends ModelObject {
    default Descriptor getDescriptorByName(String id) {
        throw new UnsupportedOperationException();
    }
}
